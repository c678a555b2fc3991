using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>Each gap rule fires on the situation it describes, and the in-port exception holds.</summary>
public sealed class GapRuleTests
{
    private const uint Dark = 273_210_440;
    private static readonly Duration TenMinutes = Duration.FromMinutes(10);

    /// <summary>200 vessels circling for 5 days around a point: a well-heard cell.</summary>
    private static IEnumerable<DecodedMessage> Busy(double latitude, double longitude, uint firstMmsi) =>
        Merge(Enumerable.Range(0, 200).Select(i => Circling((uint)(firstMmsi + i), Start, Start + Duration.FromDays(5), Duration.FromMinutes(30), latitude, longitude, phase: i)).ToArray());

    private static List<Alert> Gaps(PortIndex ports, params IEnumerable<DecodedMessage>[] streams) => Gaps(ports, Coastline.None, streams);

    private static List<Alert> Gaps(PortIndex ports, Coastline land, params IEnumerable<DecodedMessage>[] streams) => Gaps(new DetectionOptions(), ports, land, streams);

    private static List<Alert> Gaps(DetectionOptions options, PortIndex ports, Coastline land, params IEnumerable<DecodedMessage>[] streams)
    {
        var updates = new List<Alert>();
        var engine = new DetectionEngine(options, ports, updates.Add) { Land = land };
        foreach (var message in Merge(streams))
        {
            engine.Process(message);
        }

        engine.Complete();
        return updates.Where(a => a.Kind == AlertKind.TransponderGap).GroupBy(a => a.Id).Select(g => g.Last()).ToList();
    }

    private static Port PortAt(string name, string locode, double latitude, double longitude) => new(name, locode, "Test", new GeoPoint(latitude, longitude), 2);

    [Fact]
    public void Going_dark_offshore_with_good_reception_after_a_dense_track_is_intentional_disabling()
    {
        var silentFrom = Start + Duration.FromDays(4);
        var track = Circling(Dark, Start, Start + Duration.FromDays(5), TenMinutes, 20.0, 60.0)
            .Where(m => m.Metadata.Received < silentFrom || m.Metadata.Received >= silentFrom + Duration.FromHours(14));
        var gap = Assert.Single(Gaps(new PortIndex([PortAt("Far", "XXFAR", 25.0, 60.0)]), Busy(20.0, 60.0, 440_100_000), track));
        Assert.Contains(gap.Rules, r => r.Name == "IntentionalDisabling" && r.Fired);
        Assert.Equal(Severity.High, gap.Severity);
    }

    [Fact]
    public void Going_quiet_in_well_heard_waters_and_reappearing_where_satellites_seldom_pass_is_not_intentional_disabling()
    {
        // The same vessel and silence as above, but it reappears 170 nm east, where a fleet is heard only
        // every 8 hours: a 14 h silence is ordinary there, so the waters it sailed into explain it.
        var silentFrom = Start + Duration.FromDays(4);
        var silentTo = silentFrom + Duration.FromHours(14);
        var track = Circling(Dark, Start, silentFrom, TenMinutes, 20.0, 60.0)
            .Concat(Circling(Dark, silentTo, Start + Duration.FromDays(5), TenMinutes, 20.0, 63.0));
        var seldomHeard = Merge([.. Enumerable.Range(0, 200).Select(i => Circling((uint)(440_300_000 + i), Start, Start + Duration.FromDays(5), Duration.FromHours(8), 20.0, 63.0, phase: i))]);
        var ports = new PortIndex([PortAt("Far", "XXFAR", 25.0, 60.0)]);
        var everything = new DetectionOptions { Gaps = new GapOptions { MinimumScore = 0, MediumScore = 0, HighScore = 0 } };

        var scored = Assert.Single(Gaps(everything, ports, Coastline.None, Busy(20.0, 60.0, 440_100_000), seldomHeard, track), a => a.Mmsi.Value == Dark);
        var rule = Assert.Single(scored.Rules, r => r.Name == "IntentionalDisabling");

        Assert.False(rule.Fired, rule.Detail);
        Assert.Contains("it sailed out of coverage", rule.Detail);
        Assert.True(scored.Score < 1, scored.ScoreExplanation);
        Assert.Contains("the place that explains the silence best counts", scored.ScoreExplanation);
        // Raised while it was silent (nothing then explained it), the alert ends low once it reappears there.
        var raised = Assert.Single(Gaps(ports, Busy(20.0, 60.0, 440_100_000), seldomHeard, track), a => a.Mmsi.Value == Dark);
        Assert.Equal(Severity.Low, raised.Severity);
        Assert.DoesNotContain(raised.Rules, r => r.Fired);
    }

    [Fact]
    public void Good_reception_for_the_disabling_rule_needs_enough_vessel_hours_heard_in_the_start_cell_itself()
    {
        // The busy cell has heard thousands of vessel-hours: asked for more, the rule holds back.
        var silentFrom = Start + Duration.FromDays(4);
        var track = Circling(Dark, Start, Start + Duration.FromDays(5), TenMinutes, 20.0, 60.0)
            .Where(m => m.Metadata.Received < silentFrom || m.Metadata.Received >= silentFrom + Duration.FromHours(14)).ToList();
        var ports = new PortIndex([PortAt("Far", "XXFAR", 25.0, 60.0)]);
        var demanding = new DetectionOptions { Gaps = new GapOptions { DisablingMinimumCellVesselHours = 50_000 } };

        var fired = Assert.Single(Assert.Single(Gaps(ports, Coastline.None, Busy(20.0, 60.0, 440_100_000), track)).Rules, r => r.Name == "IntentionalDisabling");
        var held = Assert.Single(Assert.Single(Gaps(demanding, ports, Coastline.None, Busy(20.0, 60.0, 440_100_000), track)).Rules, r => r.Name == "IntentionalDisabling");

        Assert.True(fired.Fired, fired.Detail);
        Assert.False(held.Fired, held.Detail);
        Assert.Matches(@"from [\d,]+ vessel-hours heard in its cell \(good reception needs ≤ 0.01 from ≥ 50,000\)", held.Detail);
    }

    [Fact]
    public void A_silence_where_only_the_ocean_block_around_has_been_heard_proves_nothing()
    {
        // The busy fleet is in the same 16° block (6N–22N, 60E–76E) but another 4° block: the vessel's own
        // waters (10N 70E, then 8N 70E, 120 nm on) have heard only its own day of reports, not enough to know
        // reception there, so a 14 h silence that moved it on is neither scored nor a dark voyage.
        var silentFrom = Start + Duration.FromDays(3);
        var silentTo = silentFrom + Duration.FromHours(14);
        var track = Circling(Dark, silentFrom - Duration.FromDays(1), silentFrom, TenMinutes, 10.0, 70.0)
            .Concat(Circling(Dark, silentTo, silentTo + Duration.FromDays(1), TenMinutes, 8.0, 70.0));
        var ports = new PortIndex([PortAt("Far", "XXFAR", 25.0, 60.0)]);
        var everything = new DetectionOptions { Gaps = new GapOptions { MinimumScore = 0, MediumScore = 0, HighScore = 0 } };

        Alert TheSilence(DetectionOptions options) => Assert.Single(Gaps(options, ports, Coastline.None, Busy(20.0, 60.0, 440_100_000), track), a => a.Start < silentTo && a.End is not null);
        var unknown = TheSilence(everything);
        var ownHoursCount = TheSilence(everything with { Reception = new ReceptionOptions { MinimumLocalVesselHours = 0 } });

        Assert.Equal(0, unknown.Score);
        Assert.Contains("proves nothing", unknown.ScoreExplanation);
        Assert.False(Assert.Single(unknown.Rules, r => r.Name == "DarkVoyage").Fired);
        Assert.Empty(Gaps(ports, Busy(20.0, 60.0, 440_100_000), track));
        Assert.True(ownHoursCount.Score > 2.5, ownHoursCount.ScoreExplanation); // its own day counted as evidence: "well heard"
    }

    [Fact]
    public void The_same_silence_near_a_port_is_not_intentional_disabling_by_the_GFW_rule()
    {
        var silentFrom = Start + Duration.FromDays(4);
        var track = Circling(Dark, Start, Start + Duration.FromDays(5), TenMinutes, 20.0, 60.0)
            .Where(m => m.Metadata.Received < silentFrom || m.Metadata.Received >= silentFrom + Duration.FromHours(14));
        var gap = Assert.Single(Gaps(new PortIndex([PortAt("Near", "XXNEA", 20.5, 60.0)]), Busy(20.0, 60.0, 440_100_000), track));
        var rule = Assert.Single(gap.Rules, r => r.Name == "IntentionalDisabling");
        Assert.False(rule.Fired, rule.Detail);
        Assert.Matches(@"nearest port [1-4][0-9] nm \(needs > 50 nm", rule.Detail);
    }

    /// <summary>A square island of 0.5° whose west shore is at <paramref name="longitude"/> (the track circles around 20° N 60° E).</summary>
    private static Coastline IslandFrom(double longitude) => new([new NetTopologySuite.Geometries.GeometryFactory().CreatePolygon(
        [new(longitude, 19.75), new(longitude + 0.5, 19.75), new(longitude + 0.5, 20.25), new(longitude, 20.25), new(longitude, 19.75)])]);

    [Theory]
    [InlineData(60.5, false)] // an island without a port 28 nm east: near the shore, whatever the ports say
    [InlineData(62.0, true)] // the island 113 nm east and a port 30 nm north: offshore, the port notwithstanding
    public void With_a_coastline_the_disabling_rule_measures_the_distance_from_the_shore_not_from_the_nearest_port(double islandLongitude, bool offshore)
    {
        var silentFrom = Start + Duration.FromDays(4);
        var track = Circling(Dark, Start, Start + Duration.FromDays(5), TenMinutes, 20.0, 60.0)
            .Where(m => m.Metadata.Received < silentFrom || m.Metadata.Received >= silentFrom + Duration.FromHours(14));
        var ports = offshore ? new PortIndex([PortAt("Near", "XXNEA", 20.5, 60.0)]) : new PortIndex([PortAt("Far", "XXFAR", 25.0, 60.0)]);
        var gap = Assert.Single(Gaps(ports, IslandFrom(islandLongitude), Busy(20.0, 60.0, 440_100_000), track));
        var rule = Assert.Single(gap.Rules, r => r.Name == "IntentionalDisabling");
        Assert.Equal(offshore, rule.Fired);
        Assert.Matches(@"\d+ nm from shore \(needs > 50 nm\)", rule.Detail);
        var fromShore = gap.Gap!.DistanceFromShoreBeforeNauticalMiles!.Value;
        Assert.InRange(fromShore, offshore ? 100 : 20, offshore ? 120 : 35);
    }

    [Fact]
    public void Reappearing_further_than_the_vessel_can_sail_is_a_far_reappearance()
    {
        var before = Circling(Dark, Start, Start + Duration.FromDays(2), TenMinutes, 34.5, 128.5);
        var after = Circling(Dark, Start + Duration.FromDays(2) + Duration.FromHours(8), Start + Duration.FromDays(3), TenMinutes, 24.5, 128.5); // 600 nm in 8 h: 75 kn
        var gap = Assert.Single(Gaps(PortIndex.Empty, before, after));
        Assert.Contains(gap.Rules, r => r.Name == "FarReappearance" && r.Fired);
        Assert.InRange(gap.Gap!.ImpliedSpeedKnots!.Value, 70, 80);
        Assert.True(gap.Severity >= Severity.Medium);
    }

    [Fact]
    public void A_gap_that_starts_near_a_port_of_concern_is_high_severity()
    {
        var before = Circling(Dark, Start, Start + Duration.FromDays(2), TenMinutes, 42.0, 130.5);
        var after = Circling(Dark, Start + Duration.FromDays(2) + Duration.FromHours(7), Start + Duration.FromDays(3), TenMinutes, 42.0, 130.5);
        var gap = Assert.Single(Gaps(new PortIndex([PortAt("Najin", "KPRJN", 42.2333, 130.3)]), before, after));
        Assert.Contains(gap.Rules, r => r.Name == "NearPortOfConcern" && r.Fired && r.Detail.Contains("Najin (KPRJN)", StringComparison.Ordinal));
        Assert.Equal(Severity.High, gap.Severity);
    }

    [Fact]
    public void A_silence_at_a_berth_is_left_to_the_port_call_detector()
    {
        var berth = (Latitude: 30.0, Longitude: 122.1);
        IEnumerable<DecodedMessage> Moored(Instant from, Instant to)
        {
            for (var t = from; t < to; t += TenMinutes)
            {
                yield return Position(Dark, t, berth.Latitude, berth.Longitude, speedKnots: 0);
            }
        }

        var gaps = Gaps(new PortIndex([PortAt("Zhoushan", "CNZOS", 30.0, 122.1)]), Busy(30.3, 122.5, 440_100_000),
            Moored(Start, Start + Duration.FromDays(2)), Moored(Start + Duration.FromDays(3), Start + Duration.FromDays(4)));
        Assert.Empty(gaps);
    }

    [Fact]
    public void A_silence_inside_a_port_polygon_far_from_its_reference_point_is_left_to_the_port_call_detector()
    {
        // Port limits 40 nm across: the berth is 15 nm from the polygon's reference point, beyond any radius.
        var limits = new NetTopologySuite.Geometries.GeometryFactory().CreatePolygon(
        [
            new(121.8, 29.7), new(122.6, 29.7), new(122.6, 30.4), new(121.8, 30.4), new(121.8, 29.7),
        ]);
        var area = new Port("Port limits", null, "Test", new GeoPoint(30.25, 122.45), 1) { Boundary = limits };
        var berth = (Latitude: 30.0, Longitude: 122.1);
        IEnumerable<DecodedMessage> Moored(Instant from, Instant to)
        {
            for (var t = from; t < to; t += TenMinutes)
            {
                yield return Position(Dark, t, berth.Latitude, berth.Longitude, speedKnots: 0);
            }
        }

        var gaps = Gaps(new PortIndex([area]), Busy(30.3, 122.5, 440_100_000),
            Moored(Start, Start + Duration.FromDays(2)), Moored(Start + Duration.FromDays(3), Start + Duration.FromDays(4)));
        Assert.Empty(gaps);
    }
}
