using System.Text.Json;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Messages;
using AisMonitor.Core.Alerts;
using NodaTime;

namespace AisMonitor.Ingestion.Replay;

/// <summary>
/// Decoded messages written to and read back from a sort's spill files: position reports field by
/// field in binary (they are nearly all of a feed), static reports (types 5 and 24) as JSON, and
/// other messages as their type and MMSI, which is all replay uses of them.
/// </summary>
internal static class MessageSpill
{
    private const byte Position = 0, Voyage = 1, ClassBStatic = 2, Other = 3;

    public static void Write(BinaryWriter writer, in DecodedMessage message, long sequence)
    {
        writer.Write(sequence);
        var metadata = message.Metadata;
        writer.Write(metadata.Received is { } received ? received.ToUnixTimeTicks() : long.MinValue);
        writer.Write(metadata.LineNumber);
        writer.Write(metadata.Source is not null);
        if (metadata.Source is { } source)
        {
            writer.Write(source);
        }

        writer.Write((ushort)metadata.Channel);
        writer.Write((byte)((metadata.OwnShip ? 1 : 0) | (metadata.ChecksumValid ? 2 : 0)));
        if (message.TryGetPosition(out var p))
        {
            writer.Write(Position);
            WritePosition(writer, p);
            return;
        }

        switch (message.Message)
        {
            case StaticAndVoyageData voyage:
                writer.Write(Voyage);
                writer.Write(JsonSerializer.Serialize(voyage, AlertJson.Options));
                break;
            case StaticDataReport report:
                writer.Write(ClassBStatic);
                writer.Write(JsonSerializer.Serialize(report, AlertJson.Options));
                break;
            default:
                writer.Write(Other);
                writer.Write((byte)message.MessageType);
                writer.Write(message.Mmsi.Value);
                break;
        }
    }

    public static (DecodedMessage Message, long Sequence) Read(BinaryReader reader)
    {
        var sequence = reader.ReadInt64();
        var ticks = reader.ReadInt64();
        var lineNumber = reader.ReadInt64();
        var source = reader.ReadBoolean() ? reader.ReadString() : null;
        var channel = (char)reader.ReadUInt16();
        var flags = reader.ReadByte();
        var metadata = new MessageMetadata
        {
            Received = ticks == long.MinValue ? null : Instant.FromUnixTimeTicks(ticks),
            LineNumber = lineNumber,
            Source = source,
            Channel = channel,
            OwnShip = (flags & 1) != 0,
            ChecksumValid = (flags & 2) != 0,
        };
        var kind = reader.ReadByte();
        var message = kind switch
        {
            Position => new DecodedMessage(metadata, ReadPosition(reader)),
            Voyage => new DecodedMessage(metadata, JsonSerializer.Deserialize<StaticAndVoyageData>(reader.ReadString(), AlertJson.Options)!),
            ClassBStatic => new DecodedMessage(metadata, JsonSerializer.Deserialize<StaticDataReport>(reader.ReadString(), AlertJson.Options)!),
            _ => new DecodedMessage(metadata, new OtherAisMessage { MessageType = reader.ReadByte(), Mmsi = new Mmsi(reader.ReadUInt32()) }),
        };
        return (message, sequence);
    }

    private static void WritePosition(BinaryWriter writer, in PositionReport p)
    {
        writer.Write(p.MessageType);
        writer.Write(p.Repeat);
        writer.Write(p.Mmsi.Value);
        var present = (p.NavigationStatus.HasValue ? 1 : 0) | (p.RateOfTurnRaw.HasValue ? 2 : 0) | (p.SpeedOverGroundKnots.HasValue ? 4 : 0)
            | (p.LongitudeDegrees.HasValue ? 8 : 0) | (p.LatitudeDegrees.HasValue ? 16 : 0) | (p.CourseOverGroundDegrees.HasValue ? 32 : 0)
            | (p.TrueHeadingDegrees.HasValue ? 64 : 0) | (p.TimestampSecond.HasValue ? 128 : 0);
        writer.Write((byte)present);
        writer.Write(p.NavigationStatus ?? 0);
        writer.Write(p.RateOfTurnRaw ?? 0);
        writer.Write(p.SpeedOverGroundKnots ?? 0);
        writer.Write(p.LongitudeDegrees ?? 0);
        writer.Write(p.LatitudeDegrees ?? 0);
        writer.Write(p.CourseOverGroundDegrees ?? 0);
        writer.Write(p.TrueHeadingDegrees ?? 0);
        writer.Write(p.TimestampSecond ?? 0);
        writer.Write(p.ManeuverIndicator);
        writer.Write(p.RadioStatus);
        writer.Write(p.Regional);
        writer.Write((byte)p.ClassB);
        writer.Write((byte)((p.PositionAccuracyHigh ? 1 : 0) | (p.Raim ? 2 : 0) | (p.PositionLatencyOver5Seconds ? 4 : 0)));
    }

    private static PositionReport ReadPosition(BinaryReader reader)
    {
        var type = reader.ReadByte();
        var repeat = reader.ReadByte();
        var mmsi = new Mmsi(reader.ReadUInt32());
        var present = reader.ReadByte();
        var status = reader.ReadByte();
        var rot = reader.ReadSByte();
        var sog = reader.ReadDouble();
        var lon = reader.ReadDouble();
        var lat = reader.ReadDouble();
        var cog = reader.ReadDouble();
        var heading = reader.ReadInt16();
        var second = reader.ReadByte();
        var maneuver = reader.ReadByte();
        var radio = reader.ReadUInt32();
        var regional = reader.ReadByte();
        var classB = (ClassBCapabilities)reader.ReadByte();
        var flags = reader.ReadByte();
        return new PositionReport
        {
            MessageType = type,
            Repeat = repeat,
            Mmsi = mmsi,
            NavigationStatus = (present & 1) != 0 ? status : null,
            RateOfTurnRaw = (present & 2) != 0 ? rot : null,
            SpeedOverGroundKnots = (present & 4) != 0 ? sog : null,
            LongitudeDegrees = (present & 8) != 0 ? lon : null,
            LatitudeDegrees = (present & 16) != 0 ? lat : null,
            CourseOverGroundDegrees = (present & 32) != 0 ? cog : null,
            TrueHeadingDegrees = (present & 64) != 0 ? heading : null,
            TimestampSecond = (present & 128) != 0 ? second : null,
            ManeuverIndicator = maneuver,
            RadioStatus = radio,
            Regional = regional,
            ClassB = classB,
            PositionAccuracyHigh = (flags & 1) != 0,
            Raim = (flags & 2) != 0,
            PositionLatencyOver5Seconds = (flags & 4) != 0,
        };
    }
}
