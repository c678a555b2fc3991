namespace AisMonitor.Worker.Tests.Commands;

/// <summary>replay with no connection string: AisMonitor starts its own PostgreSQL, migrates it, stores, and stops it.</summary>
public sealed class ReplayDatabaseTests
{
    [Fact]
    public void Replaying_the_same_file_twice_into_the_same_database_leaves_the_same_alerts()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-replay-db-{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string> { ["AisMonitor__DataFolder"] = folder, ["ConnectionStrings__AisMonitor"] = string.Empty };
        try
        {
            const string replay = "replay sample-tracks/angara-2024/angara-2024.nmea.gz --out /dev/null";
            var first = CommandRunner.Run(replay, environment: environment);
            Assert.True(first.ExitCode == 0, first.StandardError);
            Assert.Contains("started AisMonitor's own PostgreSQL on 127.0.0.1:", first.StandardError, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                // Intelligence: nobody else lists or reads it (as root, the postgres user may pass through).
                Assert.Equal(0, (int)(File.GetUnixFileMode(folder) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)));
            }

            Assert.Contains("stored       7 alerts, 252 port calls and the vessels", first.StandardError, StringComparison.Ordinal);
            Assert.Contains("it holds 7 alerts, 252 port calls, 53 vessels", first.StandardError, StringComparison.Ordinal);

            var second = CommandRunner.Run(replay, environment: environment);
            Assert.True(second.ExitCode == 0, second.StandardError);
            Assert.Contains("it holds 7 alerts, 252 port calls, 53 vessels", second.StandardError, StringComparison.Ordinal);

            // Exported from the database, the stored alerts are the replay's, and filters apply.
            var stored = CommandRunner.Run("alerts export --format csv", environment: environment);
            Assert.True(stored.ExitCode == 0, stored.StandardError);
            var approved = CommandRunner.Run("alerts export --format csv sample-tracks/angara-2024/approved.alerts.jsonl");
            Assert.Equal(approved.StandardOutput.Split('\n').Order(StringComparer.Ordinal), stored.StandardOutput.Split('\n').Order(StringComparer.Ordinal));
            var gaps = CommandRunner.Run("alerts export --format csv --kind transponder_gap --severity high --mmsi 273210440", environment: environment);
            Assert.Equal(2, gaps.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // best effort
            }
            catch (UnauthorizedAccessException)
            {
                // best effort
            }
        }
    }

    [Fact]
    public void The_position_archive_receives_every_position_kept()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-archive-{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string> { ["AisMonitor__DataFolder"] = folder, ["ConnectionStrings__AisMonitor"] = string.Empty };
        try
        {
            // 205316000: 1-31 August 2014. Kept: the positions used plus the suspect ones.
            var first = CommandRunner.Run("replay sample-tracks/gfw-segmenter/positions.csv --mmsi 205316000 --out /dev/null --archive-positions", environment: environment);
            Assert.True(first.ExitCode == 0, first.StandardError);
            var used = System.Text.RegularExpressions.Regex.Match(first.StandardError, @"positions   ([\d,]+) used, [\d,]+ duplicates dropped, ([\d,]+) suspect");
            Assert.True(used.Success, first.StandardError);
            var kept = long.Parse(used.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains($"archived     {kept:N0} positions", first.StandardError, StringComparison.Ordinal);

            // The same file again with a retention (its effect on partitions is tested in AisMonitor.Storage.Tests).
            var second = CommandRunner.Run("replay sample-tracks/gfw-segmenter/positions.csv --mmsi 205316000 --out /dev/null --archive-positions --archive-retention-days 3", environment: environment);
            Assert.True(second.ExitCode == 0, second.StandardError);
            Assert.Contains($"archived     {kept:N0} positions", second.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // best effort
            }
        }
    }

    [Fact]
    public void The_alerts_file_is_readable_by_its_owner_only()
    {
        var output = Path.Combine(Path.GetTempPath(), $"aismonitor-mode-{Guid.NewGuid():N}.jsonl");
        try
        {
            var (exit, _, stderr) = CommandRunner.Run($"replay sample-tracks/angara-2024/angara-2024.nmea.gz --no-database --out \"{output}\"");
            Assert.True(exit == 0, stderr);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(output));
            }
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Archiving_without_a_database_is_refused()
    {
        var (exit, _, stderr) = CommandRunner.Run("replay sample-tracks/angara-2024/angara-2024.nmea.gz --no-database --archive-positions --out /dev/null");
        Assert.Equal(2, exit);
        Assert.Contains("leave out --no-database", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_connection_string_stops_with_what_to_fix()
    {
        var (exit, _, stderr) = CommandRunner.Run("migrate", environment: new Dictionary<string, string> { ["ConnectionStrings__AisMonitor"] = "Host=127.0.0.1;Nonsense=1" });
        Assert.Equal(2, exit);
        Assert.Contains("ConnectionStrings:AisMonitor (or --connection) is not a valid PostgreSQL connection string", stderr, StringComparison.Ordinal);
    }
}
