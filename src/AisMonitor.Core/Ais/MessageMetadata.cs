using NodaTime;

namespace AisMonitor.Core.Ais;

/// <summary>Where and when a message was received: the part of a message that is not its payload.</summary>
public readonly record struct MessageMetadata
{
    /// <summary>1-based number of the input line that completed the message.</summary>
    public long LineNumber { get; init; }

    /// <summary>
    /// Event time: the receive time from the tag block (c:), a $PGHP time sentence, a receiver
    /// suffix, a CSV timestamp, or the instant a live source stamped it. Null when the input has none.
    /// </summary>
    public Instant? Received { get; init; }

    /// <summary>Receiving station (tag block s:, or the receiver suffix), when known.</summary>
    public string? Source { get; init; }

    /// <summary>Which of a live worker's sources delivered it (1-based, in configuration order); 0 when not told (files, replay). Outages are judged per feed.</summary>
    public byte Feed { get; init; }

    /// <summary>VDL channel ('A', 'B', '1', '2'), or '\0' when not given.</summary>
    public char Channel { get; init; }

    /// <summary>True for a VDO sentence: the receiver's own ship, not a vessel it heard.</summary>
    public bool OwnShip { get; init; }

    /// <summary>False when a sentence checksum did not match and the message was accepted anyway (option).</summary>
    public bool ChecksumValid { get; init; }
}
