using AisMonitor.Core.Ais.Messages;

namespace AisMonitor.Core.Ais;

/// <summary>
/// Decodes the bit string of one AIS message into typed values, following the field tables of
/// ITU-R M.1371-5 Annex 8. Position reports come back as <see cref="PositionReport"/> values
/// without allocating; everything else as an <see cref="AisMessage"/>.
/// Each type demands the length its last decoded field needs (a type 5 of 420 bits, which many
/// transponders send, is accepted; the missing spare bits read as zero).
/// </summary>
public static class AisMessageDecoder
{
    private const int HeaderBits = 38;

    /// <summary>Decodes <paramref name="bits"/>.</summary>
    public static AisDecodeStatus Decode(AisBits bits, out PositionReport position, out AisMessage? message)
    {
        position = default;
        message = null;
        if (bits.BitLength < HeaderBits)
        {
            return bits.BitLength >= 6 && MessageTypeOf(bits) is 0 or > 27 ? AisDecodeStatus.UnknownMessageType : AisDecodeStatus.PayloadTooShort;
        }

        var type = MessageTypeOf(bits);
        if (type is 0 or > 27)
        {
            return AisDecodeStatus.UnknownMessageType;
        }

        if (bits.BitLength < MinimumBits(type, bits))
        {
            return AisDecodeStatus.PayloadTooShort;
        }

        var repeat = (byte)bits.U(6, 2);
        var mmsi = new Mmsi((uint)bits.U(8, 30));
        switch (type)
        {
            case 1 or 2 or 3:
                position = ClassAPosition(bits, type, repeat, mmsi);
                return AisDecodeStatus.Position;
            case 18:
                position = ClassBPosition(bits, repeat, mmsi);
                return AisDecodeStatus.Position;
            case 27:
                position = LongRangePosition(bits, repeat, mmsi);
                return AisDecodeStatus.Position;
            default:
                message = OtherMessages.Decode(bits, type, repeat, mmsi);
                return AisDecodeStatus.Other;
        }
    }

    /// <summary>The 6-bit message type at the start of every message.</summary>
    public static byte MessageTypeOf(AisBits bits) => (byte)bits.U(0, 6);

    private static int MinimumBits(byte type, AisBits bits) => type switch
    {
        1 or 2 or 3 => 149, // through RAIM: real transponders send 163–168 bits; a short radio field reads as zeros
        4 or 9 or 11 or 18 => 168,
        5 => 420,
        6 => 88,
        8 => 56,
        10 or 12 => 70,
        14 => 40,
        17 => 75,
        19 => 312,
        21 => 259, // through the UTC second; the trailing flags of short reports are null
        23 => 122,
        24 => bits.U(38, 2) == 0 ? 160 : 162,
        27 => 96,
        _ => HeaderBits,
    };

    private static PositionReport ClassAPosition(AisBits bits, byte type, byte repeat, Mmsi mmsi)
    {
        var rot = (sbyte)bits.S(42, 8);
        return new PositionReport
        {
            MessageType = type,
            Repeat = repeat,
            Mmsi = mmsi,
            NavigationStatus = (byte)bits.U(38, 4),
            RateOfTurnRaw = rot == -128 ? null : rot,
            SpeedOverGroundKnots = AisUnits.SpeedTenthsOfKnot(bits.I(50, 10)),
            PositionAccuracyHigh = bits.Flag(60),
            LongitudeDegrees = AisUnits.LongitudeTenThousandthMinutes(bits.S(61, 28)),
            LatitudeDegrees = AisUnits.LatitudeTenThousandthMinutes(bits.S(89, 27)),
            CourseOverGroundDegrees = AisUnits.CourseTenthsOfDegree(bits.I(116, 12)),
            TrueHeadingDegrees = AisUnits.Heading(bits.I(128, 9)),
            TimestampSecond = (byte)bits.U(137, 6),
            ManeuverIndicator = (byte)bits.U(143, 2),
            Raim = bits.Flag(148),
            RadioStatus = (uint)bits.U(149, 19),
        };
    }

    private static PositionReport ClassBPosition(AisBits bits, byte repeat, Mmsi mmsi) => ClassBPositionFields(bits, 18, repeat, mmsi) with
    {
        Regional = (byte)bits.U(139, 2),
        ClassB = ClassBCapabilitiesAt(bits, 141),
        Raim = bits.Flag(147),
        RadioStatus = (uint)bits.U(148, 20),
    };

    /// <summary>Bits 46–138, laid out alike in types 18 and 19 (ITU-R M.1371-5 Tables 49 and 50).</summary>
    internal static PositionReport ClassBPositionFields(AisBits bits, byte type, byte repeat, Mmsi mmsi) => new()
    {
        MessageType = type,
        Repeat = repeat,
        Mmsi = mmsi,
        SpeedOverGroundKnots = AisUnits.SpeedTenthsOfKnot(bits.I(46, 10)),
        PositionAccuracyHigh = bits.Flag(56),
        LongitudeDegrees = AisUnits.LongitudeTenThousandthMinutes(bits.S(57, 28)),
        LatitudeDegrees = AisUnits.LatitudeTenThousandthMinutes(bits.S(85, 27)),
        CourseOverGroundDegrees = AisUnits.CourseTenthsOfDegree(bits.I(112, 12)),
        TrueHeadingDegrees = AisUnits.Heading(bits.I(124, 9)),
        TimestampSecond = (byte)bits.U(133, 6),
    };

    private static ClassBCapabilities ClassBCapabilitiesAt(AisBits bits, int start)
    {
        // Table 49 order: CS unit, display, DSC, band, message 22, assigned mode.
        var flags = ClassBCapabilities.None;
        for (var i = 0; i < 6; i++)
        {
            if (bits.Flag(start + i))
            {
                flags |= (ClassBCapabilities)(1 << i);
            }
        }

        return flags;
    }

    private static PositionReport LongRangePosition(AisBits bits, byte repeat, Mmsi mmsi)
    {
        var sog = bits.I(79, 6);
        var cog = bits.I(85, 9);
        return new PositionReport
        {
            MessageType = 27,
            Repeat = repeat,
            Mmsi = mmsi,
            PositionAccuracyHigh = bits.Flag(38),
            Raim = bits.Flag(39),
            NavigationStatus = (byte)bits.U(40, 4),
            LongitudeDegrees = AisUnits.LongitudeTenthMinutes(bits.S(44, 18)),
            LatitudeDegrees = AisUnits.LatitudeTenthMinutes(bits.S(62, 17)),
            SpeedOverGroundKnots = sog == 63 ? null : sog,
            CourseOverGroundDegrees = cog >= 360 ? null : cog,
            PositionLatencyOver5Seconds = bits.Flag(94),
        };
    }
}
