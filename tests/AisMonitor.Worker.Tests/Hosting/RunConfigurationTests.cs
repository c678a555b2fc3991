using AisMonitor.Worker.Tests.Commands;

namespace AisMonitor.Worker.Tests.Hosting;

/// <summary>A misconfigured worker stops at start, exit code 2, with one line per bad key saying what is expected, before any database is started.</summary>
public sealed class RunConfigurationTests
{
    private static readonly Dictionary<string, string> OneTcpSource = new()
    {
        ["AisMonitor__Sources__0__Name"] = "coast",
        ["AisMonitor__Sources__0__Kind"] = "tcp",
        ["AisMonitor__Sources__0__Host"] = "127.0.0.1",
        ["AisMonitor__Sources__0__Port"] = "5631",
    };

    private static (int ExitCode, string StandardError) Run(Dictionary<string, string> environment)
    {
        environment["AisMonitor__DataFolder"] = Path.Combine(Path.GetTempPath(), $"aismonitor-never-{Guid.NewGuid():N}");
        var (exit, _, error) = CommandRunner.Run("run --urls http://127.0.0.1:0", environment: environment);
        Assert.False(Directory.Exists(environment["AisMonitor__DataFolder"]), "no database was started");
        return (exit, error);
    }

    [Fact]
    public void No_source_at_all_says_how_to_configure_one()
    {
        var (exit, error) = Run([]);
        Assert.Equal(2, exit);
        Assert.Contains("error: configuration: AisMonitor:Sources is empty", error, StringComparison.Ordinal);
        Assert.Contains("AisMonitor__Sources__0__Kind=tcp", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_key_of_the_sources_and_the_live_options_is_named_with_what_is_expected()
    {
        var (exit, error) = Run(new(OneTcpSource)
        {
            ["AisMonitor__Sources__0__Kind"] = "ftp",
            ["AisMonitor__Sources__1__Name"] = "coast",
            ["AisMonitor__Sources__1__Kind"] = "udp",
            ["AisMonitor__Sources__1__Port"] = "70000",
            ["AisMonitor__Live__QueueBatches"] = "0",
        });

        Assert.Equal(2, exit);
        Assert.Contains("AisMonitor:Sources:0:Kind = 'ftp': expected one of tcp, udp, folder", error, StringComparison.Ordinal);
        Assert.Contains("AisMonitor:Sources:1:Port = 70000: expected a port from 1 to 65535", error, StringComparison.Ordinal);
        Assert.Contains("the name 'coast' is used 2 times", error, StringComparison.Ordinal);
        Assert.Contains("AisMonitor:Live:QueueBatches = 0: expected 1 to 100000", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_source_setting_names_the_closest_real_one() =>
        AssertStops(new(OneTcpSource) { ["AisMonitor__Sources__0__Prot"] = "5631" }, "AisMonitor:Sources:0:Prot is not a setting (did you mean Port?)");

    [Fact]
    public void A_misspelled_live_setting_names_the_closest_real_one() =>
        AssertStops(new(OneTcpSource) { ["AisMonitor__Live__ClockTicks"] = "00:00:01" }, "AisMonitor:Live:ClockTicks is not a setting (did you mean ClockTick?)");

    [Fact]
    public void A_duration_that_is_not_one_says_how_to_write_it() =>
        AssertStops(new(OneTcpSource) { ["AisMonitor__Sources__0__ReadTimeout"] = "two minutes" }, "AisMonitor:Sources:0:ReadTimeout = 'two minutes': expected a duration hh:mm:ss");

    [Fact]
    public void Sources_that_are_not_a_list_are_refused() =>
        AssertStops(new() { ["AisMonitor__Sources__Name"] = "coast" }, "the sources are a list, AisMonitor:Sources:0");

    [Fact]
    public void A_database_that_cannot_be_reached_stops_the_start_with_exit_code_4()
    {
        var (exit, error) = Run(new(OneTcpSource) { ["ConnectionStrings__AisMonitor"] = $"Host=127.0.0.1;Port={LiveWorker.FreePort()};Username=x;Password=y;Timeout=3" });
        Assert.True(exit == 4, error);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static void AssertStops(Dictionary<string, string> environment, string message)
    {
        var (exit, error) = Run(environment);
        Assert.True(exit == 2, error);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
