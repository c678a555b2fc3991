namespace AisMonitor.Core.Ais.Messages;

/// <summary>Class A static and voyage related data (type 5), also built from the identity columns of CSV exports.</summary>
public sealed record StaticAndVoyageData : AisMessage
{
    /// <summary>AIS version indicator (0 = ITU-R M.1371-1, …).</summary>
    public byte AisVersion { get; init; }

    /// <summary>The 30-bit IMO field as transmitted (0 = not available); see <see cref="Imo"/> for the validated number.</summary>
    public uint ImoRaw { get; init; }

    /// <summary>The IMO number when the transmitted value passes the check digit.</summary>
    public Imo? Imo => Ais.Imo.TryCreate(ImoRaw, out var imo) ? imo : null;

    /// <summary>Radio call sign.</summary>
    public string? CallSign { get; init; }

    /// <summary>Ship name.</summary>
    public string? ShipName { get; init; }

    /// <summary>Type of ship and cargo (0 = not available, 20–99 ITU categories).</summary>
    public byte ShipType { get; init; }

    /// <summary>Reference point dimensions.</summary>
    public ShipDimensions Dimensions { get; init; }

    /// <summary>Overall length in metres as a CSV export states it (null for AIS messages, which give <see cref="Dimensions"/>).</summary>
    public double? ReportedLengthMetres { get; init; }

    /// <summary>Overall beam in metres as a CSV export states it.</summary>
    public double? ReportedBeamMetres { get; init; }

    /// <summary>Overall length in metres, from the export or the reference point dimensions.</summary>
    public double? LengthMetres => ReportedLengthMetres ?? Dimensions.LengthMetres;

    /// <summary>Type of electronic position fixing device (0 undefined, 1 GPS, …, 15 internal GNSS).</summary>
    public byte Epfd { get; init; }

    /// <summary>ETA month as transmitted (1–12, 0 = not available).</summary>
    public byte EtaMonth { get; init; }

    /// <summary>ETA day (1–31, 0 = not available).</summary>
    public byte EtaDay { get; init; }

    /// <summary>ETA hour (0–23, 24 = not available).</summary>
    public byte EtaHour { get; init; }

    /// <summary>ETA minute (0–59, 60 = not available).</summary>
    public byte EtaMinute { get; init; }

    /// <summary>Maximum present static draught in metres; null when not available (0).</summary>
    public double? DraughtMetres { get; init; }

    /// <summary>Destination as entered by the crew.</summary>
    public string? Destination { get; init; }

    /// <summary>True when the data terminal is NOT ready (DTE flag 1 = not available).</summary>
    public bool DteNotReady { get; init; }

    /// <inheritdoc />
    protected override void WriteBody(IAisFieldWriter writer)
    {
        writer.WriteInteger(AisFieldNames.AisVersion, AisVersion);
        writer.WriteInteger(AisFieldNames.Imo, ImoRaw);
        writer.WriteText(AisFieldNames.CallSign, CallSign);
        writer.WriteText(AisFieldNames.ShipName, ShipName);
        writer.WriteInteger(AisFieldNames.ShipType, ShipType);
        WriteDimensions(writer, Dimensions);
        writer.WriteInteger(AisFieldNames.Epfd, Epfd);
        writer.WriteInteger(AisFieldNames.EtaMonth, EtaMonth == 0 ? null : EtaMonth); // 0: not available (ITU-R M.1371-5, Table 48)
        writer.WriteInteger(AisFieldNames.EtaDay, EtaDay == 0 ? null : EtaDay);
        writer.WriteInteger(AisFieldNames.EtaHour, EtaHour);
        writer.WriteInteger(AisFieldNames.EtaMinute, EtaMinute);
        writer.WriteNumber(AisFieldNames.Draught, DraughtMetres);
        writer.WriteText(AisFieldNames.Destination, Destination);
        writer.WriteBoolean(AisFieldNames.Dte, DteNotReady);
    }
}
