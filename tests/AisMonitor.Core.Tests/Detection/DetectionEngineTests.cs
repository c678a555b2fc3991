using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tests.Support;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Detection;

public sealed class DetectionEngineTests
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    /// <summary>A busy strait around 34.5N 128.5E: <paramref name="vessels"/> ships circling in one cell, heard every minute for <paramref name="days"/> days.</summary>
    private static IEnumerable<DecodedMessage> BusyStrait(int vessels, double days) =>
        Merge(Enumerable.Range(0, vessels).Select(i => Circling((uint)(440_100_000 + i), Start, Start + Duration.FromDays(days), Minute * 3, 34.5, 128.5, phase: i)).ToArray());

    private static (List<Alert> Updates, DetectionEngine Engine) Run(IEnumerable<DecodedMessage> messages, DetectionOptions? options = null)
    {
        var updates = new List<Alert>();
        var engine = new DetectionEngine(options ?? new DetectionOptions(), PortIndex.Empty, updates.Add);
        foreach (var message in messages)
        {
            engine.Process(message);
        }

        engine.Complete();
        return (updates, engine);
    }

    [Fact]
    public void A_dark_voyage_in_a_well_heard_lane_raises_one_high_severity_gap()
    {
        const uint dark = 273_210_440;
        var silentFrom = Start + Duration.FromDays(4);
        var silentTo = silentFrom + Duration.FromHours(20);
        var before = Circling(dark, Start, silentFrom, Minute, 34.5, 128.5);
        var after = Circling(dark, silentTo, Start + Duration.FromDays(5), Minute, 30.5, 128.5); // 240 nm south
        // 200 vessels for 5 days at each end: 24,000 vessel-hours, no 20-hour silence among them.
        var busySouth = Enumerable.Range(0, 200).Select(i => Circling((uint)(440_200_000 + i), Start, Start + Duration.FromDays(5), Minute * 30, 30.5, 128.5, phase: i));
        var busyNorth = Enumerable.Range(0, 200).Select(i => Circling((uint)(440_100_000 + i), Start, Start + Duration.FromDays(5), Minute * 30, 34.5, 128.5, phase: i));
        var (updates, _) = Run(Merge([.. busyNorth, .. busySouth, before, after]));

        var gaps = updates.Where(a => a.Kind == AlertKind.TransponderGap).ToList();
        Assert.All(gaps, a => Assert.Equal(dark, a.Mmsi.Value));
        var final = gaps.GroupBy(a => a.Id).Select(g => g.Last()).Single();
        Assert.False(final.IsOpen);
        Assert.Equal(silentFrom - Minute, final.Start);
        Assert.Equal(silentTo, final.End);
        Assert.True(final.Severity == Severity.High, final.SeverityReason + " / " + final.ScoreExplanation);
        Assert.Contains(final.Rules, r => r.Name == "DarkVoyage" && r.Fired);
        Assert.True(final.Score >= new GapOptions().MediumScore, final.ScoreExplanation);
        Assert.Equal(20.02, final.Gap!.DurationHours, 2);
        Assert.InRange(final.Gap.ImpliedSpeedKnots!.Value, 10, 14);
    }

    [Fact]
    public void An_open_gap_is_raised_while_silent_and_updated_not_duplicated_when_the_vessel_reappears()
    {
        const uint dark = 273_210_440;
        var silentFrom = Start + Duration.FromDays(2);
        var silentTo = silentFrom + Duration.FromHours(30);
        var track = Circling(dark, Start, Start + Duration.FromDays(4), Minute, 34.5, 128.5)
            .Where(m => m.Metadata.Received < silentFrom || m.Metadata.Received >= silentTo);
        var (updates, _) = Run(Merge(BusyStrait(40, 4), track));

        var gap = updates.Where(a => a.Kind == AlertKind.TransponderGap).ToList();
        Assert.Equal(2, gap.Count);
        Assert.Single(gap.Select(a => a.Id).Distinct());
        Assert.True(gap[0].IsOpen);
        Assert.Null(gap[0].Gap!.FirstAfter);
        Assert.False(gap[1].IsOpen);
        Assert.Equal(gap[0].FirstRaised, gap[1].FirstRaised);
        Assert.True(gap[1].LastUpdated > gap[0].LastUpdated);
    }

    [Fact]
    public void Watch_lists_put_in_force_while_running_are_cited_from_then_on()
    {
        const uint dark = 273_210_440;
        var silentFrom = Start + Duration.FromDays(2);
        var silentTo = silentFrom + Duration.FromHours(30);
        var track = Circling(dark, Start, Start + Duration.FromDays(4), Minute, 34.5, 128.5)
            .Where(m => m.Metadata.Received < silentFrom || m.Metadata.Received >= silentTo);
        var updates = new List<Alert>();
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, updates.Add);
        var list = new WatchLists.WatchList("test", "v2", [new WatchLists.WatchListEntry { Id = "7", Name = "LISTED", Mmsi = new Mmsi(dark) }]);
        foreach (var message in Merge(BusyStrait(40, 4), track))
        {
            if (engine.WatchLists.Lists.Count == 0 && message.Metadata.Received >= silentTo - (10 * Minute))
            {
                engine.ReplaceWatchLists(new WatchLists.VesselWatchLists([list])); // while the gap is open
            }

            engine.Process(message);
        }

        engine.Complete();
        var gap = updates.Where(a => a.Kind == AlertKind.TransponderGap).ToList();
        Assert.Equal(2, gap.Count);
        Assert.Null(gap[0].WatchLists);
        var cited = Assert.Single(gap[1].WatchLists!);
        Assert.Equal(("test", "v2", "7", "mmsi"), (cited.List, cited.Version, cited.EntryId, cited.MatchedOn));
    }

    [Fact]
    public void Satellite_revisit_gaps_in_open_ocean_raise_nothing()
    {
        // Every vessel heard for 15 minutes per satellite pass, passes 6 to 8 hours apart, for 10 days.
        var random = new Random(7);
        IEnumerable<DecodedMessage> Satellite(uint mmsi)
        {
            var time = Start;
            while (time < Start + Duration.FromDays(10))
            {
                for (var i = 0; i < 15; i++)
                {
                    yield return Position(mmsi, time + (i * Minute), -21.5, -96.0 + ((time - Start).TotalHours * 0.1));
                }

                time += Duration.FromMinutes(15) + Duration.FromMinutes(360 + random.Next(120));
            }
        }

        var (updates, engine) = Run(Merge(Enumerable.Range(0, 5).Select(i => Satellite((uint)(224_051_350 + i))).ToArray()));
        Assert.Empty(updates);
        Assert.True(engine.Statistics.Positions > 2000);
    }

    [Fact]
    public void A_silence_too_common_to_alert_at_first_is_checked_again_until_it_is_not()
    {
        // Where satellites pass every 6 to 8 hours a 6-hour silence is normal; one of 60 hours is not.
        // It is raised while the vessel is still silent, long after the first check found nothing.
        const uint dark = 224_051_350;
        var random = new Random(11);
        IEnumerable<DecodedMessage> Satellite(uint mmsi, Instant silentFrom, Instant silentTo)
        {
            var time = Start;
            while (time < Start + Duration.FromDays(10))
            {
                for (var i = 0; i < 15 && (time < silentFrom || time >= silentTo); i++)
                {
                    yield return Position(mmsi, time + (i * Minute), -21.5, -96.5 + (i * 0.01));
                }

                time += Duration.FromMinutes(15) + Duration.FromMinutes(360 + random.Next(120));
            }
        }

        var silentFrom = Start + Duration.FromDays(6);
        var silentTo = silentFrom + Duration.FromHours(60);
        var others = Enumerable.Range(1, 30).Select(i => Satellite((uint)(dark + i), Instant.MaxValue, Instant.MaxValue));
        var (updates, _) = Run(Merge([.. others, Satellite(dark, silentFrom, silentTo)]));

        var gap = updates.Where(a => a.Kind == AlertKind.TransponderGap).ToList();
        Assert.All(gap, a => Assert.Equal(dark, a.Mmsi.Value));
        Assert.True(gap.Count == 2, string.Join("; ", gap.Select(a => $"open={a.IsOpen} raised after {(a.FirstRaised - a.Start).TotalHours:0.0} h, score {a.Score:0.00}: {a.ScoreExplanation}")));
        Assert.True(gap[0].IsOpen);
        Assert.InRange((gap[0].FirstRaised - gap[0].Start).TotalHours, 9, 60);
        Assert.False(gap[1].IsOpen);
    }

    [Fact]
    public void A_vessel_that_goes_dark_twice_raises_two_gaps_each_opened_while_silent()
    {
        const uint dark = 273_210_440;
        var silences = new[] { (Start + Duration.FromDays(1), Duration.FromHours(30)), (Start + Duration.FromDays(3), Duration.FromHours(20)) };
        var track = Circling(dark, Start, Start + Duration.FromDays(5), Minute, 34.5, 128.5)
            .Where(m => !silences.Any(s => m.Metadata.Received >= s.Item1 && m.Metadata.Received < s.Item1 + s.Item2));
        var (updates, _) = Run(Merge(BusyStrait(40, 5), track));

        var gaps = updates.Where(a => a.Kind == AlertKind.TransponderGap).GroupBy(a => a.Id).ToList();
        Assert.Equal(2, gaps.Count);
        Assert.All(gaps, g => Assert.Equal([true, false], g.Select(a => a.IsOpen)));
        Assert.Equal(silences.Select(s => s.Item1 - Minute), gaps.Select(g => g.First().Start));
    }

    [Fact]
    public void Shared_and_invalid_MMSIs_are_identity_conflicts_never_gaps()
    {
        uint[] conflicting = [0, 111_111_111, 123_456_789, 416_000_000, 240_000_000];
        var silentFrom = Start + Duration.FromDays(1);
        var messages = conflicting.SelectMany(m => Circling(m, Start, Start + Duration.FromDays(3), Minute * 10, 34.5, 128.5)
            .Where(x => x.Metadata.Received < silentFrom || x.Metadata.Received >= silentFrom + Duration.FromHours(24)));
        var (updates, engine) = Run(Merge(BusyStrait(10, 3), messages));

        Assert.DoesNotContain(updates, a => a.Kind == AlertKind.TransponderGap);
        Assert.Equal(conflicting.Order(), updates.Where(a => a.Kind == AlertKind.IdentityConflict).Select(a => a.Mmsi.Value).Order());
        Assert.True(engine.Statistics.NotTrackedForGaps > 0);
    }

    [Fact]
    public void A_position_heard_by_several_receivers_is_used_once()
    {
        var time = Start;
        var (_, engine) = Run([Position(273_210_440, time, 34.3, 128.3), Position(273_210_440, time, 34.3, 128.3), Position(273_210_440, time + Duration.FromMilliseconds(400), 34.3, 128.3)]);
        Assert.Equal(1, engine.Statistics.Positions);
        Assert.Equal(2, engine.Statistics.Duplicates);
    }

    [Fact]
    public void Messages_out_of_order_within_the_window_are_reordered_and_later_ones_are_refused()
    {
        // Agreement of one message: the feed's time is the latest seen, as in a feed of one vessel.
        var options = new DetectionOptions { Tracking = new() { ReorderingWindow = Duration.FromMinutes(2), TimeAgreementMessages = 1 } };
        var (_, engine) = Run(
        [
            Position(273_210_440, Start + Duration.FromSeconds(60), 34.3, 128.31),
            Position(273_210_440, Start, 34.3, 128.30), // 60 s late: reordered
            Position(273_210_440, Start + Duration.FromMinutes(10), 34.3, 128.40),
            Position(273_210_440, Start + Duration.FromMinutes(13), 34.3, 128.43), // releases everything up to 11 min
            Position(273_210_440, Start + Duration.FromMinutes(1.5), 34.3, 128.32), // behind what was released: refused
        ], options);
        Assert.Equal(4, engine.Statistics.Positions);
        Assert.Equal(1, engine.Statistics.Late);
        Assert.Equal(Start + Duration.FromMinutes(13), engine.Vessel(new Mmsi(273_210_440))!.LastGood!.Value.Time);
    }

    [Fact]
    public void An_impossible_jump_neither_opens_nor_closes_a_gap_until_confirmed()
    {
        const uint mmsi = 273_210_440;
        var track = Steaming(mmsi, Start, Start + Duration.FromHours(2) + Duration.FromMinutes(5), Minute, 34.3, 128.3).ToList();
        var outlier = Position(mmsi, Start + Duration.FromHours(2) + Duration.FromSeconds(30), 10.0, 60.0); // 5,000 nm away in 30 s
        var (updates, engine) = Run(Merge(track, [outlier]));
        Assert.Empty(updates);
        Assert.Equal(1, engine.Statistics.SuspectPositions);
        Assert.Contains(engine.Vessel(new Mmsi(mmsi))!.History, p => p.Quality == AisMonitor.Core.Tracking.TrackPointQuality.Suspect);
    }

    [Fact]
    public void A_far_jump_confirmed_by_a_second_position_moves_the_vessel()
    {
        const uint mmsi = 273_210_440;
        var (_, engine) = Run(
        [
            Position(mmsi, Start, 34.3, 128.3),
            Position(mmsi, Start + Minute, 30.0, 122.1),
            Position(mmsi, Start + (2 * Minute), 30.0, 122.101),
        ]);
        var last = engine.Vessel(new Mmsi(mmsi))!.LastGood!.Value;
        Assert.Equal(122.101, last.LongitudeDegrees, 3);
        Assert.Equal(1, engine.Statistics.SuspectPositions);
    }

    [Fact]
    public void Invalid_options_are_refused_with_their_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DetectionEngine(new DetectionOptions { Gaps = new() { MinimumDuration = Duration.Zero } }, PortIndex.Empty, _ => { }));
        Assert.Contains("MinimumDuration", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_local_evidence_threshold_that_is_not_a_number_of_hours_is_refused_with_its_name(double hours)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DetectionEngine(new DetectionOptions { Reception = new() { MinimumLocalVesselHours = hours } }, PortIndex.Empty, _ => { }));
        Assert.Contains("Reception:MinimumLocalVesselHours", error.Message, StringComparison.Ordinal);
    }
}
