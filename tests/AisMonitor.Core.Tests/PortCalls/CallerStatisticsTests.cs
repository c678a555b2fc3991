using AisMonitor.Core.PortCalls;

namespace AisMonitor.Core.Tests.PortCalls;

public sealed class CallerStatisticsTests
{
    /// <summary>A feed where a fifth of all calls are Russian cargo ships, at a port of their own.</summary>
    private static CallerStatistics Feed(int callsAtBusyPort, int callsAtQuietPort)
    {
        var statistics = new CallerStatistics();
        for (var i = 0; i < 1000; i++)
        {
            statistics.Count("RUVVO", "RU", 7);
        }

        for (var i = 0; i < 4000; i++)
        {
            statistics.Count("OTHER", "PA", 7);
        }

        for (var i = 0; i < callsAtBusyPort; i++)
        {
            statistics.Count("BUSY", "LR", 8);
        }

        for (var i = 0; i < callsAtQuietPort; i++)
        {
            statistics.Count("QUIET", "LR", 8);
        }

        return statistics;
    }

    [Fact]
    public void A_flag_never_seen_among_three_thousand_callers_is_rare_there_but_not_among_three()
    {
        var statistics = Feed(callsAtBusyPort: 3000, callsAtQuietPort: 3);
        var (busyFlag, busyType) = statistics.Judge("BUSY", "RU", 7);
        var (quietFlag, quietType) = statistics.Judge("QUIET", "RU", 7);
        Assert.True(busyFlag.Fired, busyFlag.Detail);
        Assert.True(busyType.Fired, busyType.Detail);
        Assert.False(quietFlag.Fired, quietFlag.Detail);
        Assert.False(quietType.Fired, quietType.Detail);
    }

    [Fact]
    public void A_usual_caller_is_not_rare_and_an_unknown_flag_or_type_is_not_judged()
    {
        var statistics = Feed(callsAtBusyPort: 3000, callsAtQuietPort: 0);
        Assert.False(statistics.Judge("BUSY", "LR", 8).Flag.Fired);
        Assert.False(statistics.Judge("RUVVO", "RU", 7).Flag.Fired);
        var (flag, type) = statistics.Judge("BUSY", null, null);
        Assert.Equal(("flag unknown", "ship type class unknown"), (flag.Detail, type.Detail));
    }

    [Fact]
    public void What_was_counted_survives_a_snapshot()
    {
        var statistics = Feed(callsAtBusyPort: 3000, callsAtQuietPort: 3);
        var restored = new CallerStatistics();
        restored.Restore(statistics.ToSnapshot());
        Assert.Equal(statistics.Judge("BUSY", "RU", 7), restored.Judge("BUSY", "RU", 7));
        Assert.Equal(statistics.Judge("QUIET", "RU", 7), restored.Judge("QUIET", "RU", 7));
    }
}
