using System.Text.Encodings.Web;
using System.Text.Json;
using AisMonitor.Core.Ais;
using NodaTime;
using NodaTime.Text;

namespace AisMonitor.Worker.Output;

/// <summary>
/// Writes decoded messages as JSON Lines: <c>line</c>, <c>received</c> (ISO-8601 UTC, when known),
/// <c>source</c> (when known), <c>own_ship</c> (VDO only), then the message's normalised fields.
/// </summary>
internal sealed class JsonLinesMessageWriter : IAisFieldWriter, IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;

    public JsonLinesMessageWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    public void Write(in DecodedMessage message)
    {
        var metadata = message.Metadata;
        _json.WriteStartObject();
        _json.WriteNumber("line", metadata.LineNumber);
        if (metadata.Received is { } received)
        {
            _json.WriteString("received", InstantPattern.ExtendedIso.Format(received));
        }

        if (metadata.Source is { } source)
        {
            _json.WriteString("source", source);
        }

        if (metadata.OwnShip)
        {
            _json.WriteBoolean("own_ship", true);
        }

        if (!metadata.ChecksumValid)
        {
            _json.WriteBoolean("checksum_valid", false);
        }

        message.WriteFields(this);
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _output.Write(NewLine);
    }

    public void WriteInteger(string name, long? value)
    {
        if (value is { } v)
        {
            _json.WriteNumber(name, v);
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    public void WriteNumber(string name, double? value)
    {
        if (value is { } v)
        {
            _json.WriteNumber(name, v);
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    public void WriteBoolean(string name, bool? value)
    {
        if (value is { } v)
        {
            _json.WriteBoolean(name, v);
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    public void WriteText(string name, string? value) => _json.WriteString(name, value);

    public void WriteInstant(string name, Instant? value) =>
        _json.WriteString(name, value is { } instant ? InstantPattern.ExtendedIso.Format(instant) : null);

    public void Dispose() => _json.Dispose();
}
