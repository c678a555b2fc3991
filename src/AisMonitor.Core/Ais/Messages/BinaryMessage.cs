namespace AisMonitor.Core.Ais.Messages;

/// <summary>
/// Binary messages: addressed (6), broadcast (8), single-slot (25) and multi-slot (26). Decoded to
/// the addressing and the application identifier (DAC/FID) when present; the application data
/// itself is kept as a bit count, not interpreted.
/// </summary>
public sealed record BinaryMessage : AisMessage
{
    /// <summary>Destination of an addressed message.</summary>
    public Mmsi? DestinationMmsi { get; init; }

    /// <summary>Sequence number of an addressed message (type 6).</summary>
    public byte? SequenceNumber { get; init; }

    /// <summary>Retransmitted flag (type 6).</summary>
    public bool? Retransmit { get; init; }

    /// <summary>Designated area code of the application.</summary>
    public int? Dac { get; init; }

    /// <summary>Function identifier of the application.</summary>
    public int? Fid { get; init; }

    /// <summary>Number of application data bits after the header.</summary>
    public int DataBitCount { get; init; }

    /// <inheritdoc />
    protected override void WriteBody(IAisFieldWriter writer)
    {
        if (MessageType == 6)
        {
            writer.WriteInteger(AisFieldNames.SequenceNumber, SequenceNumber);
            writer.WriteBoolean(AisFieldNames.Retransmit, Retransmit);
        }

        if (DestinationMmsi.HasValue || MessageType == 6)
        {
            writer.WriteInteger(AisFieldNames.DestinationMmsi, DestinationMmsi?.Value);
        }

        if (Dac.HasValue)
        {
            writer.WriteInteger(AisFieldNames.Dac, Dac);
            writer.WriteInteger(AisFieldNames.Fid, Fid);
        }
    }
}
