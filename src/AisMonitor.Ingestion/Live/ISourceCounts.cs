using AisMonitor.Core.Nmea;

namespace AisMonitor.Ingestion.Live;

/// <summary>What a source has read, for metrics: read from another thread while the source counts.</summary>
public interface ISourceCounts
{
    /// <summary>Lines (or CSV records) read.</summary>
    long LinesRead { get; }

    /// <summary>Messages decoded, by AIS message type.</summary>
    IEnumerable<KeyValuePair<int, long>> MessagesByType { get; }

    /// <summary>Lines rejected, by reason.</summary>
    IEnumerable<KeyValuePair<string, long>> Rejected { get; }
}

/// <summary>A live decoder's counters (TCP, UDP).</summary>
public sealed class DecoderCounts(NmeaStatistics statistics) : ISourceCounts
{
    /// <inheritdoc/>
    public long LinesRead => statistics.LinesRead;

    /// <inheritdoc/>
    public IEnumerable<KeyValuePair<int, long>> MessagesByType =>
        Enumerable.Range(1, 27).Where(t => statistics.MessagesOfType(t) > 0).Select(t => KeyValuePair.Create(t, statistics.MessagesOfType(t)));

    /// <inheritdoc/>
    public IEnumerable<KeyValuePair<string, long>> Rejected =>
        Enum.GetValues<RejectionReason>().Where(r => statistics.RejectedFor(r) > 0).Select(r => KeyValuePair.Create(r.ToString(), statistics.RejectedFor(r)));
}
