using System.Text;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Encoding;
using AisMonitor.Core.Nmea;
using NodaTime;

namespace AisMonitor.Worker.Tests.Hosting;

/// <summary>Position reports as a live receiver sends them without tag blocks: no time of their own, so the worker stamps them on arrival.</summary>
internal static class UntimedReports
{
    /// <summary>One type 1 report at 10 kn as a sentence with its CR LF.</summary>
    public static string Line(uint mmsi, double latitude, double longitude)
    {
        var (payload, fill) = AisEncoder.Encode(new PositionReport { MessageType = 1, Mmsi = new Mmsi(mmsi), LatitudeDegrees = latitude, LongitudeDegrees = longitude, SpeedOverGroundKnots = 10 });
        var line = new NmeaSentenceWriter().Write(payload, fill, Instant.FromUnixTimeSeconds(0), source: null).Single();
        return string.Concat(line.AsSpan(line.IndexOf('!', StringComparison.Ordinal)), "\r\n");
    }

    /// <summary>Several reports in one string.</summary>
    public static string Lines(IEnumerable<(uint Mmsi, double Latitude, double Longitude)> reports)
    {
        var text = new StringBuilder();
        foreach (var (mmsi, latitude, longitude) in reports)
        {
            text.Append(Line(mmsi, latitude, longitude));
        }

        return text.ToString();
    }
}
