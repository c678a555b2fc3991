namespace AisMonitor.Core.Ais.Messages;

/// <summary>
/// An AIS message other than a plain position report (those are <see cref="PositionReport"/>
/// values so that the hot path does not allocate). Every message has a type, a repeat indicator
/// and the MMSI of its source (ITU-R M.1371-5, common header of all 27 message types).
/// </summary>
public abstract record AisMessage
{
    /// <summary>Message type 1–27.</summary>
    public required byte MessageType { get; init; }

    /// <summary>Repeat indicator (0–3).</summary>
    public byte Repeat { get; init; }

    /// <summary>Source station.</summary>
    public required Mmsi Mmsi { get; init; }

    /// <summary>Writes every field this message carries under its normalised name.</summary>
    public void WriteFields(IAisFieldWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteInteger(AisFieldNames.MessageType, MessageType);
        writer.WriteInteger(AisFieldNames.Repeat, Repeat);
        writer.WriteInteger(AisFieldNames.Mmsi, Mmsi.Value);
        WriteBody(writer);
    }

    /// <summary>Writes the fields after the common header.</summary>
    protected abstract void WriteBody(IAisFieldWriter writer);

    /// <summary>Writes the four dimension fields (metres from the reference point).</summary>
    protected static void WriteDimensions(IAisFieldWriter writer, ShipDimensions dimensions)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteInteger(AisFieldNames.DimToBow, dimensions.ToBowMetres);
        writer.WriteInteger(AisFieldNames.DimToStern, dimensions.ToSternMetres);
        writer.WriteInteger(AisFieldNames.DimToPort, dimensions.ToPortMetres);
        writer.WriteInteger(AisFieldNames.DimToStarboard, dimensions.ToStarboardMetres);
    }
}
