namespace AisMonitor.Core.Nmea;

/// <summary>Why a line that looked like AIS could not be used. Counted per reason and never thrown.</summary>
public enum RejectionReason
{
    /// <summary>Longer than <see cref="NmeaDecoderOptions.MaxLineLengthBytes"/>.</summary>
    LineTooLong,

    /// <summary>Neither a sentence ('!' or '$'), a tag block, a comment nor blank.</summary>
    Unrecognised,

    /// <summary>A sentence without a '*hh' checksum.</summary>
    MissingChecksum,

    /// <summary>The sentence checksum does not match its content.</summary>
    BadChecksum,

    /// <summary>A VDM/VDO sentence without its six fields, or with non-numeric ones.</summary>
    MalformedSentence,

    /// <summary>Fragment count 0 or above 9, or fragment number outside 1…count.</summary>
    InvalidFragmentCount,

    /// <summary>A VDM/VDO sentence with no payload.</summary>
    EmptyPayload,

    /// <summary>A payload character outside the 6-bit armouring ranges.</summary>
    InvalidPayloadCharacter,

    /// <summary>Fill bits other than 0–5.</summary>
    InvalidFillBits,

    /// <summary>A payload too long for any AIS message.</summary>
    PayloadTooLong,

    /// <summary>A payload shorter than its message type requires.</summary>
    PayloadTooShort,

    /// <summary>Message type 0 or 28–63.</summary>
    UnknownMessageType,

    /// <summary>A fragment whose message never completed within the age limit or before a newer message reused its key.</summary>
    FragmentExpired,

    /// <summary>A fragment still waiting for the rest of its message when the stream ended.</summary>
    FragmentIncomplete,

    /// <summary>A $PGHP time sentence with the wrong number of fields or an impossible date.</summary>
    MalformedTimeSentence,
}
