using AisMonitor.Core.Ais;
using NodaTime;

namespace AisMonitor.Core.Tests.Support;

/// <summary>Builds decoded messages for engine tests.</summary>
public static class Reports
{
    public static readonly Instant Start = Instant.FromUtc(2024, 2, 1, 0, 0);

    public static DecodedMessage Position(uint mmsi, Instant time, double latitude, double longitude, double speedKnots = 12) =>
        new(new MessageMetadata { Received = time, ChecksumValid = true },
            new PositionReport { MessageType = 1, Mmsi = new Mmsi(mmsi), LatitudeDegrees = latitude, LongitudeDegrees = longitude, SpeedOverGroundKnots = speedKnots });

    /// <summary>A type 5 static and voyage report.</summary>
    public static DecodedMessage Voyage(uint mmsi, Instant time, string? name, uint imo = 0, string? callSign = null, byte shipType = 70) =>
        new(new MessageMetadata { Received = time, ChecksumValid = true },
            new AisMonitor.Core.Ais.Messages.StaticAndVoyageData { MessageType = 5, Mmsi = new Mmsi(mmsi), ShipName = name, ImoRaw = imo, CallSign = callSign, ShipType = shipType });

    /// <summary>A vessel steaming east at 12 kn from a start point, one report every <paramref name="every"/>.</summary>
    public static IEnumerable<DecodedMessage> Steaming(uint mmsi, Instant from, Instant to, Duration every, double latitude, double longitude)
    {
        for (var time = from; time < to; time += every)
        {
            var hours = (time - from).TotalHours;
            yield return Position(mmsi, time, latitude, longitude + (hours * 12 / 60 / Math.Cos(latitude * Math.PI / 180)));
        }
    }

    /// <summary>A vessel circling at 12 kn around a point (radius 0.2°, one lap in about 6 h), one report every <paramref name="every"/>.</summary>
    public static IEnumerable<DecodedMessage> Circling(uint mmsi, Instant from, Instant to, Duration every, double latitude, double longitude, double phase = 0)
    {
        const double radius = 0.2;
        var lapHours = 2 * Math.PI * radius * 60 / 12;
        for (var time = from; time < to; time += every)
        {
            var angle = phase + (2 * Math.PI * (time - from).TotalHours / lapHours);
            yield return Position(mmsi, time, latitude + (radius * Math.Sin(angle)), longitude + (radius * Math.Cos(angle) / Math.Cos(latitude * Math.PI / 180)));
        }
    }

    /// <summary>Merges message streams in time order.</summary>
    public static IEnumerable<DecodedMessage> Merge(params IEnumerable<DecodedMessage>[] streams) =>
        streams.SelectMany(s => s).OrderBy(m => m.Metadata.Received).ThenBy(m => m.Mmsi.Value);
}
