using System.Diagnostics;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>Ctrl-C and SIGTERM stop a replay cleanly: what was read is used, the alerts so far and the summary are written.</summary>
public sealed class InterruptionTests
{
    [Theory]
    [InlineData("INT", 1)]
    [InlineData("TERM", 2)]
    public async Task A_signal_stops_the_replay_with_the_alerts_so_far_written(string signal, int threads)
    {
        var alerts = Path.Combine(Path.GetTempPath(), $"aismonitor-interrupted-{Guid.NewGuid():N}.jsonl");
        // Through env(1) with the signal's default action restored: a test run started in the background of a
        // non-interactive shell inherits SIGINT ignored, and the child would never see it.
        var start = new ProcessStartInfo("env", $"--default-signal=INT,TERM dotnet \"{Path.Combine(AppContext.BaseDirectory, "aismonitor.dll")}\" replay --no-database --threads {threads} --speed 100000 sample-tracks/angara-2024/angara-2024.nmea.gz --out \"{alerts}\"")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Core.Tests.Support.TestData.RepositoryRoot,
        };
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            // 33 days at 100,000 times real time take about 28 s: 8 s in, reading has begun even on a CI machine
            // busy with other test projects (start-up, the gazetteer and the coastline take 1-3 s alone; a signal
            // before the first message is answered with "(none yet)", which this test would take for a failure).
            await Task.Delay(TimeSpan.FromSeconds(8));
            using (var kill = Process.Start("kill", $"-{signal} {process.Id}"))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            var stderr = await error;
            Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {stderr}");
            Assert.Contains("interrupted at event time 2024-01-", stderr, StringComparison.Ordinal);
            Assert.Contains("messages    ", stderr, StringComparison.Ordinal); // the summary
            Assert.True(File.Exists(alerts));
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(alerts);
        }
    }
}
