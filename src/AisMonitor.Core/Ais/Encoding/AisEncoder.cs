using AisMonitor.Core.Ais.Messages;

namespace AisMonitor.Core.Ais.Encoding;

/// <summary>
/// Encodes messages into AIS payloads, the inverse of <see cref="AisMessageDecoder"/> for types 1,
/// 2, 3, 18 (positions), 5 (static and voyage data) and 24 (class B static data, parts A and B).
/// Null ("not available") values are written as the protocol's sentinels. Used by the simulator.
/// </summary>
public static class AisEncoder
{
    /// <summary>A type 1, 2, 3 or 18 position report.</summary>
    public static (string Payload, int FillBits) Encode(in PositionReport report)
    {
        var w = new AisBitWriter(168);
        Header(w, report.MessageType, report.Repeat, report.Mmsi);
        if (report.MessageType is 1 or 2 or 3)
        {
            w.Unsigned(38, 4, report.NavigationStatus ?? 15)
                .Signed(42, 8, report.RateOfTurnRaw ?? -128)
                .Unsigned(50, 10, Speed(report.SpeedOverGroundKnots))
                .Flag(60, report.PositionAccuracyHigh)
                .Signed(61, 28, Longitude(report.LongitudeDegrees))
                .Signed(89, 27, Latitude(report.LatitudeDegrees))
                .Unsigned(116, 12, Course(report.CourseOverGroundDegrees))
                .Unsigned(128, 9, (ulong)(report.TrueHeadingDegrees ?? 511))
                .Unsigned(137, 6, report.TimestampSecond ?? 60)
                .Unsigned(143, 2, report.ManeuverIndicator)
                .Flag(148, report.Raim)
                .Unsigned(149, 19, report.RadioStatus);
            return w.Armour();
        }

        if (report.MessageType != 18)
        {
            throw new ArgumentException($"Position reports of type {report.MessageType} are not encoded (1, 2, 3, 18 are).", nameof(report));
        }

        w.Unsigned(46, 10, Speed(report.SpeedOverGroundKnots))
            .Flag(56, report.PositionAccuracyHigh)
            .Signed(57, 28, Longitude(report.LongitudeDegrees))
            .Signed(85, 27, Latitude(report.LatitudeDegrees))
            .Unsigned(112, 12, Course(report.CourseOverGroundDegrees))
            .Unsigned(124, 9, (ulong)(report.TrueHeadingDegrees ?? 511))
            .Unsigned(133, 6, report.TimestampSecond ?? 60)
            .Unsigned(139, 2, report.Regional);
        for (var i = 0; i < 6; i++)
        {
            w.Flag(141 + i, ((int)report.ClassB & (1 << i)) != 0);
        }

        return w.Flag(147, report.Raim).Unsigned(148, 20, report.RadioStatus).Armour();
    }

    /// <summary>A type 5 static and voyage related data message (424 bits, two sentences).</summary>
    public static (string Payload, int FillBits) Encode(StaticAndVoyageData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var w = new AisBitWriter(424);
        Header(w, 5, data.Repeat, data.Mmsi);
        w.Unsigned(38, 2, data.AisVersion)
            .Unsigned(40, 30, data.ImoRaw)
            .Text(70, 7, data.CallSign)
            .Text(112, 20, data.ShipName)
            .Unsigned(232, 8, data.ShipType);
        Dimensions(w, 240, data.Dimensions);
        return w.Unsigned(270, 4, data.Epfd)
            .Unsigned(274, 4, data.EtaMonth)
            .Unsigned(278, 5, data.EtaDay)
            .Unsigned(283, 5, data.EtaHour)
            .Unsigned(288, 6, data.EtaMinute)
            .Unsigned(294, 8, (ulong)Math.Round(Math.Clamp(data.DraughtMetres ?? 0, 0, 25.5) * 10))
            .Text(302, 20, data.Destination)
            .Flag(422, data.DteNotReady)
            .Armour();
    }

    /// <summary>A type 24 class B static data report, part A (160 bits) or B (168 bits).</summary>
    public static (string Payload, int FillBits) Encode(StaticDataReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var w = new AisBitWriter(report.PartNumber == 0 ? 160 : 168);
        Header(w, 24, report.Repeat, report.Mmsi);
        w.Unsigned(38, 2, report.PartNumber);
        if (report.PartNumber == 0)
        {
            return w.Text(40, 20, report.ShipName).Armour();
        }

        w.Unsigned(40, 8, report.ShipType)
            .Text(48, 3, report.VendorId)
            .Unsigned(66, 4, report.Model)
            .Unsigned(70, 20, report.Serial)
            .Text(90, 7, report.CallSign);
        if (report.IsAuxiliaryCraft)
        {
            w.Unsigned(132, 30, report.MothershipMmsi?.Value ?? 0);
        }
        else
        {
            Dimensions(w, 132, report.Dimensions);
        }

        return w.Armour();
    }

    private static void Header(AisBitWriter w, byte type, byte repeat, Mmsi mmsi) =>
        w.Unsigned(0, 6, type).Unsigned(6, 2, repeat).Unsigned(8, 30, mmsi.Value);

    private static void Dimensions(AisBitWriter w, int start, ShipDimensions d) =>
        w.Unsigned(start, 9, (ulong)Math.Clamp(d.ToBowMetres, 0, 511))
            .Unsigned(start + 9, 9, (ulong)Math.Clamp(d.ToSternMetres, 0, 511))
            .Unsigned(start + 18, 6, (ulong)Math.Clamp(d.ToPortMetres, 0, 63))
            .Unsigned(start + 24, 6, (ulong)Math.Clamp(d.ToStarboardMetres, 0, 63));

    private static ulong Speed(double? knots) => knots is { } k ? (ulong)Math.Clamp(Math.Round(k * 10), 0, 1022) : 1023;

    private static ulong Course(double? degrees) => degrees is { } d ? (ulong)Math.Clamp(Math.Round(d * 10), 0, 3599) : 3600;

    private static long Longitude(double? degrees) => degrees is { } d ? (long)Math.Round(d * 600_000) : 181 * 600_000;

    private static long Latitude(double? degrees) => degrees is { } d ? (long)Math.Round(d * 600_000) : 91 * 600_000;
}
