using System.Text.Json;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>
/// Event time robust to outliers: a few messages stamped far ahead of the feed (or at the ends of the
/// calendar) neither move the feed's time for everyone nor make the rest late; they are counted.
/// </summary>
public sealed class ImplausibleTimeTests
{
    private static readonly Duration TenMinutes = Duration.FromMinutes(10);
    private static readonly Instant Year2030 = Instant.FromUtc(2030, 6, 1, 0, 0);

    /// <summary>30 vessels heard every 10 minutes for 4 days, one of them silent for 14 h: one gap alert.</summary>
    private static List<DecodedMessage> Feed()
    {
        var silentFrom = Start + Duration.FromDays(2);
        var dark = Circling(273_210_440, Start, Start + Duration.FromDays(4), TenMinutes, 34.5, 128.5)
            .Where(m => m.Metadata.Received < silentFrom || m.Metadata.Received >= silentFrom + Duration.FromHours(14));
        var busy = Enumerable.Range(0, 30).Select(i => Circling((uint)(440_100_000 + i), Start, Start + Duration.FromDays(4), TenMinutes, 34.5, 128.5, phase: i));
        return Merge([.. busy, dark]).ToList();
    }

    private static (List<string> Alerts, EngineStatistics Statistics) Run(IEnumerable<DecodedMessage> messages)
    {
        var updates = new List<Alert>();
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, updates.Add);
        foreach (var message in messages)
        {
            engine.Process(message);
        }

        engine.Complete();
        return (updates.Select(a => JsonSerializer.Serialize(a, AlertJson.Options)).ToList(), engine.Statistics);
    }

    /// <summary>The feed with copies of one of its messages, stamped <paramref name="time"/>, inserted at evenly spread places.</summary>
    private static List<DecodedMessage> WithInserted(List<DecodedMessage> feed, int count, Instant time)
    {
        var result = new List<DecodedMessage>(feed);
        for (var i = 0; i < count; i++)
        {
            var at = (int)((long)feed.Count * (i + 1) / (count + 2));
            var copy = feed[at];
            result.Insert(at + i, copy.WithMetadata(copy.Metadata with { Received = time + Duration.FromSeconds(i) }));
        }

        return result;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    public void A_few_messages_stamped_years_ahead_change_no_alert_and_are_counted(int count)
    {
        var feed = Feed();
        var (baseline, _) = Run(feed);
        Assert.Contains(baseline, a => a.Contains("\"transponder_gap\"", StringComparison.Ordinal));

        var (alerts, statistics) = Run(WithInserted(feed, count, Year2030));

        Assert.Equal(baseline, alerts);
        Assert.Equal(count, statistics.ImplausibleTimes);
        Assert.Equal(0, statistics.Late);
    }

    [Fact]
    public void A_message_stamped_years_ahead_as_the_very_first_changes_no_alert()
    {
        var feed = Feed();
        var (baseline, _) = Run(feed);
        var first = feed[0].WithMetadata(feed[0].Metadata with { Received = Year2030 });

        var (alerts, statistics) = Run(feed.Prepend(first));

        Assert.Equal(baseline, alerts);
        Assert.Equal(1, statistics.ImplausibleTimes);
    }

    [Fact]
    public void Times_at_the_ends_of_the_calendar_and_before_AIS_are_counted_not_thrown()
    {
        var feed = Feed();
        var (baseline, _) = Run(feed);
        var extremes = new[] { Instant.MaxValue, Instant.FromUtc(9999, 12, 31, 23, 59), Instant.MinValue, Instant.FromUtc(-9998, 1, 1, 0, 0), Instant.FromUnixTimeSeconds(2), Instant.FromUtc(1995, 1, 1, 0, 0) };
        var mixed = new List<DecodedMessage>(feed);
        for (var i = 0; i < extremes.Length; i++)
        {
            var copy = feed[(i + 1) * 1000];
            mixed.Insert((i + 1) * 1000, copy.WithMetadata(copy.Metadata with { Received = extremes[i] }));
        }

        var (alerts, statistics) = Run(mixed);

        Assert.Equal(baseline, alerts);
        Assert.Equal(extremes.Length, statistics.ImplausibleTimes);
    }

    [Fact]
    public void A_whole_feed_that_moves_ahead_is_followed_once_enough_of_it_agrees()
    {
        // Files that do not meet in time: the second starts a month later, and everything in it counts.
        var feed = Feed();
        var later = feed.Select(m => m.WithMetadata(m.Metadata with { Received = m.Metadata.Received + Duration.FromDays(30) }));

        var (_, statistics) = Run(feed.Concat(later));

        Assert.Equal(0, statistics.ImplausibleTimes);
        Assert.Equal(0, statistics.Late);
        Assert.Equal(2 * feed.Count, statistics.Positions + statistics.Duplicates);
    }
}
