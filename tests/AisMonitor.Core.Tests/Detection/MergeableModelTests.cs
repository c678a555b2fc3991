using AisMonitor.Core.Ais;
using AisMonitor.Core.Detection;
using AisMonitor.Core.PortCalls;
using AisMonitor.Core.Ports;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>
/// The feed-wide models are sums, so workers that each take part of the MMSIs can merge what they
/// learnt into what one worker over the whole feed learns: the condition for spreading partitions
/// over several processes.
/// </summary>
public sealed class MergeableModelTests
{
    /// <summary>Forty vessels over three days in two sea areas, each with its own report interval and some long silences.</summary>
    private static List<DecodedMessage> Feed()
    {
        var random = new Random(20241204);
        var streams = new List<IEnumerable<DecodedMessage>>();
        for (var i = 0; i < 40; i++)
        {
            var mmsi = (uint)(257_000_000 + (i * 7));
            var every = Duration.FromMinutes(3 + random.Next(0, 30));
            var (latitude, longitude) = i % 2 == 0 ? (58.0 + random.NextDouble(), 5.0 + random.NextDouble()) : (34.0 + random.NextDouble(), 129.0 + random.NextDouble());
            var silentFrom = Start + Duration.FromHours(random.Next(5, 60));
            var silentFor = Duration.FromHours(random.Next(1, 14));
            streams.Add(Circling(mmsi, Start, Start + Duration.FromDays(3), every, latitude, longitude, phase: i)
                .Where(m => m.Metadata.Received < silentFrom || m.Metadata.Received >= silentFrom + silentFor));
        }

        return [.. Merge([.. streams])];
    }

    private static ReceptionModel Learn(IEnumerable<DecodedMessage> messages)
    {
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, _ => { });
        foreach (var message in messages)
        {
            engine.Process(message);
        }

        engine.Complete();
        return engine.Reception;
    }

    [Fact]
    public void Reception_models_learnt_over_two_halves_of_the_MMSIs_merge_into_the_whole_feeds()
    {
        var feed = Feed();
        var whole = Learn(feed);
        var merged = Learn(feed.Where(m => m.Mmsi.Value % 2 == 0));
        merged.Merge(Learn(feed.Where(m => m.Mmsi.Value % 2 == 1)));

        var (expected, actual) = (whole.ToSnapshot(), merged.ToSnapshot());
        Assert.Equal(expected.Cells.Select(c => c.Key), actual.Cells.Select(c => c.Key));
        Assert.Equal(expected.Cells.Select(c => c.Histogram.Counts), actual.Cells.Select(c => c.Histogram.Counts));
        Assert.Equal(expected.Feed.Counts, actual.Feed.Counts);
        Assert.Equal(expected.Feed.TotalSeconds, actual.Feed.TotalSeconds, 6); // sums in another order: equal to rounding
        Assert.Equal(expected.ListenedFromUnixMilliseconds, actual.ListenedFromUnixMilliseconds);
        Assert.Equal(expected.ListenedToUnixMilliseconds, actual.ListenedToUnixMilliseconds);
        foreach (var (latitude, longitude) in new[] { (58.5, 5.5), (34.5, 129.5), (0.0, 0.0) })
        {
            foreach (var hours in new[] { 2.0, 6, 12, 24 })
            {
                Assert.Equal(whole.Assess(latitude, longitude, hours * 3600).ChancePerVesselDay, merged.Assess(latitude, longitude, hours * 3600).ChancePerVesselDay, 12);
            }
        }
    }

    [Fact]
    public void Models_on_different_grids_do_not_merge()
    {
        var coarse = new ReceptionModel(new ReceptionOptions { CellSizeDegrees = 2 });
        Assert.Throws<ArgumentException>(() => new ReceptionModel().Merge(coarse));
    }

    [Fact]
    public void Caller_statistics_counted_apart_merge_into_those_counted_together()
    {
        var calls = new[] { ("NLRTM", "NL", 7), ("NLRTM", "PA", 8), ("KRPUS", "KR", 7), ("NLRTM", "NL", 7), ("KRPUS", (string?)null, 3), ("CNZOS", "RU", 7) };
        var together = new CallerStatistics();
        var (first, second) = (new CallerStatistics(), new CallerStatistics());
        for (var i = 0; i < calls.Length; i++)
        {
            var (place, flag, type) = calls[i];
            together.Count(place, flag, type);
            (i % 2 == 0 ? first : second).Count(place, flag, type);
        }

        first.Merge(second);

        Assert.Equivalent(together.ToSnapshot(), first.ToSnapshot(), strict: true);
        Assert.Equal(together.Judge("NLRTM", "RU", 7), first.Judge("NLRTM", "RU", 7));
    }
}
