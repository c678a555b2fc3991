using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Encoding;
using AisMonitor.Core.Ais.Messages;
using AisMonitor.Core.Nmea;
using CsCheck;
using NodaTime;

namespace AisMonitor.Core.Tests.Ais.Encoding;

/// <summary>Property tests: whatever the simulator encodes, the decoder reads back, through real NMEA sentences.</summary>
public sealed class EncodeDecodeRoundTripTests
{
    private static readonly Instant Time = Instant.FromUtc(2024, 2, 5, 6, 0);

    private static readonly Gen<string?> Text6 = Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -./"].Array[0, 20]
        .Select(chars => new string(chars).Trim() is { Length: > 0 } text ? text : null);

    private static readonly Gen<PositionReport> Positions =
        from type in Gen.Int[0, 3].Select(i => new byte[] { 1, 2, 3, 18 }[i])
        from mmsi in Gen.UInt[1, Mmsi.MaxValue]
        from latitude in Gen.Int[-54_000_000, 54_000_000].Select(v => (double)(v / 600_000.0)).OrNull()
        from longitude in Gen.Int[-108_000_000, 108_000_000].Select(v => (double)(v / 600_000.0)).OrNull()
        from sog in Gen.Int[0, 1022].Select(v => (double)(v / 10.0)).OrNull()
        from cog in Gen.Int[0, 3599].Select(v => (double)(v / 10.0)).OrNull()
        from heading in Gen.Short[0, 359].Select(v => (short)v).OrNull()
        from status in Gen.Byte[0, 15]
        from rot in Gen.SByte[-127, 127].Select(v => (sbyte)v).OrNull()
        from second in Gen.Byte[0, 63]
        from radio in Gen.UInt[0, (1u << 19) - 1]
        from accuracy in Gen.Bool
        from raim in Gen.Bool
        from flags in Gen.Byte[0, 63]
        select new PositionReport
        {
            MessageType = type,
            Mmsi = new Mmsi(mmsi),
            LatitudeDegrees = latitude,
            LongitudeDegrees = longitude,
            SpeedOverGroundKnots = sog,
            CourseOverGroundDegrees = cog,
            TrueHeadingDegrees = heading,
            NavigationStatus = type == 18 ? null : status,
            RateOfTurnRaw = type == 18 ? null : rot,
            TimestampSecond = second,
            RadioStatus = radio,
            PositionAccuracyHigh = accuracy,
            Raim = raim,
            ClassB = type == 18 ? (ClassBCapabilities)flags : ClassBCapabilities.None,
        };

    [Fact]
    public void Position_reports_round_trip_through_NMEA() =>
        Positions.Sample(report =>
        {
            var (payload, fill) = AisEncoder.Encode(report);
            var decoded = DecodeOne(payload, fill);
            Assert.Null(decoded.Message);
            Assert.Equal(report, decoded.Position);
            Assert.Equal(Time, decoded.Metadata.Received);
        }, iter: 2000);

    [Fact]
    public void Static_and_voyage_data_round_trips_through_two_sentences() =>
        (from mmsi in Gen.UInt[200_000_000, 799_999_999]
         from imo in Gen.UInt[0, (1u << 30) - 1]
         from name in Text6
         from callSign in Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"].Array[0, 7].Select(c => c.Length == 0 ? null : new string(c))
         from destination in Text6
         from type in Gen.Byte
         from bow in Gen.Int[0, 511]
         from stern in Gen.Int[0, 511]
         from port in Gen.Int[0, 63]
         from starboard in Gen.Int[0, 63]
         from draught in Gen.Int[1, 255]
         from month in Gen.Byte[0, 12]
         from day in Gen.Byte[0, 31]
         from hour in Gen.Byte[0, 24]
         from minute in Gen.Byte[0, 60]
         select new StaticAndVoyageData
         {
             MessageType = 5,
             Mmsi = new Mmsi(mmsi),
             ImoRaw = imo,
             ShipName = name,
             CallSign = callSign,
             Destination = destination,
             ShipType = type,
             Dimensions = new ShipDimensions(bow, stern, port, starboard),
             DraughtMetres = draught / 10.0,
             EtaMonth = month,
             EtaDay = day,
             EtaHour = hour,
             EtaMinute = minute,
         }).Sample(data =>
         {
             var (payload, fill) = AisEncoder.Encode(data);
             Assert.Equal(data, DecodeOne(payload, fill).Message);
         }, iter: 500);

    [Fact]
    public void Class_B_static_data_parts_A_and_B_round_trip() =>
        (from mmsi in Gen.UInt[200_000_000, 989_999_999]
         from part in Gen.Byte[0, 1]
         from name in Text6
         from callSign in Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"].Array[1, 7].Select(c => new string(c))
         from vendor in Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ"].Array[3].Select(c => new string(c))
         from type in Gen.Byte[1, 99]
         from bow in Gen.Int[1, 511]
         from mother in Gen.UInt[200_000_000, 799_999_999]
         select new StaticDataReport
         {
             MessageType = 24,
             Mmsi = new Mmsi(mmsi),
             PartNumber = part,
             ShipName = part == 0 ? name : null,
             CallSign = part == 1 ? callSign : null,
             VendorId = part == 1 ? vendor : null,
             ShipType = part == 1 ? type : (byte)0,
             Dimensions = part == 1 && mmsi < 980_000_000 ? new ShipDimensions(bow, 10, 3, 3) : default,
             MothershipMmsi = part == 1 && mmsi >= 980_000_000 ? new Mmsi(mother) : null,
         }).Sample(report =>
         {
             var (payload, fill) = AisEncoder.Encode(report);
             Assert.Equal(report, DecodeOne(payload, fill).Message);
         }, iter: 500);

    private static DecodedMessage DecodeOne(string payload, int fill)
    {
        var decoder = new NmeaAisDecoder();
        DecodedMessage result = default;
        var messages = 0;
        foreach (var sentence in new NmeaSentenceWriter().Write(payload, fill, Time, "sim"))
        {
            if (decoder.Decode(sentence, out var message) == LineOutcome.Message)
            {
                result = message;
                messages++;
            }
        }

        Assert.Equal(1, messages);
        Assert.Equal(0, decoder.Statistics.Rejected);
        return result;
    }
}

internal static class NullableGen
{
    /// <summary>The generator's values, or null one time in ten.</summary>
    public static Gen<T?> OrNull<T>(this Gen<T> gen)
        where T : struct =>
        from isNull in Gen.Int[0, 9]
        from value in gen
        select isNull == 0 ? (T?)null : value;
}
