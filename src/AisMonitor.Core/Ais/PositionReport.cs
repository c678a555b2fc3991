namespace AisMonitor.Core.Ais;

/// <summary>
/// A vessel position report: AIS types 1, 2, 3 (class A), 18 (class B), the position part of 19,
/// 27 (long range), or a row of a CSV export. A value type so that the hot decode path never
/// allocates. Every "not available" value of ITU-R M.1371-5 (lon 181°, lat 91°, SOG 102.3 kn,
/// COG 360°, heading 511, ROT −128) is null here, as is a coordinate outside ±90°/±180°.
/// </summary>
public readonly record struct PositionReport
{
    /// <summary>AIS message type (1, 2, 3, 18, 19, 27; for CSV rows 1 = class A, 18 = class B).</summary>
    public required byte MessageType { get; init; }

    /// <summary>Repeat indicator (0–3).</summary>
    public byte Repeat { get; init; }

    /// <summary>Transmitting station.</summary>
    public required Mmsi Mmsi { get; init; }

    /// <summary>Navigational status 0–15 (15 = not defined); null where the message has no such field (class B).</summary>
    public byte? NavigationStatus { get; init; }

    /// <summary>Raw ROT_AIS (−127…127, ±127 = turning faster than 5°/30 s without a turn indicator); null when not available (−128).</summary>
    public sbyte? RateOfTurnRaw { get; init; }

    /// <summary>Speed over ground in knots (102.2 means 102.2 kn or more).</summary>
    public double? SpeedOverGroundKnots { get; init; }

    /// <summary>True when the position accuracy is better than 10 m (DGNSS).</summary>
    public bool PositionAccuracyHigh { get; init; }

    /// <summary>WGS-84 longitude in degrees.</summary>
    public double? LongitudeDegrees { get; init; }

    /// <summary>WGS-84 latitude in degrees.</summary>
    public double? LatitudeDegrees { get; init; }

    /// <summary>Course over ground in degrees true.</summary>
    public double? CourseOverGroundDegrees { get; init; }

    /// <summary>True heading in degrees (0–359).</summary>
    public short? TrueHeadingDegrees { get; init; }

    /// <summary>UTC second of the report (0–59; 60 not available, 61–63 positioning system states).</summary>
    public byte? TimestampSecond { get; init; }

    /// <summary>Special manoeuvre indicator (0 not available, 1 none, 2 special).</summary>
    public byte ManeuverIndicator { get; init; }

    /// <summary>Receiver autonomous integrity monitoring in use.</summary>
    public bool Raim { get; init; }

    /// <summary>Communication state (19 bits; 20 for class B).</summary>
    public uint RadioStatus { get; init; }

    /// <summary>Regional reserved bits (type 18, 2 bits).</summary>
    public byte Regional { get; init; }

    /// <summary>Class B flags (type 18 only), see <see cref="ClassBCapabilities"/>.</summary>
    public ClassBCapabilities ClassB { get; init; }

    /// <summary>Type 27: true when the position is older than 5 seconds (GNSS latency).</summary>
    public bool PositionLatencyOver5Seconds { get; init; }

    /// <summary>Rate of turn in degrees per minute derived from <see cref="RateOfTurnRaw"/> (ROT = (ROT_AIS / 4.733)² with its sign), null when not available or only "fast".</summary>
    public double? RateOfTurnDegreesPerMinute => RateOfTurnRaw is { } raw && raw is > -127 and < 127
        ? Math.CopySign(raw / 4.733 * (raw / 4.733), raw)
        : null;

    /// <summary>True when both coordinates are available.</summary>
    public bool HasPosition => LatitudeDegrees.HasValue && LongitudeDegrees.HasValue;

    /// <summary>Writes the fields this message type carries under their normalised names.</summary>
    public void WriteFields(IAisFieldWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteInteger(AisFieldNames.MessageType, MessageType);
        writer.WriteInteger(AisFieldNames.Repeat, Repeat);
        writer.WriteInteger(AisFieldNames.Mmsi, Mmsi.Value);
        if (MessageType == 27)
        {
            writer.WriteBoolean(AisFieldNames.PositionAccuracy, PositionAccuracyHigh);
            writer.WriteBoolean(AisFieldNames.Raim, Raim);
            writer.WriteInteger(AisFieldNames.NavStatus, NavigationStatus);
            writer.WriteNumber(AisFieldNames.Longitude, LongitudeDegrees);
            writer.WriteNumber(AisFieldNames.Latitude, LatitudeDegrees);
            writer.WriteNumber(AisFieldNames.SpeedOverGround, SpeedOverGroundKnots);
            writer.WriteNumber(AisFieldNames.CourseOverGround, CourseOverGroundDegrees);
            writer.WriteBoolean(AisFieldNames.Gnss, PositionLatencyOver5Seconds);
            return;
        }

        if (NavigationStatus.HasValue || MessageType is >= 1 and <= 3)
        {
            writer.WriteInteger(AisFieldNames.NavStatus, NavigationStatus);
            writer.WriteNumber(AisFieldNames.RateOfTurn, RateOfTurnDegreesPerMinute);
            writer.WriteInteger(AisFieldNames.RateOfTurnRaw, RateOfTurnRaw);
        }

        writer.WriteNumber(AisFieldNames.SpeedOverGround, SpeedOverGroundKnots);
        writer.WriteBoolean(AisFieldNames.PositionAccuracy, PositionAccuracyHigh);
        writer.WriteNumber(AisFieldNames.Longitude, LongitudeDegrees);
        writer.WriteNumber(AisFieldNames.Latitude, LatitudeDegrees);
        writer.WriteNumber(AisFieldNames.CourseOverGround, CourseOverGroundDegrees);
        writer.WriteInteger(AisFieldNames.Heading, TrueHeadingDegrees);
        writer.WriteInteger(AisFieldNames.TimestampSecond, TimestampSecond);
        if (MessageType is >= 1 and <= 3)
        {
            writer.WriteInteger(AisFieldNames.Maneuver, ManeuverIndicator);
        }

        if (MessageType == 18)
        {
            writer.WriteInteger(AisFieldNames.Regional, Regional);
            writer.WriteBoolean(AisFieldNames.CsUnit, (ClassB & ClassBCapabilities.CarrierSense) != 0);
            writer.WriteBoolean(AisFieldNames.DisplayFlag, (ClassB & ClassBCapabilities.Display) != 0);
            writer.WriteBoolean(AisFieldNames.DscFlag, (ClassB & ClassBCapabilities.Dsc) != 0);
            writer.WriteBoolean(AisFieldNames.BandFlag, (ClassB & ClassBCapabilities.WholeBand) != 0);
            writer.WriteBoolean(AisFieldNames.Msg22Flag, (ClassB & ClassBCapabilities.Message22) != 0);
            writer.WriteBoolean(AisFieldNames.Assigned, (ClassB & ClassBCapabilities.Assigned) != 0);
        }

        if (MessageType is >= 1 and <= 3 or 18)
        {
            writer.WriteBoolean(AisFieldNames.Raim, Raim);
            writer.WriteInteger(AisFieldNames.Radio, RadioStatus);
        }
    }
}
