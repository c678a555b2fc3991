using AisMonitor.Core.Alerts;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Simulation;
using AisMonitor.Core.Tests.Support;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Spoofing;

/// <summary>Position manipulation: jumps where no ship could go and back, again and again; circles drawn around one place.</summary>
public sealed class PositionSpoofingTests
{
    private const uint Ship = 273_000_301;
    private static readonly Duration Hour = Duration.FromHours(1);
    private static readonly GeoPoint Sea = new(44.0, 36.0); // the Black Sea, off Novorossiysk

    /// <summary>A cargo ship sailing east at 12 kn for a day, reporting every minute, heard everywhere, with these spoofed windows.</summary>
    private static Scenario Voyage(params PositionSpoof[] spoofs)
    {
        var end = ScenarioRuns.Offset(Sea, 90, 288);
        return new Scenario
        {
            Start = Start,
            End = Start + (Hour * 24),
            Seed = 7,
            DefaultReceptionProbability = 1,
            Vessels =
            [
                new SimulatedVessel
                {
                    Mmsi = Ship,
                    Name = "SPOOFED",
                    Route = [new Waypoint { Latitude = Sea.LatitudeDegrees, Longitude = Sea.LongitudeDegrees }, new Waypoint { Latitude = end.LatitudeDegrees, Longitude = end.LongitudeDegrees, SpeedKnots = 12 }],
                    PositionSpoofs = spoofs,
                },
            ],
        };
    }

    private static List<Alert> Alerts(Scenario scenario) => ScenarioRuns.FinalAlerts(scenario, PortIndex.Empty, AlertKind.PositionSpoofing);

    private static List<Alert> Run(IEnumerable<AisMonitor.Core.Ais.DecodedMessage> messages) => ScenarioRuns.FinalAlerts(messages, PortIndex.Empty, AlertKind.PositionSpoofing);

    [Fact]
    public void An_honest_voyage_raises_nothing() => Assert.Empty(Alerts(Voyage()));

    [Fact]
    public void Circles_drawn_for_three_hours_are_raised_with_their_loops()
    {
        var alert = Assert.Single(Alerts(Voyage(new PositionSpoof { From = Start + (Hour * 6), To = Start + (Hour * 9), Pattern = SpoofPattern.Circle, RadiusNauticalMiles = 0.5, SpeedKnots = 10 })));

        var evidence = alert.PositionSpoofing!;
        Assert.InRange(evidence.LoopCount, 8, 10); // 3 h at 10 kn around 3.1 nm: a loop every 19 min
        Assert.All(evidence.Loops, l => Assert.InRange(l.RadiusNauticalMiles, 0.4, 0.6));
        Assert.All(evidence.Loops, l => Assert.True(l.Clockwise));
        Assert.True(alert.Rules.Single(r => r.Name == "Circling").Fired);
        Assert.Equal(0, evidence.JumpCount); // the jumps into and out of the circle were confirmed moves
        Assert.InRange(alert.Start, Start + (Hour * 6), Start + (Hour * 6.5));
        Assert.Equal(Severity.Low, alert.Severity); // a ship may really circle
    }

    [Fact]
    public void Scattered_jumps_every_tenth_report_are_raised_low()
    {
        var alert = Assert.Single(Alerts(Voyage(new PositionSpoof { From = Start + (Hour * 2), To = Start + (Hour * 8), EveryReports = 10, JumpNauticalMiles = 150 })));

        var evidence = alert.PositionSpoofing!;
        Assert.InRange(evidence.JumpCount, 30, 36); // 6 h of one report a minute, one in ten (two that land within reach of each other read as a move)
        Assert.All(evidence.Jumps, j => Assert.InRange(j.DistanceNauticalMiles, 148, 152));
        Assert.Equal(Severity.Low, alert.Severity);
        Assert.True(alert.Rules.Single(r => r.Name == "RepeatedJumps").Fired);
        Assert.Equal(20, evidence.Jumps.Count); // the latest twenty shown
    }

    [Fact]
    public void Jumps_to_one_place_agree_with_each_other_and_read_as_a_second_ship()
    {
        // The 2017 Black Sea case: positions shown at Gelendzhik airport again and again. From positions
        // alone that is a second transmitter there, so it is an identity conflict, not counted jumps.
        var scenario = Voyage(new PositionSpoof { From = Start + (Hour * 2), To = Start + (Hour * 12), EveryReports = 15, Latitude = 44.577, Longitude = 38.012 });

        Assert.Empty(Alerts(scenario));
        var conflict = Assert.Single(ScenarioRuns.FinalAlerts(scenario, PortIndex.Empty, AlertKind.IdentityConflict));
        Assert.True(conflict.Rules.Single(r => r.Name == "TwoShipsOnOneMmsi").Fired);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void One_or_two_glitches_in_a_day_are_not_raised(int glitches)
    {
        var spoofs = Enumerable.Range(0, glitches).Select(i => new PositionSpoof { From = Start + (Hour * (3 + (8 * i))), To = Start + (Hour * (3 + (8 * i))) + Duration.FromSeconds(61), EveryReports = 1 }).ToArray();
        Assert.Empty(Alerts(Voyage(spoofs)));
    }

    [Fact]
    public void One_loop_is_a_manoeuvre_not_circles()
    {
        // A Williamson turn or a turning circle: 360° once, then on its way.
        Assert.Empty(Alerts(Voyage(new PositionSpoof { From = Start + (Hour * 6), To = Start + (Hour * 6) + Duration.FromMinutes(20), Pattern = SpoofPattern.Circle, RadiusNauticalMiles = 0.5, SpeedKnots = 10 })));
    }

    [Fact]
    public void Jumps_a_day_apart_are_separate_episodes_and_not_raised()
    {
        var spoofs = Enumerable.Range(0, 3).Select(i => new PositionSpoof { From = Start + (Hour * 20 * i), To = Start + (Hour * 20 * i) + Duration.FromSeconds(61), EveryReports = 1 }).ToArray();
        var scenario = Voyage(spoofs) with { End = Start + (Hour * 60) };
        Assert.Empty(Alerts(scenario));
    }

    [Fact]
    public void A_vessel_at_anchor_swinging_with_gnss_noise_is_not_circling()
    {
        var random = new Random(3);
        var messages = Enumerable.Range(0, 12 * 60).Select(i => Position(Ship, Start + Duration.FromMinutes(i), 44.0 + (random.NextDouble() * 0.001), 36.0 + (random.NextDouble() * 0.001), speedKnots: random.NextDouble() * 0.4));
        Assert.Empty(Run(messages));
    }

    [Fact]
    public void A_ship_weaving_on_its_course_is_not_circling()
    {
        // Zig-zagging 30° either side of east every 5 minutes for 12 hours: plenty of turning, none of it round.
        var messages = new List<AisMonitor.Core.Ais.DecodedMessage>();
        var at = Sea;
        for (var minute = 0; minute < 12 * 60; minute++)
        {
            var bearing = 90 + ((minute / 5 % 2 == 0) ? 30 : -30);
            at = ScenarioRuns.Offset(at, bearing, 0.2);
            messages.Add(Position(Ship, Start + Duration.FromMinutes(minute), at.LatitudeDegrees, at.LongitudeDegrees));
        }

        Assert.Empty(Run(messages));
    }

    [Fact]
    public void Snapshot_and_restore_in_the_middle_of_circles_and_jumps_gives_the_same_alerts()
    {
        var messages = ScenarioRuns.Messages(Voyage(
            new PositionSpoof { From = Start + (Hour * 2), To = Start + (Hour * 4), EveryReports = 10 },
            new PositionSpoof { From = Start + (Hour * 6), To = Start + (Hour * 8), Pattern = SpoofPattern.Circle })).ToList();
        foreach (var cut in new[] { messages.Count / 8, messages.Count / 3, (messages.Count * 3) / 10 })
        {
            var (uninterrupted, resumed, snapshot) = SnapshotRuns.WholeAndResumed(messages, cut);
            Assert.Contains("position_spoofing", string.Join('\n', uninterrupted), StringComparison.Ordinal);
            Assert.Equal(uninterrupted, resumed);
        }
    }
}
