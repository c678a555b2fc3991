namespace AisMonitor.Core.Ais.Messages;

/// <summary>Safety-related text: addressed (12) or broadcast (14).</summary>
public sealed record SafetyRelatedMessage : AisMessage
{
    /// <summary>Destination of an addressed message (type 12).</summary>
    public Mmsi? DestinationMmsi { get; init; }

    /// <summary>Sequence number (type 12).</summary>
    public byte? SequenceNumber { get; init; }

    /// <summary>Retransmitted flag (type 12).</summary>
    public bool? Retransmit { get; init; }

    /// <summary>The message text (6-bit ASCII).</summary>
    public string? Text { get; init; }

    /// <inheritdoc />
    protected override void WriteBody(IAisFieldWriter writer)
    {
        if (MessageType == 12)
        {
            writer.WriteInteger(AisFieldNames.SequenceNumber, SequenceNumber);
            writer.WriteInteger(AisFieldNames.DestinationMmsi, DestinationMmsi?.Value);
            writer.WriteBoolean(AisFieldNames.Retransmit, Retransmit);
        }

        writer.WriteText(AisFieldNames.Text, Text);
    }
}
