using System.Globalization;
using System.Text;
using AisMonitor.Core.Ais;

namespace AisMonitor.Worker.Output;

/// <summary>
/// Writes the position of every message that has one as a CSV row (header first), formatted straight
/// into UTF-8 bytes (numbers as the invariant culture writes them, instants as ISO-8601 UTC): no string
/// per row.
/// </summary>
internal sealed class CsvPositionWriter
{
    private readonly Stream _output;
    private readonly byte[] _row = new byte[4096];
    private int _at;

    public CsvPositionWriter(Stream output)
    {
        _output = output;
        _output.Write("line,received,source,msg_type,mmsi,lat,lon,sog,cog,heading,nav_status\n"u8);
    }

    public void Write(in DecodedMessage message)
    {
        if (!message.TryGetPosition(out var p))
        {
            return;
        }

        var m = message.Metadata;
        _at = 0;
        Number(m.LineNumber);
        Comma();
        if (m.Received is { } received)
        {
            _at += Utf8Instant.Format(received, _row.AsSpan(_at));
        }

        Comma();
        Text(m.Source);
        Comma();
        Number(p.MessageType);
        Comma();
        Number(p.Mmsi.Value);
        Comma();
        Number(p.LatitudeDegrees);
        Comma();
        Number(p.LongitudeDegrees);
        Comma();
        Number(p.SpeedOverGroundKnots);
        Comma();
        Number(p.CourseOverGroundDegrees);
        Comma();
        Number(p.TrueHeadingDegrees);
        Comma();
        Number(p.NavigationStatus);
        _row[_at++] = (byte)'\n';
        _output.Write(_row, 0, _at);
    }

    private void Comma() => _row[_at++] = (byte)',';

    private void Number<T>(T? value)
        where T : struct, IUtf8SpanFormattable
    {
        if (value is { } v)
        {
            Number(v);
        }
    }

    private void Number(double? value)
    {
        if (value is { } v)
        {
            _at += Utf8Number.Format(v, _row.AsSpan(_at));
        }
    }

    private void Number<T>(T value)
        where T : IUtf8SpanFormattable
    {
        value.TryFormat(_row.AsSpan(_at), out var written, default, CultureInfo.InvariantCulture);
        _at += written;
    }

    // RFC 4180: quoted when it holds a comma, a quote or a line break; a source name is short (tag blocks cap it).
    private void Text(string? text)
    {
        if (text is null)
        {
            return;
        }

        var quoted = text.AsSpan().IndexOfAny(",\"\n") >= 0;
        var value = quoted ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
        if (Encoding.UTF8.GetMaxByteCount(value.Length) > _row.Length - _at - 512)
        {
            _output.Write(_row, 0, _at); // a very long name: what is built so far goes out first
            _output.Write(Encoding.UTF8.GetBytes(value));
            _at = 0;
            return;
        }

        _at += Encoding.UTF8.GetBytes(value, _row.AsSpan(_at));
    }
}
