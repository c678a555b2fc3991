using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>The engine's live seams: a clock that moves event time on when no message does, and a feed that says it is down.</summary>
public sealed class LiveClockTests
{
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private const uint Dark = 273_210_440;

    /// <summary>50 vessels heard every 3 minutes until <paramref name="until"/>, and one last heard <paramref name="darkFor"/> before it.</summary>
    private static IEnumerable<DecodedMessage> FleetUntil(Instant until, Duration darkFor) => Merge(
    [
        .. Enumerable.Range(0, 50).Select(i => Circling((uint)(440_100_000 + i), Start, until, Minute * 3, 34.5, 128.5, phase: i)),
        Circling(Dark, Start, until - darkFor, Minute, 34.5, 128.5),
    ]);

    private static (List<Alert> Gaps, DetectionEngine Engine) Feed(IEnumerable<DecodedMessage> messages)
    {
        var updates = new List<Alert>();
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, updates.Add);
        foreach (var message in messages)
        {
            engine.Process(message);
        }

        return (updates, engine);
    }

    private static void TickEvery(DetectionEngine engine, Instant from, Instant to, Duration step)
    {
        for (var now = from; now <= to; now += step)
        {
            engine.AdvanceTo(now);
        }
    }

    [Fact]
    public void A_quiet_feed_still_raises_an_open_gap_when_its_clock_moves_on()
    {
        var end = Start + Duration.FromDays(3);
        var (updates, engine) = Feed(FleetUntil(end, Duration.FromHours(5)));
        Assert.DoesNotContain(updates, a => a.Kind == AlertKind.TransponderGap);

        // No message for 2 hours: the clock alone moves event time on, and the vessel silent for 7 h is a gap (the others, silent for 2 h, are not).
        TickEvery(engine, end, end + Duration.FromHours(2), Minute);

        var gap = Assert.Single(updates, a => a.Kind == AlertKind.TransponderGap);
        Assert.Equal(Dark, gap.Mmsi.Value);
        Assert.True(gap.IsOpen);
        Assert.Equal(end + Duration.FromHours(2) - new DetectionOptions().Tracking.ReorderingWindow, engine.Watermark);
    }

    [Fact]
    public void The_clock_releases_what_the_reordering_window_held()
    {
        var (_, engine) = Feed([Position(Dark, Start, 34.5, 128.5)]);
        Assert.Null(engine.Vessel(new Mmsi(Dark))); // held for reordering

        engine.AdvanceTo(Start + new DetectionOptions().Tracking.ReorderingWindow);

        Assert.Equal(Start, engine.Vessel(new Mmsi(Dark))!.LastGood!.Value.Time);
        Assert.Equal(Start, engine.Watermark);
    }

    [Fact]
    public void A_clock_behind_the_watermark_changes_nothing()
    {
        var end = Start + Duration.FromDays(1);
        var (_, engine) = Feed(FleetUntil(end, Duration.Zero));
        var before = engine.Watermark;

        engine.AdvanceTo(Start);

        Assert.Equal(before, engine.Watermark);
    }

    [Fact]
    public void While_the_feed_is_down_no_vessel_goes_dark_and_the_outage_ends_with_the_next_message()
    {
        var down = Start + Duration.FromDays(3);
        var back = down + Duration.FromHours(30);
        var (updates, engine) = Feed(FleetUntil(down, Duration.FromHours(1)));

        engine.FeedDown(down);
        TickEvery(engine, down, back, Duration.FromMinutes(10));
        Assert.NotNull(engine.OpenOutage);
        foreach (var message in Merge(Enumerable.Range(0, 50).Select(i => Circling((uint)(440_100_000 + i), back, back + Duration.FromHours(2), Minute * 3, 34.5, 128.5, phase: i)).ToArray()))
        {
            engine.Process(message);
        }

        engine.AdvanceTo(back + Duration.FromHours(3));

        Assert.DoesNotContain(updates, a => a.Kind == AlertKind.TransponderGap && a.Mmsi.Value != Dark);
        Assert.Null(engine.OpenOutage);
        var outage = Assert.Single(engine.FeedOutages);
        Assert.Equal(down, outage.From);
        Assert.Equal(back, outage.To);
    }

    [Fact]
    public void A_vessel_silent_before_the_feed_went_down_is_judged_on_the_hours_the_feed_was_listening()
    {
        // Silent 5 h before the feed went down, then 30 h of outage: 5 listening hours, under the 6 h minimum.
        var down = Start + Duration.FromDays(3);
        var (updates, engine) = Feed(FleetUntil(down, Duration.FromHours(5)));
        engine.FeedDown(down);
        TickEvery(engine, down, down + Duration.FromHours(30), Duration.FromMinutes(10));
        Assert.DoesNotContain(updates, a => a.Kind == AlertKind.TransponderGap);

        // The same without the outage being known: the silence is 35 h, an open gap.
        var (unawareUpdates, unaware) = Feed(FleetUntil(down, Duration.FromHours(5)));
        TickEvery(unaware, down, down + Duration.FromHours(30), Duration.FromMinutes(10));
        Assert.Contains(unawareUpdates, a => a.Kind == AlertKind.TransponderGap && a.Mmsi.Value == Dark);
    }

    [Fact]
    public void Messages_still_held_for_reordering_when_the_feed_goes_down_do_not_end_the_outage()
    {
        // The host knows the feed only to the second, and the feed clock lags the newest messages:
        // what was heard before the feed went down belongs before the outage, whatever time it is given.
        var down = Start + Duration.FromDays(3);
        var (updates, engine) = Feed(FleetUntil(down, Duration.FromHours(1)));
        engine.FeedDown(down - (Minute * 5));
        TickEvery(engine, down, down + Duration.FromHours(30), Duration.FromMinutes(10));

        Assert.Equal(down - (Minute * 3), engine.OpenOutage?.From ?? default, new InstantNear(Minute));
        Assert.DoesNotContain(updates, a => a.Kind == AlertKind.TransponderGap && a.Mmsi.Value != Dark);
    }

    [Fact]
    public void When_one_of_two_feeds_goes_down_only_the_vessels_it_heard_are_spared()
    {
        // Feed 1 hears 50 vessels, feed 2 another 50. Feed 2 goes down for 30 hours while feed 1 goes
        // on; one of feed 1's vessels falls silent meanwhile: it is a gap, feed 2's vessels are not.
        var down = Start + Duration.FromDays(3);
        var back = down + Duration.FromHours(30);
        static DecodedMessage From(byte feed, DecodedMessage m) => m.WithMetadata(m.Metadata with { Feed = feed });
        var feedOne = Enumerable.Range(0, 50).Select(i => Circling((uint)(440_100_000 + i), Start, back + Duration.FromHours(2), Minute * 3, 34.5, 128.5, phase: i).Select(m => From(1, m)));
        var feedTwo = Enumerable.Range(0, 50).Select(i => Circling((uint)(440_200_000 + i), Start, back + Duration.FromHours(2), Minute * 3, 30.5, 128.5, phase: i)
            .Where(m => m.Metadata.Received < down || m.Metadata.Received >= back).Select(m => From(2, m)));
        var dark = Circling(Dark, Start, down + Duration.FromHours(2), Minute, 34.5, 128.5).Select(m => From(1, m));
        var updates = new List<Alert>();
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, updates.Add);
        var told = false;
        foreach (var message in Merge([.. feedOne, .. feedTwo, dark]))
        {
            if (!told && message.Metadata.Received > down + Minute)
            {
                engine.FeedDown(down, feed: 2);
                told = true;
            }

            engine.Process(message);
        }

        engine.Complete();

        var gaps = updates.Where(a => a.Kind == AlertKind.TransponderGap).Select(a => a.Mmsi.Value).Distinct().ToList();
        Assert.Equal([Dark], gaps);
        var outage = Assert.Single(engine.FeedOutages);
        Assert.Equal(2, outage.Feed);
        Assert.Equal(back, outage.To);
    }

    private sealed class InstantNear(Duration tolerance) : IEqualityComparer<Instant>
    {
        public bool Equals(Instant x, Instant y) => Duration.Max(x - y, y - x) <= tolerance;

        public int GetHashCode(Instant obj) => 0;
    }

    [Fact]
    public void An_open_outage_survives_a_snapshot()
    {
        var down = Start + Duration.FromDays(3);
        var (_, engine) = Feed(FleetUntil(down, Duration.FromHours(1)));
        engine.FeedDown(down);
        engine.AdvanceTo(down + Duration.FromHours(2));

        var updates = new List<Alert>();
        var restored = DetectionEngine.Restore(new DetectionOptions(), PortIndex.Empty, updates.Add, engine.Snapshot());
        TickEvery(restored, down + Duration.FromHours(2), down + Duration.FromHours(30), Duration.FromMinutes(10));

        Assert.Equal(down, restored.OpenOutage!.From);
        Assert.DoesNotContain(updates, a => a.Kind == AlertKind.TransponderGap);
    }
}
