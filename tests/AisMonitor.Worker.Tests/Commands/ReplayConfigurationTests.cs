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
    [InlineData("AisMonitor__Detection__Gaps__MinimumDurationHours", "6", "'MinimumDurationHours'")]
    [InlineData("AisMonitor__Detection__Gaps__MinimumDuration", "six hours", "'AisMonitor:Detection:Gaps:MinimumDuration' to type 'NodaTime.Duration'")]
    [InlineData("AisMonitor__Detection__Tracking__Partitions", "0", "Partitions")]
    public void A_bad_setting_stops_the_command_naming_it(string variable, string value, string named)
    {
        var (exit, _, stderr) = CommandRunner.Run($"replay --no-database {Angara} --out /dev/null", environment: new Dictionary<string, string> { [variable] = value });
        Assert.Equal(2, exit);
        Assert.Contains("error: configuration under AisMonitor:Detection", stderr, StringComparison.Ordinal);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
    }
}
