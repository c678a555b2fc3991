using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Encounters;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Encounters;

/// <summary>Encounters (possible ship-to-ship transfers), Global Fishing Watch's definition: within 500 m for 2 h, both under 2 kn, 10 km from port.</summary>
public sealed class EncounterTests
{
    private const uint First = 538_000_001, Second = 538_000_002;
    private const double Latitude = 12.0, Longitude = 62.0; // the Arabian Sea, far from any port
    private static readonly Duration Minute = Duration.FromMinutes(1);

    /// <summary>A vessel drifting north at about 0.3 kn from a point, one report every 3 minutes.</summary>
    private static IEnumerable<DecodedMessage> Drifting(uint mmsi, Instant from, Instant to, double latitude, double longitude, double speedKnots = 0.3)
    {
        for (var time = from; time < to; time += Minute * 3)
        {
            yield return Position(mmsi, time, latitude + ((time - from).TotalHours * speedKnots / 60), longitude, speedKnots);
        }
    }

    private static List<Alert> Encounters(IEnumerable<DecodedMessage> messages, PortIndex? ports = null, bool complete = true, Coastline? land = null, DetectionOptions? options = null)
    {
        var updates = new List<Alert>();
        var engine = new DetectionEngine(options ?? new DetectionOptions(), ports ?? PortIndex.Empty, updates.Add) { Land = land ?? Coastline.None };
        foreach (var message in messages)
        {
            engine.Process(message);
        }

        if (complete)
        {
            engine.Complete();
        }

        // The latest update of each encounter.
        return [.. updates.Where(a => a.Kind == AlertKind.Encounter).GroupBy(a => a.Id).Select(g => g.Last())];
    }

    private static IEnumerable<DecodedMessage> Pair(Instant from, Duration together, double apartDegrees = 0.0018, double latitude = Latitude, double longitude = Longitude) =>
        Merge(Drifting(First, from, from + together, latitude, longitude), Drifting(Second, from, from + together, latitude + apartDegrees, longitude));

    [Fact]
    public void Two_vessels_drifting_200_m_apart_for_three_hours_offshore_are_one_encounter_with_its_evidence()
    {
        var encounter = Assert.Single(Encounters(Pair(Start, Duration.FromHours(3))));

        Assert.Equal(First, encounter.Mmsi.Value);
        Assert.False(encounter.IsOpen);
        Assert.Equal(Start, encounter.Start);
        var evidence = encounter.Encounter!;
        Assert.Equal(Second, evidence.Other.Mmsi.Value);
        Assert.InRange(evidence.DurationHours, 2.9, 3.0);
        Assert.InRange(evidence.ClosestApproachMetres, 165, 205); // measured between a report and the other vessel's latest (up to 3 min of drift)
        Assert.InRange(evidence.Track.Count, 14, 19); // a report at least 10 minutes after the last kept (every 12 min with reports every 3)
        Assert.Equal(evidence.Track.Count, evidence.OtherTrack.Count);
        Assert.Equal(Severity.Low, encounter.Severity); // nothing but the encounter itself
        Assert.InRange(GreatCircle.DistanceNauticalMiles(encounter.Location!.Value, new GeoPoint(Latitude, Longitude)), 0, 1);
    }

    /// <summary>
    /// Wherever two vessels are, within the distance is together: across a row of the grid at 60°N 175°E (where the
    /// rows' cells, each about 1.1 km wide, are numbered five apart at one longitude), across the antimeridian, and
    /// at a distance set above a cell's width.
    /// </summary>
    [Theory]
    [InlineData(59.9985, 175.0, 60.0012, 175.0, 500)] // 300 m apart north and south of a row boundary
    [InlineData(12.0, 179.9988, 12.0, -179.9988, 500)] // 260 m apart east and west of 180°
    [InlineData(12.0, 62.0, 12.0, 62.0166, 2000)] // 1.8 km apart, within a distance of 2 km
    public void Two_vessels_within_the_distance_anywhere_are_an_encounter(double latitude1, double longitude1, double latitude2, double longitude2, double distanceMetres)
    {
        var options = new DetectionOptions { Encounters = new EncounterOptions { MaximumDistanceMetres = distanceMetres } };
        var stopped = Merge(
            Drifting(First, Start, Start + Duration.FromHours(3), latitude1, longitude1, speedKnots: 0.02),
            Drifting(Second, Start, Start + Duration.FromHours(3), latitude2, longitude2, speedKnots: 0.02));

        var encounter = Assert.Single(Encounters(stopped, options: options));

        Assert.InRange(encounter.Encounter!.DurationHours, 2.9, 3.0);
    }

    [Fact]
    public void Ninety_minutes_together_is_not_an_encounter() =>
        Assert.Empty(Encounters(Pair(Start, Duration.FromMinutes(90))));

    [Fact]
    public void Vessels_700_m_apart_are_not_together() =>
        Assert.Empty(Encounters(Pair(Start, Duration.FromHours(3), apartDegrees: 0.0063)));

    [Fact]
    public void Two_vessels_passing_close_at_speed_are_not_an_encounter()
    {
        // Head-on at 12 kn, 300 m abeam, reporting every minute for three hours.
        IEnumerable<DecodedMessage> Steam(uint mmsi, double longitude, double knots)
        {
            for (var time = Start; time < Start + Duration.FromHours(3); time += Minute)
            {
                yield return Position(mmsi, time, Latitude + ((time - Start).TotalHours * knots / 60), longitude, Math.Abs(knots));
            }
        }

        Assert.Empty(Encounters(Merge(Steam(First, Longitude, 12), Steam(Second, Longitude + 0.0028, -12))));
    }

    [Theory]
    [InlineData(0.4, false)] // moored side by side in a harbour no gazetteer port stands for
    [InlineData(3.0, true)] // 3 nm off the coast: at sea
    public void Two_vessels_side_by_side_within_a_mile_of_the_shore_are_not_an_encounter_three_miles_out_they_are(double nauticalMilesFromShore, bool expected)
    {
        // Land whose east coast runs north–south the given distance west of the pair.
        var coast = Longitude - (nauticalMilesFromShore / 60 / Math.Cos(Latitude * Math.PI / 180));
        var land = new Coastline([new NetTopologySuite.Geometries.GeometryFactory().CreatePolygon(
            [new(coast - 1, Latitude - 1), new(coast, Latitude - 1), new(coast, Latitude + 1), new(coast - 1, Latitude + 1), new(coast - 1, Latitude - 1)])]);
        Assert.Equal(expected, Encounters(Pair(Start, Duration.FromHours(3)), land: land).Count == 1);
    }

    [Theory]
    [InlineData(0.0, false)] // moored side by side in the port
    [InlineData(8.0, false)] // at its anchorage, 8 km out
    [InlineData(15.0, true)] // 15 km out: away from port
    public void Two_vessels_side_by_side_near_a_port_are_not_an_encounter_beyond_ten_km_they_are(double kilometresFromPort, bool expected)
    {
        var port = new Port("Testport", "XXTST", "Nowhere", new GeoPoint(Latitude - (kilometresFromPort / 111.195), Longitude), 1);
        Assert.Equal(expected, Encounters(Pair(Start, Duration.FromHours(3)), new PortIndex([port])).Count == 1);
    }

    [Theory]
    [InlineData(52, 80, false)] // a tug alongside a tanker: towage, not a transfer
    [InlineData(50, 70, false)] // a pilot boat alongside a cargo ship
    [InlineData(55, 30, false)] // law enforcement alongside a fishing vessel: a boarding
    [InlineData(30, 30, false)] // two fishing vessels: a fleet working a ground
    [InlineData(30, 77, true)] // a fishing vessel alongside a reefer carrier: transshipment
    [InlineData(80, 80, true)] // two tankers
    [InlineData(0, 30, true)] // an unknown type next to a fishing vessel
    public void Service_craft_and_fishing_vessels_together_are_not_encounters_other_pairs_are(byte firstType, byte secondType, bool expected)
    {
        var messages = Merge(
            [Voyage(First, Start - Minute, "FIRST", shipType: firstType), Voyage(Second, Start - Minute, "SECOND", shipType: secondType)],
            Pair(Start, Duration.FromHours(3)));
        Assert.Equal(expected, Encounters(messages).Count == 1);
    }

    [Fact]
    public void Service_craft_and_fishing_pairs_are_raised_when_the_options_say_so()
    {
        var messages = Merge(
            [Voyage(First, Start - Minute, "TUG", shipType: 52), Voyage(Second, Start - Minute, "TRAWLER", shipType: 30)],
            Pair(Start, Duration.FromHours(3)));
        var options = new DetectionOptions { Encounters = new EncounterOptions { IncludeServiceCraft = true } };
        var updates = new List<Alert>();
        var engine = new DetectionEngine(options, PortIndex.Empty, updates.Add);
        foreach (var message in messages)
        {
            engine.Process(message);
        }

        engine.Complete();
        Assert.Single(updates.Where(a => a.Kind == AlertKind.Encounter).Select(a => a.Id).Distinct());
    }

    [Fact]
    public void An_encounter_that_starts_late_in_a_UTC_day_is_found_whole()
    {
        var lateEvening = Instant.FromUtc(2024, 2, 1, 23, 0);
        var encounter = Assert.Single(Encounters(Pair(lateEvening, Duration.FromHours(3))));
        Assert.Equal(lateEvening, encounter.Start);
        Assert.InRange(encounter.End!.Value, Instant.FromUtc(2024, 2, 2, 1, 50), Instant.FromUtc(2024, 2, 2, 2, 0));
    }

    [Fact]
    public void An_encounter_still_going_on_is_raised_open_once_it_has_lasted_two_hours()
    {
        var encounter = Assert.Single(Encounters(Pair(Start, Duration.FromHours(4)), complete: false));
        Assert.True(encounter.IsOpen);
        Assert.Contains("still together", encounter.ScoreExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vessel_that_arrives_out_of_a_long_silence_and_falls_silent_next_to_the_other_makes_it_a_dark_encounter()
    {
        // The second vessel was last heard 12 h before, 200 nm away; it reports next to the first for
        // three hours, then falls silent while the first stays two hours more.
        var meeting = Start + Duration.FromHours(14);
        var messages = Merge(
            Drifting(First, Start, meeting + Duration.FromHours(5), Latitude, Longitude),
            [Position(Second, meeting - Duration.FromHours(12), Latitude + 3.3, Longitude, 14)],
            Drifting(Second, meeting, meeting + Duration.FromHours(3), Latitude + 0.0018 + (14 * 0.3 / 60), Longitude));

        var encounter = Assert.Single(Encounters(messages));

        Assert.Equal(Severity.Medium, encounter.Severity);
        var dark = Assert.Single(encounter.Rules, r => r.Name == "DarkEncounter");
        Assert.True(dark.Fired);
        Assert.Contains("silent 12.0 h just before", dark.Detail, StringComparison.Ordinal);
        Assert.Contains("fell silent next to the other", dark.Detail, StringComparison.Ordinal);
        Assert.Equal(12.0, encounter.Encounter!.Other.SilentBeforeHours);
        Assert.True(encounter.Encounter.Other.FellSilent);
        Assert.False(encounter.Encounter.Vessel.FellSilent);
    }

    [Fact]
    public void A_vessel_that_gets_under_way_ends_the_encounter_then_and_neither_fell_silent()
    {
        // Three hours side by side; then the second steams off north at 12 kn, reporting every 3 minutes, while the first stays.
        var away = Start + Duration.FromHours(3);
        var steaming = Enumerable.Range(0, 40).Select(i => Position(Second, away + (Minute * (3 * i)), Latitude + 0.0018 + (i * 3 * 12 / 60.0 / 60), Longitude, 12));
        var encounter = Assert.Single(Encounters(Merge(Pair(Start, Duration.FromHours(3)), Drifting(First, away, away + Duration.FromHours(2), Latitude + (3 * 0.3 / 60), Longitude), steaming)));

        Assert.False(encounter.IsOpen);
        Assert.InRange((encounter.End!.Value - away).TotalMinutes, -5, 0); // ended by its first report under way, not by an hour's silence
        Assert.False(encounter.Encounter!.Vessel.FellSilent);
        Assert.False(encounter.Encounter.Other.FellSilent);
    }

    [Fact]
    public void A_fishing_fleet_spread_two_km_apart_on_a_ground_raises_nothing()
    {
        var fleet = Enumerable.Range(0, 100).Select(i => Drifting((uint)(412_000_000 + i), Start, Start + Duration.FromHours(6), Latitude + ((i / 10) * 0.018), Longitude + ((i % 10) * 0.018), speedKnots: 1.5));
        Assert.Empty(Encounters(Merge([.. fleet])));
    }

    /// <summary>
    /// A slow vessel falls silent: it is no longer filed among the slow vessels once a sweep has seen its silence pass the
    /// limit (an hour), whenever the others were filed; the two still heard stay. (With three vessels the feed's time runs
    /// behind the latest report: the snapshot's watermark is the time that counts.)
    /// </summary>
    [Theory]
    [InlineData(60, true)] // watermark 00:33: silent 24 minutes
    [InlineData(85, true)] // 01:00: silent 51 minutes
    [InlineData(100, false)] // 01:15: silent 66 minutes, past the sweep at 01:10
    [InlineData(120, false)]
    [InlineData(200, false)]
    public void A_slow_vessel_silent_beyond_the_limit_is_no_longer_filed(int minutes, bool stillFiled)
    {
        const uint silent = 538_000_010, early = 538_000_011, late = 538_000_012;
        var messages = Merge(
            Drifting(early, Start, Start + Duration.FromHours(4), Latitude, Longitude),
            Drifting(silent, Start, Start + Duration.FromMinutes(10), Latitude + 0.5, Longitude),
            Drifting(late, Start + Duration.FromMinutes(30), Start + Duration.FromHours(4), Latitude - 0.5, Longitude));
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, _ => { }) { Land = Coastline.None };
        foreach (var message in messages.Where(m => m.Metadata.Received < Start + Duration.FromMinutes(minutes)))
        {
            engine.Process(message);
        }

        var snapshot = engine.Snapshot();
        var silentFor = snapshot.Watermark!.Value - (Start + Duration.FromMinutes(9));
        Assert.Equal(stillFiled, silentFor < Duration.FromMinutes(61)); // the case is what it says
        var filed = snapshot.Encounters!.Fixes.Select(f => f.Mmsi.Value).ToList();
        Assert.Equal(stillFiled, filed.Contains(silent));
        Assert.Contains(early, filed);
        Assert.Contains(late, filed);
    }

    [Theory]
    [InlineData(0.3)] // together, not yet two hours
    [InlineData(0.7)] // already raised, still going on
    public void Snapshot_and_restore_in_the_middle_of_an_encounter_gives_the_updates_of_an_uninterrupted_run(double split)
    {
        var messages = Merge(Pair(Start, Duration.FromHours(4)), Drifting(First, Start + Duration.FromHours(4), Start + Duration.FromHours(6), Latitude + 0.02, Longitude)).ToList();
        var (uninterrupted, resumed, snapshot) = Support.SnapshotRuns.WholeAndResumed(messages, (int)(messages.Count * split));

        Assert.Contains("\"pairs\":[{", snapshot, StringComparison.Ordinal); // the encounter in progress is in the snapshot
        Assert.Contains(uninterrupted, u => u.Contains("\"kind\":\"encounter\"", StringComparison.Ordinal));
        Assert.Equal(uninterrupted, resumed);
    }
}
