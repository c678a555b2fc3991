namespace AisMonitor.Core.Ais;

/// <summary>What <see cref="AisMessageDecoder"/> made of a payload.</summary>
public enum AisDecodeStatus
{
    /// <summary>A position report (types 1, 2, 3, 18, 27): see the <see cref="PositionReport"/> out value.</summary>
    Position,

    /// <summary>Any other message type: see the <see cref="Messages.AisMessage"/> out value.</summary>
    Other,

    /// <summary>The payload is shorter than its message type requires.</summary>
    PayloadTooShort,

    /// <summary>Message type 0 or 28–63, which ITU-R M.1371-5 does not define.</summary>
    UnknownMessageType,
}
