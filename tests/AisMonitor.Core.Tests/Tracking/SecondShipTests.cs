using System.Globalization;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tests.Support;
using NodaTime;
using NodaTime.Text;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Tracking;

/// <summary>One MMSI, two ships: positions no single ship can join are split into two tracks, judged apart, and reported once.</summary>
public sealed class SecondShipTests
{
    private const uint Shared = 241_234_560; // a valid Greek ship station
    private static readonly Duration Minute = Duration.FromMinutes(1);

    private static (List<Alert> Alerts, DetectionEngine Engine) Run(IEnumerable<DecodedMessage> messages)
    {
        var updates = new List<Alert>();
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, updates.Add);
        foreach (var message in messages)
        {
            engine.Process(message);
        }

        engine.Complete();
        return ([.. updates.GroupBy(a => a.Id).Select(g => g.Last())], engine);
    }

    [Fact]
    public void Two_ships_reporting_in_turn_300_nm_apart_are_two_tracks_and_one_identity_conflict_with_both()
    {
        var messages = Merge(
            Steaming(Shared, Start, Start + Duration.FromHours(6), Minute * 3, 35.0, 129.8),
            Steaming(Shared, Start + Minute, Start + Duration.FromHours(6), Minute * 3, 30.0, 129.8));

        var (alerts, engine) = Run(messages);

        Assert.Equal(1, engine.Statistics.SecondShips);
        Assert.InRange(engine.Statistics.SuspectPositions, 1, 2); // only until the second track is known
        var conflict = Assert.Single(alerts, a => a.Kind == AlertKind.IdentityConflict);
        Assert.Equal(Severity.Medium, conflict.Severity);
        var evidence = conflict.SharedMmsi!;
        Assert.InRange(evidence.DistanceNauticalMiles, 295, 305);
        Assert.All(evidence.Track, p => Assert.InRange(p.LatitudeDegrees, 34.9, 35.1));
        Assert.All(evidence.SecondTrack, p => Assert.InRange(p.LatitudeDegrees, 29.9, 30.1));
        Assert.DoesNotContain(alerts, a => a.Kind == AlertKind.TransponderGap);
    }

    [Fact]
    public void A_ship_that_reappears_far_away_after_a_silence_is_one_ship()
    {
        var messages = Merge(
            Steaming(Shared, Start, Start + Duration.FromHours(3), Minute * 3, 35.0, 129.8),
            Steaming(Shared, Start + Duration.FromHours(4), Start + Duration.FromHours(8), Minute * 3, 30.0, 129.8)); // 300 nm in an hour: a jump, confirmed

        var (alerts, engine) = Run(messages);

        Assert.Equal(0, engine.Statistics.SecondShips);
        Assert.DoesNotContain(alerts, a => a.Kind == AlertKind.IdentityConflict);
    }

    [Fact]
    public void A_few_stray_positions_at_one_bogus_place_are_not_a_second_ship()
    {
        // A receiver's garbage: the same wrong position now and then, among a steady track.
        var ship = Steaming(Shared, Start, Start + Duration.FromHours(12), Minute * 3, 35.0, 129.8).ToList();
        var bogus = new[] { 1, 2, 5, 9 }.Select(h => Position(Shared, Start + Duration.FromHours(h) + Minute, 6.8, 129.8));

        var (alerts, engine) = Run(Merge(ship, bogus));

        Assert.DoesNotContain(alerts, a => a.Kind is AlertKind.IdentityConflict or AlertKind.TransponderGap);
        Assert.True(engine.Statistics.SecondShips <= 1); // a short-lived second track at most, never reported nor judged for gaps
    }

    [Fact]
    public void A_ship_whose_longitude_sign_flips_in_bursts_is_one_ship_not_two()
    {
        // Seen in the GFW track of the longliner 431704490: bursts of its own positions east of Greenwich instead of west,
        // a plausible track of their own (in the Sudanese desert), that would otherwise be judged a second ship with gaps.
        var ship = Steaming(Shared, Start, Start + Duration.FromDays(4), Minute * 5, 9.6, -32.6).ToList();
        var mirrored = ship.Where((_, i) => i % 24 is 3 or 4).Select(m =>
        {
            m.TryGetPosition(out var p);
            return Position(Shared, m.Metadata.Received!.Value + Duration.FromSeconds(30), p.LatitudeDegrees!.Value, -p.LongitudeDegrees!.Value);
        });

        var (alerts, engine) = Run(Merge(ship, mirrored));

        Assert.Equal(0, engine.Statistics.SecondShips);
        Assert.True(engine.Statistics.MirroredPositions > 0);
        Assert.DoesNotContain(alerts, a => a.Kind is AlertKind.IdentityConflict or AlertKind.TransponderGap);
    }

    [Fact]
    public void Snapshot_and_restore_after_the_split_gives_the_updates_of_an_uninterrupted_run()
    {
        var messages = Merge(
            Steaming(Shared, Start, Start + Duration.FromHours(6), Minute * 3, 35.0, 129.8),
            Steaming(Shared, Start + Minute, Start + Duration.FromHours(6), Minute * 3, 30.0, 129.8)).ToList();
        var (uninterrupted, resumed, snapshot) = SnapshotRuns.WholeAndResumed(messages, messages.Count / 10); // split, not yet reported

        Assert.Contains("\"twin\":{", snapshot, StringComparison.Ordinal);
        Assert.Contains(uninterrupted, u => u.Contains("TwoShipsOnOneMmsi", StringComparison.Ordinal));
        Assert.Equal(uninterrupted, resumed);
    }

    [Fact]
    public void The_real_MMSI_shared_by_a_ship_off_Colombia_and_one_off_India_is_split_and_no_gap_joins_them()
    {
        // Global Fishing Watch's segmenter test track of MMSI 240000000 (January 2015, ORBCOMM satellite AIS),
        // under a valid MMSI: a placeholder number is never tracked, a cloned valid one is what matters here.
        var messages = File.ReadLines(TestData.SampleTrack("gfw-segmenter", "positions.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f[1] == "240000000")
            .Select(f => (Time: InstantPattern.ExtendedIso.Parse(f[2]).Value, Latitude: double.Parse(f[3], CultureInfo.InvariantCulture), Longitude: double.Parse(f[4], CultureInfo.InvariantCulture)))
            .Where(p => Math.Abs(p.Latitude) <= 90 && Math.Abs(p.Longitude) <= 180)
            .OrderBy(p => p.Time)
            .Select(p => Position(Shared, p.Time, p.Latitude, p.Longitude, 5));

        var (alerts, engine) = Run(messages);

        Assert.Equal(1, engine.Statistics.SecondShips);
        var conflict = Assert.Single(alerts, a => a.Kind == AlertKind.IdentityConflict);
        var tracks = new[] { conflict.SharedMmsi!.Track, conflict.SharedMmsi.SecondTrack };
        Assert.Contains(tracks, t => t.All(p => p.LongitudeDegrees is > -76 and < -72)); // the Magdalena river, Colombia
        Assert.Contains(tracks, t => t.All(p => p.LongitudeDegrees is > 82 and < 84)); // off Visakhapatnam, India
        Assert.All(alerts.Where(a => a.Kind == AlertKind.TransponderGap), g => Assert.True(g.Gap!.DisplacementNauticalMiles < 500, $"a gap joins the two ships: {g.Gap.DisplacementNauticalMiles} nm"));
    }
}
