using NodaTime;

namespace AisMonitor.Core.Nmea;

/// <summary>
/// The NMEA 4.0 tag block in front of a sentence (<c>\c:1565218798,s:station*hh\</c>, IEC 61162-1
/// Annex: c = receive time, s = source, d = destination, g = sentence group, n = line count,
/// r = relative time, t = text). Unknown parameters are ignored.
/// </summary>
public readonly record struct TagBlock
{
    /// <summary>Receive time (c:, Unix seconds, or milliseconds when the value has 13 or more digits).</summary>
    public Instant? ReceiverTime { get; init; }

    /// <summary>Source station (s:).</summary>
    public string? Source { get; init; }

    /// <summary>Destination (d:).</summary>
    public string? Destination { get; init; }

    /// <summary>Sentence number within its group (g: first number), 0 when there is no group.</summary>
    public int GroupSentence { get; init; }

    /// <summary>Number of sentences in the group (g: second number), 0 when there is no group.</summary>
    public int GroupTotal { get; init; }

    /// <summary>Group identifier (g: third number), −1 when there is no group.</summary>
    public int GroupId { get; init; }

    /// <summary>Line count (n:).</summary>
    public long? LineCount { get; init; }

    /// <summary>Relative time (r:).</summary>
    public long? RelativeTime { get; init; }

    /// <summary>Free text (t:).</summary>
    public string? Text { get; init; }

    /// <summary>True when the block carried a '*hh' checksum that did not match (the block is still used).</summary>
    public bool ChecksumMismatch { get; init; }

    /// <summary>True when a known parameter could not be parsed (the parameter is ignored).</summary>
    public bool HasMalformedParameter { get; init; }

    /// <summary>True when a g: group was present.</summary>
    public bool HasGroup => GroupId >= 0;
}
