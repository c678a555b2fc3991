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

    [Fact]
    public void The_connection_string_comes_from_a_settings_file_and_the_command_line_wins()
    {
        var file = Path.Combine(Path.GetTempPath(), $"aismonitor-connection-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, """{ "ConnectionStrings": { "AisMonitor": "Host=127.0.0.1;Port=1;Username=a;Database=a;Timeout=3" } }""");
            var fromFile = CommandRunner.Run($"replay sample-tracks/angara-2024/angara-2024.nmea.gz --config \"{file}\" --out /dev/null");
            Assert.Equal(4, fromFile.ExitCode);
            Assert.Contains("127.0.0.1:1", fromFile.StandardError, StringComparison.Ordinal);

            var fromCommandLine = CommandRunner.Run($"migrate --config \"{file}\" --connection \"Host=127.0.0.1;Port=2;Username=a;Database=a;Timeout=3\"");
            Assert.Equal(4, fromCommandLine.ExitCode);
            Assert.Contains("127.0.0.1:2", fromCommandLine.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_data_folder_given_on_the_command_line_wins_over_the_environment()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-given-{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string> { ["AisMonitor__DataFolder"] = Path.Combine(folder, "from-environment"), ["ConnectionStrings__AisMonitor"] = string.Empty };
        try
        {
            var given = CommandRunner.Run($"migrate --data-folder \"{Path.Combine(folder, "given")}\"", environment: environment);
            Assert.True(given.ExitCode == 0, given.StandardError);
            Assert.Contains(Path.Combine(folder, "given", "postgres"), given.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
