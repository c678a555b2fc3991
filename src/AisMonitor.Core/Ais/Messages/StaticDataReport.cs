namespace AisMonitor.Core.Ais.Messages;

/// <summary>
/// Class B static data report (type 24). Part A (0) carries the name; part B (1) the type,
/// vendor, call sign and either dimensions or, for an auxiliary craft (MMSI 98xxxxxxx), the
/// mothership's MMSI (ITU-R M.1371-5 Tables 76–77).
/// </summary>
public sealed record StaticDataReport : AisMessage
{
    /// <summary>0 = part A, 1 = part B.</summary>
    public byte PartNumber { get; init; }

    /// <summary>Ship name (part A).</summary>
    public string? ShipName { get; init; }

    /// <summary>Type of ship and cargo (part B).</summary>
    public byte ShipType { get; init; }

    /// <summary>Manufacturer's id (part B): three characters in the current layout.</summary>
    public string? VendorId { get; init; }

    /// <summary>Unit model code (part B).</summary>
    public byte Model { get; init; }

    /// <summary>Unit serial number (part B).</summary>
    public uint Serial { get; init; }

    /// <summary>Call sign (part B).</summary>
    public string? CallSign { get; init; }

    /// <summary>Reference point dimensions (part B, not for auxiliary craft).</summary>
    public ShipDimensions Dimensions { get; init; }

    /// <summary>Mothership MMSI (part B of auxiliary craft only).</summary>
    public Mmsi? MothershipMmsi { get; init; }

    /// <summary>True for an auxiliary craft identity (98MIDxxxx).</summary>
    public bool IsAuxiliaryCraft => Mmsi.Value is >= 980_000_000 and <= 989_999_999;

    /// <inheritdoc />
    protected override void WriteBody(IAisFieldWriter writer)
    {
        writer.WriteInteger(AisFieldNames.PartNumber, PartNumber);
        if (PartNumber == 0)
        {
            writer.WriteText(AisFieldNames.ShipName, ShipName);
            return;
        }

        writer.WriteInteger(AisFieldNames.ShipType, ShipType);
        writer.WriteText(AisFieldNames.VendorId, VendorId);
        writer.WriteInteger(AisFieldNames.Model, Model);
        writer.WriteInteger(AisFieldNames.Serial, Serial);
        writer.WriteText(AisFieldNames.CallSign, CallSign);
        if (IsAuxiliaryCraft)
        {
            writer.WriteInteger(AisFieldNames.MothershipMmsi, MothershipMmsi?.Value);
        }
        else
        {
            WriteDimensions(writer, Dimensions);
        }
    }
}
