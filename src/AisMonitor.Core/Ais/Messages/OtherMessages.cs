namespace AisMonitor.Core.Ais.Messages;

/// <summary>Field layouts of the message types that are not plain position reports (ITU-R M.1371-5 Annex 8).</summary>
internal static class OtherMessages
{
    public static AisMessage Decode(AisBits bits, byte type, byte repeat, Mmsi mmsi) => type switch
    {
        4 or 11 => BaseStation(bits, type, repeat, mmsi),
        5 => StaticAndVoyage(bits, repeat, mmsi),
        6 => new BinaryMessage
        {
            MessageType = type,
            Repeat = repeat,
            Mmsi = mmsi,
            SequenceNumber = (byte)bits.U(38, 2),
            DestinationMmsi = new Mmsi((uint)bits.U(40, 30)),
            Retransmit = bits.Flag(70),
            Dac = bits.I(72, 10),
            Fid = bits.I(82, 6),
            DataBitCount = Math.Max(0, bits.BitLength - 88),
        },
        8 => new BinaryMessage
        {
            MessageType = type,
            Repeat = repeat,
            Mmsi = mmsi,
            Dac = bits.I(40, 10),
            Fid = bits.I(50, 6),
            DataBitCount = Math.Max(0, bits.BitLength - 56),
        },
        9 => SarAircraft(bits, repeat, mmsi),
        12 => new SafetyRelatedMessage
        {
            MessageType = type,
            Repeat = repeat,
            Mmsi = mmsi,
            SequenceNumber = (byte)bits.U(38, 2),
            DestinationMmsi = new Mmsi((uint)bits.U(40, 30)),
            Retransmit = bits.Flag(70),
            Text = bits.Text(72, (bits.BitLength - 72) / 6),
        },
        14 => new SafetyRelatedMessage { MessageType = type, Repeat = repeat, Mmsi = mmsi, Text = bits.Text(40, (bits.BitLength - 40) / 6) },
        19 => ExtendedClassB(bits, repeat, mmsi),
        21 => AidToNavigation(bits, repeat, mmsi),
        24 => StaticData(bits, repeat, mmsi),
        25 or 26 => BinarySlotMessage(bits, type, repeat, mmsi),
        10 => new OtherAisMessage { MessageType = type, Repeat = repeat, Mmsi = mmsi, DestinationMmsi = new Mmsi((uint)bits.U(40, 30)) },
        17 => new OtherAisMessage
        {
            MessageType = type,
            Repeat = repeat,
            Mmsi = mmsi,
            LongitudeDegrees = AisUnits.LongitudeTenthMinutes(bits.S(40, 18)),
            LatitudeDegrees = AisUnits.LatitudeTenthMinutes(bits.S(58, 17)),
        },
        23 => new OtherAisMessage { MessageType = type, Repeat = repeat, Mmsi = mmsi, ShipType = (byte)bits.U(114, 8) },
        _ => new OtherAisMessage { MessageType = type, Repeat = repeat, Mmsi = mmsi },
    };

    private static BaseStationReport BaseStation(AisBits bits, byte type, byte repeat, Mmsi mmsi) => new()
    {
        MessageType = type,
        Repeat = repeat,
        Mmsi = mmsi,
        Year = bits.I(38, 14),
        Month = bits.I(52, 4),
        Day = bits.I(56, 5),
        Hour = bits.I(61, 5),
        Minute = bits.I(66, 6),
        Second = bits.I(72, 6),
        PositionAccuracyHigh = bits.Flag(78),
        LongitudeDegrees = AisUnits.LongitudeTenThousandthMinutes(bits.S(79, 28)),
        LatitudeDegrees = AisUnits.LatitudeTenThousandthMinutes(bits.S(107, 27)),
        Epfd = (byte)bits.U(134, 4),
        Raim = bits.Flag(148),
        RadioStatus = (uint)bits.U(149, 19),
    };

    private static StaticAndVoyageData StaticAndVoyage(AisBits bits, byte repeat, Mmsi mmsi)
    {
        var draughtDecimetres = bits.I(294, 8);
        return new StaticAndVoyageData
        {
            MessageType = 5,
            Repeat = repeat,
            Mmsi = mmsi,
            AisVersion = (byte)bits.U(38, 2),
            ImoRaw = (uint)bits.U(40, 30),
            CallSign = bits.Text(70, 7),
            ShipName = bits.Text(112, 20),
            ShipType = (byte)bits.U(232, 8),
            Dimensions = DimensionsAt(bits, 240),
            Epfd = (byte)bits.U(270, 4),
            EtaMonth = (byte)bits.U(274, 4),
            EtaDay = (byte)bits.U(278, 5),
            EtaHour = (byte)bits.U(283, 5),
            EtaMinute = (byte)bits.U(288, 6),
            DraughtMetres = draughtDecimetres == 0 ? null : draughtDecimetres / 10.0,
            Destination = bits.Text(302, 20),
            DteNotReady = bits.Flag(422),
        };
    }

    private static SarAircraftPosition SarAircraft(AisBits bits, byte repeat, Mmsi mmsi)
    {
        var altitude = bits.I(38, 12);
        var sog = bits.I(50, 10);
        return new SarAircraftPosition
        {
            MessageType = 9,
            Repeat = repeat,
            Mmsi = mmsi,
            AltitudeMetres = altitude == 4095 ? null : altitude,
            SpeedOverGroundKnots = sog == 1023 ? null : sog,
            PositionAccuracyHigh = bits.Flag(60),
            LongitudeDegrees = AisUnits.LongitudeTenThousandthMinutes(bits.S(61, 28)),
            LatitudeDegrees = AisUnits.LatitudeTenThousandthMinutes(bits.S(89, 27)),
            CourseOverGroundDegrees = AisUnits.CourseTenthsOfDegree(bits.I(116, 12)),
            TimestampSecond = (byte)bits.U(128, 6),
            Regional = (byte)bits.U(134, 8),
            DteNotReady = bits.Flag(142),
            Assigned = bits.Flag(146),
            Raim = bits.Flag(147),
            RadioStatus = (uint)bits.U(148, 20),
        };
    }

    private static ExtendedClassBPositionReport ExtendedClassB(AisBits bits, byte repeat, Mmsi mmsi) => new()
    {
        MessageType = 19,
        Repeat = repeat,
        Mmsi = mmsi,
        Position = AisMessageDecoder.ClassBPositionFields(bits, 19, repeat, mmsi) with { Raim = bits.Flag(305) },
        Regional = (byte)bits.U(139, 4),
        ShipName = bits.Text(143, 20),
        ShipType = (byte)bits.U(263, 8),
        Dimensions = DimensionsAt(bits, 271),
        Epfd = (byte)bits.U(301, 4),
        DteNotReady = bits.Flag(306),
        Assigned = bits.Flag(307),
    };

    private static AidToNavigationReport AidToNavigation(AisBits bits, byte repeat, Mmsi mmsi)
    {
        var name = bits.Text(43, 20);
        var extensionCharacters = (bits.BitLength - 272) / 6;
        if (extensionCharacters > 0 && bits.TextFillsField(43, 20) && bits.Text(272, extensionCharacters, trim: false) is { } extension)
        {
            // The extension continues the name only when the name fills all 20 characters
            // (a trailing space included); after a padded name the extension bits are padding too.
            // Its own leading space is part of the name ("… LB" + " 6" is "… LB 6"): only the whole is trimmed.
            name = (bits.Text(43, 20, trim: false) + extension).Trim(' ');
            name = name.Length == 0 ? null : name;
        }

        return new AidToNavigationReport
        {
            MessageType = 21,
            Repeat = repeat,
            Mmsi = mmsi,
            AidType = (byte)bits.U(38, 5),
            Name = name,
            PositionAccuracyHigh = bits.Flag(163),
            LongitudeDegrees = AisUnits.LongitudeTenThousandthMinutes(bits.S(164, 28)),
            LatitudeDegrees = AisUnits.LatitudeTenThousandthMinutes(bits.S(192, 27)),
            Dimensions = DimensionsAt(bits, 219),
            Epfd = (byte)bits.U(249, 4),
            TimestampSecond = (byte)bits.U(253, 6),
            OffPosition = bits.FlagOrNull(259),
            Regional = bits.BitLength >= 268 ? (byte)bits.U(260, 8) : null,
            Raim = bits.FlagOrNull(268),
            VirtualAid = bits.FlagOrNull(269),
            Assigned = bits.FlagOrNull(270),
        };
    }

    private static StaticDataReport StaticData(AisBits bits, byte repeat, Mmsi mmsi)
    {
        var part = (byte)bits.U(38, 2);
        if (part == 0)
        {
            return new StaticDataReport { MessageType = 24, Repeat = repeat, Mmsi = mmsi, PartNumber = 0, ShipName = bits.Text(40, 20) };
        }

        var auxiliary = mmsi.Value is >= 980_000_000 and <= 989_999_999;
        return new StaticDataReport
        {
            MessageType = 24,
            Repeat = repeat,
            Mmsi = mmsi,
            PartNumber = part,
            ShipType = (byte)bits.U(40, 8),
            VendorId = bits.Text(48, 3),
            Model = (byte)bits.U(66, 4),
            Serial = (uint)bits.U(70, 20),
            CallSign = bits.Text(90, 7),
            Dimensions = auxiliary ? default : DimensionsAt(bits, 132),
            MothershipMmsi = auxiliary ? new Mmsi((uint)bits.U(132, 30)) : null,
        };
    }

    private static BinaryMessage BinarySlotMessage(AisBits bits, byte type, byte repeat, Mmsi mmsi)
    {
        var addressed = bits.Flag(38);
        var structured = bits.Flag(39);
        var next = 40;
        Mmsi? destination = null;
        if (addressed)
        {
            destination = new Mmsi((uint)bits.U(next, 30));
            next += 30;
        }

        int? dac = null, fid = null;
        if (structured)
        {
            dac = bits.I(next, 10);
            fid = bits.I(next + 10, 6);
            next += 16;
        }

        return new BinaryMessage
        {
            MessageType = type,
            Repeat = repeat,
            Mmsi = mmsi,
            DestinationMmsi = destination,
            Dac = dac,
            Fid = fid,
            DataBitCount = Math.Max(0, bits.BitLength - next),
        };
    }

    private static ShipDimensions DimensionsAt(AisBits bits, int start) =>
        new(bits.I(start, 9), bits.I(start + 9, 9), bits.I(start + 18, 6), bits.I(start + 24, 6));
}
