using AisMonitor.Core.Ais.Messages;

namespace AisMonitor.Core.Ais;

/// <summary>
/// One message with its metadata: what every reader (NMEA logs, live feeds, CSV exports) yields.
/// Position reports are held inline in <see cref="Position"/> (no allocation); any other message
/// is in <see cref="Message"/>.
/// </summary>
public readonly record struct DecodedMessage
{
    /// <summary>A position report.</summary>
    public DecodedMessage(in MessageMetadata metadata, in PositionReport position)
    {
        Metadata = metadata;
        Position = position;
    }

    /// <summary>Any other message.</summary>
    public DecodedMessage(in MessageMetadata metadata, AisMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Metadata = metadata;
        Message = message;
    }

    /// <summary>Line number, event time, source.</summary>
    public MessageMetadata Metadata { get; }

    /// <summary>The position report when <see cref="Message"/> is null.</summary>
    public PositionReport Position { get; }

    /// <summary>The message when it is not a plain position report.</summary>
    public AisMessage? Message { get; }

    /// <summary>AIS message type.</summary>
    public int MessageType => Message?.MessageType ?? Position.MessageType;

    /// <summary>Source MMSI.</summary>
    public Mmsi Mmsi => Message?.Mmsi ?? Position.Mmsi;

    /// <summary>The same message with other metadata (a time paired later, for instance).</summary>
    public DecodedMessage WithMetadata(MessageMetadata metadata) => Message is null ? new DecodedMessage(metadata, Position) : new DecodedMessage(metadata, Message);

    /// <summary>The position this message reports, for plain position reports and for type 19.</summary>
    public bool TryGetPosition(out PositionReport position)
    {
        switch (Message)
        {
            case null:
                position = Position;
                return true;
            case ExtendedClassBPositionReport extended:
                position = extended.Position;
                return true;
            default:
                position = default;
                return false;
        }
    }

    /// <summary>Writes the message's fields under their normalised names.</summary>
    public void WriteFields(IAisFieldWriter writer)
    {
        if (Message is null)
        {
            Position.WriteFields(writer);
        }
        else
        {
            Message.WriteFields(writer);
        }
    }
}
