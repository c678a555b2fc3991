namespace AisMonitor.Core.Ais.Messages;

/// <summary>Extended class B position report (type 19): a position plus the vessel's name, type and dimensions.</summary>
public sealed record ExtendedClassBPositionReport : AisMessage
{
    /// <summary>The position part, as a tracker consumes it.</summary>
    public required PositionReport Position { get; init; }

    /// <summary>Regional reserved bits.</summary>
    public byte Regional { get; init; }

    /// <summary>Ship name.</summary>
    public string? ShipName { get; init; }

    /// <summary>Type of ship and cargo.</summary>
    public byte ShipType { get; init; }

    /// <summary>Reference point dimensions.</summary>
    public ShipDimensions Dimensions { get; init; }

    /// <summary>Type of position fixing device.</summary>
    public byte Epfd { get; init; }

    /// <summary>True when the data terminal is not ready.</summary>
    public bool DteNotReady { get; init; }

    /// <summary>Assigned mode.</summary>
    public bool Assigned { get; init; }

    /// <inheritdoc />
    protected override void WriteBody(IAisFieldWriter writer)
    {
        writer.WriteNumber(AisFieldNames.SpeedOverGround, Position.SpeedOverGroundKnots);
        writer.WriteBoolean(AisFieldNames.PositionAccuracy, Position.PositionAccuracyHigh);
        writer.WriteNumber(AisFieldNames.Longitude, Position.LongitudeDegrees);
        writer.WriteNumber(AisFieldNames.Latitude, Position.LatitudeDegrees);
        writer.WriteNumber(AisFieldNames.CourseOverGround, Position.CourseOverGroundDegrees);
        writer.WriteInteger(AisFieldNames.Heading, Position.TrueHeadingDegrees);
        writer.WriteInteger(AisFieldNames.TimestampSecond, Position.TimestampSecond);
        writer.WriteInteger(AisFieldNames.Regional, Regional);
        writer.WriteText(AisFieldNames.ShipName, ShipName);
        writer.WriteInteger(AisFieldNames.ShipType, ShipType);
        WriteDimensions(writer, Dimensions);
        writer.WriteInteger(AisFieldNames.Epfd, Epfd);
        writer.WriteBoolean(AisFieldNames.Raim, Position.Raim);
        writer.WriteBoolean(AisFieldNames.Dte, DteNotReady);
        writer.WriteBoolean(AisFieldNames.Assigned, Assigned);
    }
}
