using System.Globalization;
using AisMonitor.Core.Ais;
using NodaTime.Text;

namespace AisMonitor.Worker.Output;

/// <summary>Writes the position of every message that has one as a CSV row (header first).</summary>
internal sealed class CsvPositionWriter
{
    private readonly TextWriter _output;

    public CsvPositionWriter(TextWriter output)
    {
        _output = output;
        _output.Write("line,received,source,msg_type,mmsi,lat,lon,sog,cog,heading,nav_status\n");
    }

    public void Write(in DecodedMessage message)
    {
        if (!message.TryGetPosition(out var p))
        {
            return;
        }

        var m = message.Metadata;
        _output.Write(string.Create(CultureInfo.InvariantCulture,
            $"{m.LineNumber},{(m.Received is { } r ? InstantPattern.ExtendedIso.Format(r) : null)},{Quote(m.Source)},{p.MessageType},{p.Mmsi.Value},{p.LatitudeDegrees},{p.LongitudeDegrees},{p.SpeedOverGroundKnots},{p.CourseOverGroundDegrees},{p.TrueHeadingDegrees},{p.NavigationStatus}\n"));
    }

    private static string? Quote(string? text) =>
        text is null || text.AsSpan().IndexOfAny(",\"\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
