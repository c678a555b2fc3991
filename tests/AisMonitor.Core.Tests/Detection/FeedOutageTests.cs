using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>A feed that stops is a feed outage, not every vessel going dark at once.</summary>
public sealed class FeedOutageTests
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    private static (List<Alert> Gaps, DetectionEngine Engine) Run(params IEnumerable<DecodedMessage>[] streams)
    {
        var updates = new List<Alert>();
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, updates.Add);
        foreach (var message in Merge(streams))
        {
            engine.Process(message);
        }

        engine.Complete();
        return (updates.Where(a => a.Kind == AlertKind.TransponderGap).GroupBy(a => a.Id).Select(g => g.Last()).ToList(), engine);
    }

    [Fact]
    public void Files_that_do_not_overlap_in_time_give_a_feed_outage_and_no_gaps()
    {
        // 50 vessels heard every 3 minutes for 5 days in February, then again for 5 days in March:
        // the export's months, not 50 vessels going dark for three weeks.
        var february = Start;
        var march = Start + Duration.FromDays(29);
        var fleet = Enumerable.Range(0, 50).SelectMany(i => new[]
        {
            Circling((uint)(440_100_000 + i), february, february + Duration.FromDays(5), Minute * 3, 34.5, 128.5, phase: i),
            Circling((uint)(440_100_000 + i), march, march + Duration.FromDays(5), Minute * 3, 34.5, 128.5, phase: i),
        }).ToArray();

        var (gaps, engine) = Run(fleet);

        Assert.Empty(gaps);
        var outage = Assert.Single(engine.FeedOutages);
        Assert.InRange((outage.To - outage.From).TotalDays, 23.9, 24.1);
    }

    [Fact]
    public void A_vessel_dark_across_an_outage_is_judged_on_the_hours_the_feed_was_listening()
    {
        // The feed stops for a day; one vessel had gone quiet 30 hours before it stopped and reappears
        // 30 hours after it resumed: 60 hours of silence the feed could have heard, a gap.
        var stop = Start + Duration.FromDays(4);
        var resume = stop + Duration.FromDays(1);
        IEnumerable<DecodedMessage> Busy(int i) => Circling((uint)(440_100_000 + i), Start, Start + Duration.FromDays(8), Minute * 3, 34.5, 128.5, phase: i)
            .Where(m => m.Metadata.Received < stop || m.Metadata.Received >= resume);
        var dark = Circling(273_210_440, Start, Start + Duration.FromDays(8), Minute * 3, 34.5, 128.5)
            .Where(m => m.Metadata.Received < stop - Duration.FromHours(30) || m.Metadata.Received >= resume + Duration.FromHours(30));

        var (gaps, engine) = Run([.. Enumerable.Range(0, 50).Select(Busy), dark]);

        Assert.Single(engine.FeedOutages);
        var gap = Assert.Single(gaps);
        Assert.Equal(273_210_440u, gap.Mmsi.Value);
        Assert.InRange(gap.Gap!.FeedOutageHours!.Value, 23.9, 24.1);
        Assert.Contains("feed", gap.ScoreExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_vessel_replay_has_no_feed_outages_its_silences_are_its_own()
    {
        var track = Circling(273_210_440, Start, Start + Duration.FromDays(2), Minute, 34.5, 128.5)
            .Concat(Circling(273_210_440, Start + Duration.FromDays(5), Start + Duration.FromDays(6), Minute, 34.5, 128.5));
        var (_, engine) = Run(track);
        Assert.Empty(engine.FeedOutages);
    }
}
