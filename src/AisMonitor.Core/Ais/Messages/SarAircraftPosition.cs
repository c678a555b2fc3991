namespace AisMonitor.Core.Ais.Messages;

/// <summary>Standard search-and-rescue aircraft position report (type 9).</summary>
public sealed record SarAircraftPosition : AisMessage
{
    /// <summary>Altitude (GNSS) in metres; null when not available (4095); 4094 means 4094 m or higher.</summary>
    public int? AltitudeMetres { get; init; }

    /// <summary>Speed over ground in whole knots (1 kn steps); null when not available (1023).</summary>
    public double? SpeedOverGroundKnots { get; init; }

    /// <summary>True when the position accuracy is better than 10 m.</summary>
    public bool PositionAccuracyHigh { get; init; }

    /// <summary>WGS-84 longitude in degrees.</summary>
    public double? LongitudeDegrees { get; init; }

    /// <summary>WGS-84 latitude in degrees.</summary>
    public double? LatitudeDegrees { get; init; }

    /// <summary>Course over ground in degrees.</summary>
    public double? CourseOverGroundDegrees { get; init; }

    /// <summary>UTC second of the report.</summary>
    public byte TimestampSecond { get; init; }

    /// <summary>Regional reserved bits.</summary>
    public byte Regional { get; init; }

    /// <summary>True when the data terminal is not ready.</summary>
    public bool DteNotReady { get; init; }

    /// <summary>Assigned mode.</summary>
    public bool Assigned { get; init; }

    /// <summary>RAIM in use.</summary>
    public bool Raim { get; init; }

    /// <summary>Communication state.</summary>
    public uint RadioStatus { get; init; }

    /// <inheritdoc />
    protected override void WriteBody(IAisFieldWriter writer)
    {
        writer.WriteInteger(AisFieldNames.Altitude, AltitudeMetres);
        writer.WriteNumber(AisFieldNames.SpeedOverGround, SpeedOverGroundKnots);
        writer.WriteBoolean(AisFieldNames.PositionAccuracy, PositionAccuracyHigh);
        writer.WriteNumber(AisFieldNames.Longitude, LongitudeDegrees);
        writer.WriteNumber(AisFieldNames.Latitude, LatitudeDegrees);
        writer.WriteNumber(AisFieldNames.CourseOverGround, CourseOverGroundDegrees);
        writer.WriteInteger(AisFieldNames.TimestampSecond, TimestampSecond);
        writer.WriteInteger(AisFieldNames.Regional, Regional);
        writer.WriteBoolean(AisFieldNames.Dte, DteNotReady);
        writer.WriteBoolean(AisFieldNames.Assigned, Assigned);
        writer.WriteBoolean(AisFieldNames.Raim, Raim);
        writer.WriteInteger(AisFieldNames.Radio, RadioStatus);
    }
}
