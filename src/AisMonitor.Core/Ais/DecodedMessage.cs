using System.Runtime.CompilerServices;
using AisMonitor.Core.Ais.Messages;

namespace AisMonitor.Core.Ais;

/// <summary>
/// One message with its metadata: what every reader (NMEA logs, live feeds, CSV exports) yields.
/// Position reports are held inline in <see cref="Position"/> (no allocation); any other message
/// is in <see cref="Message"/>.
/// </summary>
public readonly record struct DecodedMessage
{
    // Fields, not auto-properties: the decoder fills a message in its place (see the ref accessors below).
    private readonly MessageMetadata _metadata;
    private readonly PositionReport _position;
    private readonly AisMessage? _message;

    /// <summary>A position report.</summary>
    public DecodedMessage(in MessageMetadata metadata, in PositionReport position)
    {
        _metadata = metadata;
        _position = position;
    }

    /// <summary>Any other message.</summary>
    public DecodedMessage(in MessageMetadata metadata, AisMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _metadata = metadata;
        _message = message;
    }

    /// <summary>Line number, event time, source.</summary>
    public MessageMetadata Metadata => _metadata;

    /// <summary>The position report when <see cref="Message"/> is null.</summary>
    public PositionReport Position => _position;

    /// <summary>The message when it is not a plain position report.</summary>
    public AisMessage? Message => _message;

    /// <summary>
    /// The places of a message's parts, for the decoder to write a message where it is kept (its caller's
    /// slot) rather than build it on the stack and copy it there: built by a constructor, a position report
    /// went through three stack copies of 100 to 180 bytes. Only for a message that is cleared
    /// (<c>default</c>) and not yet shared: a message written in part is no message at all.
    /// </summary>
    internal static ref MessageMetadata MetadataPlace(ref DecodedMessage message) => ref Unsafe.AsRef(in message._metadata);

    /// <inheritdoc cref="MetadataPlace"/>
    internal static ref PositionReport PositionPlace(ref DecodedMessage message) => ref Unsafe.AsRef(in message._position);

    /// <inheritdoc cref="MetadataPlace"/>
    internal static ref AisMessage? MessagePlace(ref DecodedMessage message) => ref Unsafe.AsRef(in message._message);

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
