namespace AisMonitor.Ingestion.Replay;

/// <summary>
/// What a reader did with its input. It adds up: every line read is a line that completed a
/// message, a fragment line used in one, skipped (with a reason) or rejected (with a reason).
/// </summary>
public sealed record ReadSummary
{
    /// <summary>Detected input format.</summary>
    public required ReplayFormat Format { get; init; }

    /// <summary>Lines (or CSV rows, header included) read.</summary>
    public required long LinesRead { get; init; }

    /// <summary>Lines that produced at least one message.</summary>
    public required long MessageLines { get; init; }

    /// <summary>Fragment lines that became part of a message completed on a later line.</summary>
    public long FragmentLines { get; init; }

    /// <summary>Messages produced (a CSV row can give a position and a static report).</summary>
    public required long Messages { get; init; }

    /// <summary>Messages by AIS type.</summary>
    public required IReadOnlyDictionary<int, long> MessagesByType { get; init; }

    /// <summary>Lines skipped on purpose, by reason.</summary>
    public required IReadOnlyDictionary<string, long> Skipped { get; init; }

    /// <summary>Lines rejected, by reason.</summary>
    public required IReadOnlyDictionary<string, long> Rejected { get; init; }

    /// <summary>Tolerated anomalies that did not cost a line (e.g. wrong tag-block checksums).</summary>
    public IReadOnlyDictionary<string, long> Tolerated { get; init; } = new Dictionary<string, long>();

    /// <summary>Null when the input was read to its end; otherwise why it ended early and where (a truncated or damaged gzip file): the lines before were read.</summary>
    public string? Incomplete { get; init; }

    /// <summary>True when every line is accounted for exactly once.</summary>
    public bool AddsUp => LinesRead == MessageLines + FragmentLines + Skipped.Values.Sum() + Rejected.Values.Sum();
}
