namespace AisMonitor.Core.Nmea;

/// <summary>What became of one input line. Every line ends up in exactly one of these.</summary>
public enum LineOutcome
{
    /// <summary>The line completed a message (a single-sentence message or the last fragment).</summary>
    Message,

    /// <summary>
    /// The line completed a message that waits, a few lines at most, for the $PGHP time sentence
    /// that may follow it (or behind one that does); take it with <see cref="NmeaAisDecoder.TryTakeReleased"/>.
    /// </summary>
    Held,

    /// <summary>A fragment of a multi-sentence message, held until the message is complete.</summary>
    Fragment,

    /// <summary>A line that is not AIS and is ignored on purpose (blank, comment, other sentences); see <see cref="SkipReason"/>.</summary>
    Skipped,

    /// <summary>A line that should have been AIS but could not be used; see <see cref="RejectionReason"/>.</summary>
    Rejected,
}
