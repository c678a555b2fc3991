using AisMonitor.Storage;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>AisMonitor's own PostgreSQL when its data folder is already in use.</summary>
public sealed class DataFolderTests
{
    [Fact]
    public async Task A_server_already_running_in_the_data_folder_is_explained_not_a_pg_ctl_failure()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-busy-{Guid.NewGuid():N}");
        await using (var running = await LocalPostgresCluster.StartAsync(Path.Combine(folder, "postgres"), durable: false))
        {
            var (exit, _, stderr) = CommandRunner.Run("replay sample-tracks/angara-2024/angara-2024.nmea.gz --out /dev/null",
                environment: new Dictionary<string, string> { ["AisMonitor__DataFolder"] = folder, ["ConnectionStrings__AisMonitor"] = string.Empty });

            Assert.Equal(2, exit);
            Assert.Contains("is already running", stderr, StringComparison.Ordinal);
            Assert.Contains($"port {running.Port}", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("examine the log", stderr, StringComparison.Ordinal);
        }

        Directory.Delete(folder, recursive: true);
    }
}
