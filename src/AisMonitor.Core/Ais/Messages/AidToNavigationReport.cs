namespace AisMonitor.Core.Ais.Messages;

/// <summary>Aid-to-navigation report (type 21): buoys, beacons, virtual aids.</summary>
public sealed record AidToNavigationReport : AisMessage
{
    /// <summary>Type of aid (ITU-R M.1371-5 Table 74, 0 = not specified).</summary>
    public byte AidType { get; init; }

    /// <summary>Name, including the name extension when present.</summary>
    public string? Name { get; init; }

    /// <summary>True when the position accuracy is better than 10 m.</summary>
    public bool PositionAccuracyHigh { get; init; }

    /// <summary>WGS-84 longitude in degrees.</summary>
    public double? LongitudeDegrees { get; init; }

    /// <summary>WGS-84 latitude in degrees.</summary>
    public double? LatitudeDegrees { get; init; }

    /// <summary>Reference point dimensions.</summary>
    public ShipDimensions Dimensions { get; init; }

    /// <summary>Type of position fixing device.</summary>
    public byte Epfd { get; init; }

    /// <summary>UTC second of the report.</summary>
    public byte TimestampSecond { get; init; }

    /// <summary>True when a floating aid is off its charted position; null for a report too short to say (as for the flags below).</summary>
    public bool? OffPosition { get; init; }

    /// <summary>Regional reserved bits.</summary>
    public byte? Regional { get; init; }

    /// <summary>RAIM in use.</summary>
    public bool? Raim { get; init; }

    /// <summary>True for a virtual aid (no physical aid at the position).</summary>
    public bool? VirtualAid { get; init; }

    /// <summary>Assigned mode.</summary>
    public bool? Assigned { get; init; }

    /// <inheritdoc />
    protected override void WriteBody(IAisFieldWriter writer)
    {
        writer.WriteInteger(AisFieldNames.AidType, AidType);
        writer.WriteText(AisFieldNames.AtonName, Name);
        writer.WriteBoolean(AisFieldNames.PositionAccuracy, PositionAccuracyHigh);
        writer.WriteNumber(AisFieldNames.Longitude, LongitudeDegrees);
        writer.WriteNumber(AisFieldNames.Latitude, LatitudeDegrees);
        WriteDimensions(writer, Dimensions);
        writer.WriteInteger(AisFieldNames.Epfd, Epfd);
        writer.WriteInteger(AisFieldNames.TimestampSecond, TimestampSecond);
        writer.WriteBoolean(AisFieldNames.OffPosition, OffPosition);
        writer.WriteInteger(AisFieldNames.Regional, Regional);
        writer.WriteBoolean(AisFieldNames.Raim, Raim);
        writer.WriteBoolean(AisFieldNames.VirtualAid, VirtualAid);
        writer.WriteBoolean(AisFieldNames.Assigned, Assigned);
    }
}
