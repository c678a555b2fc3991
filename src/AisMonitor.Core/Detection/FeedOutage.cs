using NodaTime;

namespace AisMonitor.Core.Detection;

/// <summary>
/// A silence of the whole feed, [<paramref name="From"/>, <paramref name="To"/>), after
/// <paramref name="VesselsHeardBefore"/> vessels were heard in the hour before it: nothing could be
/// heard then, so no vessel's silence is counted over it.
/// </summary>
public sealed record FeedOutage(Instant From, Instant To, int VesselsHeardBefore)
{
    /// <summary>How much of [<paramref name="start"/>, <paramref name="end"/>) this outage covers.</summary>
    public Duration Overlap(Instant start, Instant end)
    {
        var from = From > start ? From : start;
        var to = To < end ? To : end;
        return to > from ? to - from : Duration.Zero;
    }
}
