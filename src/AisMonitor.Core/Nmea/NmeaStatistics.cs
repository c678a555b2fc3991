namespace AisMonitor.Core.Nmea;

/// <summary>
/// Counts of what a decoder did with its input. They add up:
/// <c>LinesRead = MessageLines + FragmentLinesUsed + FragmentLinesPending + Skipped + Rejected</c>
/// (<see cref="IsBalanced"/>), and after <see cref="NmeaAisDecoder.Flush"/> nothing is pending.
/// </summary>
public sealed class NmeaStatistics
{
    private readonly long[] _messagesByType = new long[28];
    private readonly long[] _skipped = new long[Enum.GetValues<SkipReason>().Length];
    private readonly long[] _rejected = new long[Enum.GetValues<RejectionReason>().Length];

    /// <summary>Lines given to the decoder.</summary>
    public long LinesRead { get; internal set; }

    /// <summary>Lines that completed a message (one per message).</summary>
    public long MessageLines { get; private set; }

    /// <summary>Fragment lines that became part of a completed message (not counting the completing one).</summary>
    public long FragmentLinesUsed { get; internal set; }

    /// <summary>Fragment lines currently held for incomplete messages.</summary>
    public long FragmentLinesPending { get; internal set; }

    /// <summary>Tag blocks whose checksum was wrong; the tag block was used anyway.</summary>
    public long TagBlockChecksumMismatches { get; internal set; }

    /// <summary>Tag blocks with an unparseable parameter; the parameter was ignored.</summary>
    public long TagBlockMalformedParameters { get; internal set; }

    /// <summary>Messages accepted despite a bad sentence checksum (only with <see cref="NmeaDecoderOptions.AcceptBadChecksum"/>).</summary>
    public long BadChecksumsAccepted { get; internal set; }

    /// <summary>
    /// $PGHP time sentences that stamped no message: no sentence with their checksum within the
    /// window, or a later fragment's time when the message already had its first fragment's.
    /// </summary>
    public long TimeSentencesUnused { get; internal set; }

    /// <summary>Messages decoded.</summary>
    public long Messages => MessageLines;

    /// <summary>Lines skipped, all reasons.</summary>
    public long Skipped { get; private set; }

    /// <summary>Lines rejected, all reasons.</summary>
    public long Rejected { get; private set; }

    /// <summary>True when every line read is accounted for exactly once.</summary>
    public bool IsBalanced => LinesRead == MessageLines + FragmentLinesUsed + FragmentLinesPending + Skipped + Rejected;

    /// <summary>Messages decoded of one type (1–27).</summary>
    public long MessagesOfType(int type) => type is >= 1 and <= 27 ? _messagesByType[type] : 0;

    /// <summary>Lines skipped for one reason.</summary>
    public long SkippedFor(SkipReason reason) => _skipped[(int)reason];

    /// <summary>Lines rejected for one reason.</summary>
    public long RejectedFor(RejectionReason reason) => _rejected[(int)reason];

    internal void CountMessage(int type)
    {
        MessageLines++;
        _messagesByType[type]++;
    }

    internal void CountSkip(SkipReason reason)
    {
        Skipped++;
        _skipped[(int)reason]++;
    }

    internal void CountRejection(RejectionReason reason, long lines = 1)
    {
        Rejected += lines;
        _rejected[(int)reason] += lines;
    }
}
