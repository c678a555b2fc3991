namespace AisMonitor.Core.Nmea;

/// <summary>Why a line was skipped: it is valid input that carries no AIS message.</summary>
public enum SkipReason
{
    /// <summary>Empty or whitespace only.</summary>
    BlankLine,

    /// <summary>A comment line starting with '#'.</summary>
    Comment,

    /// <summary>A proprietary sentence ($P…, e.g. $PSHI, $PJRC) other than a time sentence.</summary>
    ProprietarySentence,

    /// <summary>A standard NMEA sentence that is not VDM/VDO (e.g. $GPGGA, $AIVSI, $ABALR).</summary>
    OtherSentence,

    /// <summary>A Gatehouse $PGHP time sentence, used as the receive time of the next AIS sentence.</summary>
    TimeSentence,
}
