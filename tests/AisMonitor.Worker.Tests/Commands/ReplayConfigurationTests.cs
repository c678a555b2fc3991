namespace AisMonitor.Worker.Tests.Commands;

/// <summary>Detection options come from appsettings.json, --config and environment variables; bad ones stop the command.</summary>
public sealed class ReplayConfigurationTests
{
    private const string Angara = "sample-tracks/angara-2024/angara-2024.nmea.gz";

    [Fact]
    public void An_environment_variable_changes_a_threshold()
    {
        // The Angara gap lasts 264 h: a 12-day minimum leaves no gap at all.
        var (exit, _, stderr) = CommandRunner.Run($"replay --no-database {Angara} --out /dev/null", environment: new Dictionary<string, string> { ["AisMonitor__Detection__Gaps__MinimumDuration"] = "12:00:00:00" });
        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("TransponderGap", stderr, StringComparison.Ordinal); // the 11-day silence is not a 12-day gap
    }

    [Fact]
    public void The_command_line_overrides_the_environment()
    {
        var (exit, _, stderr) = CommandRunner.Run($"replay --no-database {Angara} --out /dev/null --gap-min-hours 6", environment: new Dictionary<string, string> { ["AisMonitor__Detection__Gaps__MinimumDuration"] = "12:00:00:00" });
        Assert.True(exit == 0, stderr);
        Assert.Contains("TransponderGap: 1", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_settings_file_adds_ports_of_concern()
    {
        var file = Path.Combine(Path.GetTempPath(), $"aismonitor-settings-{Guid.NewGuid():N}.json");
        var alerts = Path.ChangeExtension(file, ".jsonl");
        try
        {
            File.WriteAllText(file, """{ "AisMonitor": { "Detection": { "Gaps": { "PortsOfConcern": [ "CNZOS" ] } } } }""");
            var (exit, _, stderr) = CommandRunner.Run($"replay --no-database {Angara} --config \"{file}\" --out \"{alerts}\"");
            Assert.True(exit == 0, stderr);
            Assert.Contains("went silent 0.6 nm from Zhoushan (CNZOS)", File.ReadAllText(alerts), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
            File.Delete(alerts);
        }
    }

    [Theory]
    [InlineData("AisMonitor__Detection__Gaps__MinimumDurationHours", "6", "AisMonitor:Detection:Gaps:MinimumDurationHours is not a setting (did you mean MinimumDuration?)")]
    [InlineData("AisMonitor__Detection__Gaps__MinimumDuration", "six hours", "AisMonitor:Detection:Gaps:MinimumDuration = 'six hours': expected a duration D:hh:mm:ss")]
    [InlineData("AisMonitor__Detection__Gaps__MinimumScore", "abc", "AisMonitor:Detection:Gaps:MinimumScore = 'abc': expected a number")]
    [InlineData("AisMonitor__Detection__Tracking__Partitions", "0", "Partitions")]
    [InlineData("AisMonitor__Detecton__Gaps__MinimumScore", "3", "AisMonitor:Detecton is not a setting (did you mean Detection?)")]
    public void A_bad_setting_stops_the_command_naming_it(string variable, string value, string named)
    {
        var (exit, _, stderr) = CommandRunner.Run($"replay --no-database {Angara} --out /dev/null", environment: new Dictionary<string, string> { [variable] = value });
        Assert.Equal(2, exit);
        Assert.Contains("error: configuration", stderr, StringComparison.Ordinal);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("ErrorOnUnknownConfiguration", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("replay --no-database sample-tracks/angara-2024/angara-2024.nmea.gz --out /dev/null")]
    [InlineData("migrate")]
    [InlineData("alerts export")]
    [InlineData("run --urls http://127.0.0.1:0")]
    public void Every_command_checks_the_shared_settings_the_same_way_and_reports_each_bad_one(string command)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-never-{Guid.NewGuid():N}");
        var (exit, _, stderr) = CommandRunner.Run(command, environment: new Dictionary<string, string>
        {
            ["AisMonitor__Storage__MemoryBuffer"] = "0",
            ["AisMonitor__DataFolder"] = folder,
            ["AisMonitor__Sources__0__Name"] = "coast", // run's own settings are fine: the shared ones stop it
            ["AisMonitor__Sources__0__Kind"] = "udp",
            ["AisMonitor__Sources__0__Port"] = "0",
        });
        Assert.Equal(2, exit);
        Assert.Contains("error: configuration: AisMonitor:Storage:MemoryBuffer = 0: expected a positive whole number", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder), "no database was started");

        var both = CommandRunner.Run(command, environment: new Dictionary<string, string> { ["AisMonitor__Storage__MemoryBuffer"] = "-1", ["AisMonitor__DataFolder"] = " " });
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("error: configuration: AisMonitor:Storage:MemoryBuffer = -1", both.StandardError, StringComparison.Ordinal);
        Assert.Contains("error: configuration: AisMonitor:DataFolder is empty", both.StandardError, StringComparison.Ordinal); // one line per bad key
    }

    [Fact]
    public void A_settings_file_that_is_not_JSON_is_named_with_where_it_breaks()
    {
        var file = Path.Combine(Path.GetTempPath(), $"aismonitor-broken-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, """{ "AisMonitor": { "Detection": { "Gaps": { "MinimumScore": 3, } }""");
            var (exit, _, stderr) = CommandRunner.Run($"replay --no-database {Angara} --config \"{file}\" --out /dev/null");
            Assert.Equal(2, exit);
            Assert.Contains($"error: {file} is not valid JSON", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Username=aismonitor;Database=aismonitor;Timeout=3", "connection refused")]
    [InlineData("Host=no-such-host.invalid;Username=aismonitor;Database=aismonitor;Timeout=3", "unknown host")]
    public void A_database_that_cannot_be_reached_stops_the_command_at_start_with_exit_4(string connection, string why)
    {
        var (exit, stdout, stderr) = CommandRunner.Run($"replay {Angara} --out /dev/null", environment: new Dictionary<string, string> { ["ConnectionStrings__AisMonitor"] = connection });
        Assert.True(exit == 4, $"exit {exit}: {stderr}");
        Assert.Contains("error: the database", stderr, StringComparison.Ordinal);
        Assert.Contains(why, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("messages    ", stderr, StringComparison.Ordinal); // stopped before reading input
    }
}
