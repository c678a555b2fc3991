namespace AisMonitor.Core.Nmea;

/// <summary>How strict <see cref="NmeaAisDecoder"/> is. Defaults suit real feeds.</summary>
public sealed record NmeaDecoderOptions
{
    /// <summary>
    /// Accept sentences whose checksum does not match, flagging them (<see cref="Ais.MessageMetadata.ChecksumValid"/> false).
    /// Default false: a bad checksum means a corrupted payload and the line is rejected.
    /// </summary>
    public bool AcceptBadChecksum { get; init; }

    /// <summary>
    /// Longest accepted line in bytes, tag block and receiver suffix included. Default 1024
    /// (an NMEA sentence is at most 82 characters; tag blocks and suffixes add about 100).
    /// </summary>
    public int MaxLineLengthBytes { get; init; } = 1024;

    /// <summary>The largest <see cref="MaxLineLengthBytes"/> allowed: 16 MiB, so that a line's buffer stays bounded.</summary>
    public const int MaxLineLengthLimitBytes = 16 << 20;

    /// <summary>
    /// A fragment is discarded when its message has not completed this many lines after its first
    /// fragment. Default 250: fragments of one message normally arrive within a few lines, even when
    /// several receivers are interleaved.
    /// </summary>
    public int MaxFragmentAgeLines { get; init; } = 250;

    /// <summary>Most incomplete multi-sentence messages held at once; the oldest is discarded beyond it. Default 512.</summary>
    public int MaxPendingMessages { get; init; } = 512;

    /// <summary>
    /// How many lines a Gatehouse $PGHP time and the sentence it stamps (named by its checksum in
    /// field 13) may be apart, before or after. Default 8: Gatehouse writes them next to each other.
    /// </summary>
    public int TimeSentenceWindowLines { get; init; } = 8;

    /// <summary>
    /// Let messages without a time wait for their $PGHP from the first line on. Replay sets it when
    /// the start of a log has $PGHP sentences; otherwise waiting starts with the first $PGHP read
    /// (so in a log whose times follow their sentences, the sentence before it goes without).
    /// </summary>
    public bool ExpectTimeSentences { get; init; }

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public void Validate()
    {
        if (MaxLineLengthBytes is < 16 or > MaxLineLengthLimitBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLineLengthBytes), MaxLineLengthBytes, "MaxLineLengthBytes (--max-line-length) must be from 16 to 16,777,216 bytes.");
        }

        if (MaxFragmentAgeLines < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFragmentAgeLines), MaxFragmentAgeLines, "MaxFragmentAgeLines must be at least 1.");
        }

        if (MaxPendingMessages < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPendingMessages), MaxPendingMessages, "MaxPendingMessages must be at least 1.");
        }

        if (TimeSentenceWindowLines is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeSentenceWindowLines), TimeSentenceWindowLines, "TimeSentenceWindowLines must be from 1 to 1000.");
        }
    }
}
