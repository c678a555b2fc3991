using NodaTime;

namespace AisMonitor.Core.Detection;

/// <summary>
/// A silence of the whole feed, [<paramref name="From"/>, <paramref name="To"/>), after
/// <paramref name="VesselsHeardBefore"/> vessels were heard in the hour before it: nothing could be
/// heard then, so no vessel's silence is counted over it. When <see cref="Feed"/> is not 0, only that
/// one of a live worker's sources was out: only the vessels it last heard are spared.
/// </summary>
public sealed record FeedOutage(Instant From, Instant To, int VesselsHeardBefore)
{
    /// <summary>The source that was out (see <see cref="Ais.MessageMetadata.Feed"/>); 0 for the whole feed.</summary>
    public byte Feed { get; init; }

    /// <summary>Whether the outage silenced a vessel last heard through <paramref name="feed"/>.</summary>
    public bool Covers(byte feed) => Feed == 0 || Feed == feed;

    /// <summary>How much of [<paramref name="start"/>, <paramref name="end"/>) this outage covers.</summary>
    public Duration Overlap(Instant start, Instant end)
    {
        var from = From > start ? From : start;
        var to = To < end ? To : end;
        return to > from ? to - from : Duration.Zero;
    }
}
