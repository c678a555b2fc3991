using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tests.Support;
using NodaTime;
using Xunit.Abstractions;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>
/// Gap detection judged against known truth: simulated feeds (several coverage layouts and seeds)
/// in which a few vessels in well-heard waters go dark for 10–24 h. Every gap alert must be one of
/// those periods (precision) and every period must raise one (recall), and each dark period must
/// score above every silence that coverage alone made of a similar length.
/// </summary>
public sealed class GapDetectionEvaluationTests(ITestOutputHelper output)
{
    private static readonly DetectionOptions Options = new();

    private static readonly (CoverageLayout Layout, int Seed)[] Feeds =
    [
        (CoverageLayout.CoastalAndSatellite, 1),
        (CoverageLayout.CoastalAndSatellite, 2),
        (CoverageLayout.CoastalSatelliteAndSparseBlock, 3),
        (CoverageLayout.CoastalSatelliteAndSparseBlock, 4),
        (CoverageLayout.SatelliteOnly, 5),
        (CoverageLayout.SatelliteOnly, 6),
    ];

    /// <summary>
    /// Four sets of the six feeds: seeds 1–6 and 21–26; 81–86, where seed 84 raised 25 false alerts
    /// before silences under way counted (vessels of its sparse block raised open a day into the feed,
    /// when a pass had just missed the whole block); and 121–126, the worst set for recall (0.929)
    /// before a silence while others were heard stopped counting as coverage. Of fourteen sets tried,
    /// 1–6 to 131–136 (2026-12-07): precision 0.988–1.000 (one false alert on 1–6, 21–26 and 71–76: a
    /// vessel missed by a few passes in a row while the others were heard), recall 0.976–1.000, and no
    /// dark period scored at or below a coverage silence of similar length (6 of 1,176 before places
    /// where others were heard meanwhile stopped explaining a closed silence).
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(80)]
    [InlineData(120)]
    public void Gap_alerts_find_the_dark_periods_and_nothing_else_and_dark_periods_outscore_coverage_silences(int seedOffset)
    {
        int alertCount = 0, truePositives = 0, periods = 0, found = 0, outscored = 0;
        foreach (var (layout, seed) in Feeds.Select(f => (f.Layout, f.Seed + seedOffset)))
        {
            var feed = CoverageFeeds.Build(layout, seed);
            var alerts = FinalGaps(feed, Options);
            var tp = alerts.Count(a => IsDark(feed, a));
            var hits = feed.DarkPeriods.Count(d => alerts.Any(a => a.Mmsi.Value == d.Key && Overlaps(a, d.Value)));
            output.WriteLine($"{layout} seed {seed}: {feed.Messages.Count} messages, {feed.DarkPeriods.Count} dark periods, {alerts.Count} alerts, {tp} of them dark, {hits} periods found");
            foreach (var a in alerts.Where(a => !IsDark(feed, a)))
            {
                output.WriteLine($"  false: {a.Mmsi} {a.Gap!.DurationHours} h score {a.Score} {a.Severity} {a.SeverityReason} | {a.ScoreExplanation}");
            }

            (alertCount, truePositives, periods, found) = (alertCount + alerts.Count, truePositives + tp, periods + feed.DarkPeriods.Count, found + hits);
            outscored += DarkPeriodsOutscoredByCoverageSilencesOfSimilarLength(feed, layout, seed);
        }

        var precision = truePositives / (double)alertCount;
        var recall = found / (double)periods;
        output.WriteLine($"all feeds: precision {precision:0.000} ({truePositives} of {alertCount} alerts), recall {recall:0.000} ({found} of {periods} dark periods), {outscored} dark periods outscored");
        Assert.True(precision >= 0.95, $"precision {precision:0.000}");
        Assert.True(recall >= 0.95, $"recall {recall:0.000}");
        Assert.True(outscored == 0, $"{outscored} dark periods scored at or below a coverage silence of similar length");
    }

    /// <summary>Every silence of 6 h or more scored, alert-worthy or not: how many dark ones do not score above every coverage silence from two thirds to one and a half times as long.</summary>
    private int DarkPeriodsOutscoredByCoverageSilencesOfSimilarLength(CoverageFeeds.Feed feed, CoverageLayout layout, int seed)
    {
        var everything = Options with { Gaps = Options.Gaps with { MinimumScore = 0, MediumScore = 0, HighScore = 0 } };
        var silences = FinalGaps(feed, everything).Where(a => !a.IsOpen).ToList();
        var dark = silences.Where(a => IsDark(feed, a)).ToList();
        var coverage = silences.Where(a => !IsDark(feed, a)).ToList();
        output.WriteLine($"{layout} seed {seed}: {dark.Count} dark silences (scores {string.Join(", ", dark.Select(a => $"{a.Gap!.DurationHours:0}h:{a.Score:0.0}"))}); {coverage.Count} coverage silences, highest {string.Join(", ", coverage.OrderByDescending(a => a.Score).Take(8).Select(a => $"{a.Gap!.DurationHours:0}h:{a.Score:0.0}"))}");
        Assert.NotEmpty(dark);
        var outscored = 0;
        foreach (var d in dark.Where(d => d.Score < Options.Gaps.MinimumScore))
        {
            output.WriteLine($"  low: dark {d.Mmsi} {d.Gap!.DurationHours} h scores {d.Score}: {d.ScoreExplanation}");
        }

        foreach (var d in dark)
        {
            var similar = coverage.Where(c => c.Gap!.DurationHours >= d.Gap!.DurationHours / 1.5 && c.Gap.DurationHours <= d.Gap.DurationHours * 1.5).ToList();
            var highest = similar.MaxBy(c => c.Score);
            if (highest is not null && d.Score <= highest.Score)
            {
                outscored++;
                output.WriteLine($"  dark {d.Mmsi} {d.Gap!.DurationHours} h scores {d.Score}, coverage {highest.Mmsi} {highest.Gap!.DurationHours} h scores {highest.Score}: {d.ScoreExplanation}");
            }
        }

        return outscored;
    }

    private static List<Alert> FinalGaps(CoverageFeeds.Feed feed, DetectionOptions options)
    {
        var updates = new List<Alert>();
        var engine = new DetectionEngine(options, PortIndex.Empty, updates.Add);
        foreach (var message in feed.Messages)
        {
            engine.Process(message);
        }

        engine.Complete();
        return updates.Where(a => a.Kind == AlertKind.TransponderGap).GroupBy(a => a.Id).Select(g => g.Last()).ToList();
    }

    private static bool IsDark(CoverageFeeds.Feed feed, Alert alert) =>
        feed.DarkPeriods.TryGetValue(alert.Mmsi.Value, out var window) && Overlaps(alert, window);

    private static bool Overlaps(Alert alert, Simulation.TimeWindow window) =>
        alert.Start < window.To && (alert.End ?? Instant.MaxValue) > window.From;
}
