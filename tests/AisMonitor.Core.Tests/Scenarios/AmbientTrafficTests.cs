using AisMonitor.Core.Simulation;
using NodaTime;

namespace AisMonitor.Core.Tests.Scenarios;

/// <summary>Ambient traffic draws distinct MMSIs from its MIDs: a request the MIDs cannot give is refused, not looped on.</summary>
public sealed class AmbientTrafficTests
{
    private static Scenario Scenario(int count, IReadOnlyList<int> mids) => new()
    {
        Name = "flood",
        Start = Instant.FromUtc(2024, 3, 1, 0, 0),
        End = Instant.FromUtc(2024, 3, 1, 1, 0),
        Ambient = new AmbientTraffic
        {
            Count = count,
            Mids = mids,
            Areas = [new ReceptionArea("North-Sea", 51, 1, 58, 9, 1)],
        },
    };

    [Fact]
    public void More_vessels_than_the_MIDs_hold_distinct_MMSIs_is_refused_saying_what_to_add()
    {
        // Two MIDs hold 1,799,998 MMSIs of the drawn form; ten million used to spin for ever looking for a free one.
        var error = Assert.Throws<ArgumentException>(() => ScenarioSimulator.AllVessels(Scenario(10_000_000, [440, 431])));
        Assert.Contains("10,000,000", error.Message, StringComparison.Ordinal);
        Assert.Contains("1,799,998", error.Message, StringComparison.Ordinal);
        Assert.Contains("mids", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void As_many_vessels_as_the_MIDs_allow_have_distinct_MMSIs_from_those_MIDs()
    {
        var vessels = ScenarioSimulator.AllVessels(Scenario(20_000, [440]));
        Assert.Equal(20_000, vessels.Select(v => v.Mmsi).Distinct().Count());
        Assert.All(vessels, v => Assert.Equal(440u, v.Mmsi / 1_000_000));
    }
}
