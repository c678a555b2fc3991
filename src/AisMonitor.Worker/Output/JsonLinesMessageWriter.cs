using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AisMonitor.Core.Ais;
using NodaTime;

namespace AisMonitor.Worker.Output;

/// <summary>
/// Writes decoded messages as JSON Lines: <c>line</c>, <c>received</c> (ISO-8601 UTC, when known),
/// <c>source</c> (when known), <c>own_ship</c> (VDO only), then the message's normalised fields.
/// Written straight into UTF-8 bytes, the same bytes <see cref="Utf8JsonWriter"/> writes (relaxed
/// escaping): property names encoded once (the field names are constants), numbers and instants
/// formatted in place, plain ASCII text copied; only text that needs escaping goes through a JSON writer.
/// </summary>
internal sealed class JsonLinesMessageWriter : IAisFieldWriter, IDisposable
{
    private const int ChunkBytes = 1 << 16;
    private static readonly JsonWriterOptions EscapingOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private readonly Stream _output;
    private readonly Dictionary<string, byte[]> _names = new(ReferenceEqualityComparer.Instance);
    private readonly ArrayBufferWriter<byte> _escaped = new(256);
    private byte[] _buffer = new byte[ChunkBytes * 2];
    private int _at;
    private bool _first;

    public JsonLinesMessageWriter(Stream output) => _output = output;

    public void Write(in DecodedMessage message)
    {
        var metadata = message.Metadata;
        Ensure(256);
        _buffer[_at++] = (byte)'{';
        _first = true;
        WriteInteger("line", metadata.LineNumber);
        if (metadata.Received is { } received)
        {
            WriteInstant("received", received);
        }

        if (metadata.Source is { } source)
        {
            WriteText("source", source);
        }

        if (metadata.OwnShip)
        {
            WriteBoolean("own_ship", true);
        }

        if (!metadata.ChecksumValid)
        {
            WriteBoolean("checksum_valid", false);
        }

        message.WriteFields(this);
        Ensure(2);
        _buffer[_at++] = (byte)'}';
        _buffer[_at++] = (byte)'\n';
        if (_at >= ChunkBytes)
        {
            Drain();
        }
    }

    /// <summary>Writes out what is buffered (also done by <see cref="Dispose"/>).</summary>
    public void Drain()
    {
        _output.Write(_buffer, 0, _at);
        _at = 0;
    }

    public void WriteInteger(string name, long? value)
    {
        Name(name, 24);
        if (value is { } v)
        {
            v.TryFormat(_buffer.AsSpan(_at), out var written, default, CultureInfo.InvariantCulture);
            _at += written;
        }
        else
        {
            Null();
        }
    }

    public void WriteNumber(string name, double? value)
    {
        Name(name, Utf8Number.MaximumLength);
        if (value is { } v && double.IsFinite(v))
        {
            _at += Utf8Number.Format(v, _buffer.AsSpan(_at)); // shortest round-trip, as Utf8JsonWriter writes it
        }
        else
        {
            Null(); // JSON has no NaN or infinity
        }
    }

    public void WriteBoolean(string name, bool? value)
    {
        Name(name, 8);
        var text = value switch { true => "true"u8, false => "false"u8, null => "null"u8 };
        text.CopyTo(_buffer.AsSpan(_at));
        _at += text.Length;
    }

    public void WriteText(string name, string? value)
    {
        if (value is null)
        {
            Name(name, 8);
            Null();
            return;
        }

        Name(name, value.Length + 2);
        if (PlainAscii(value))
        {
            _buffer[_at++] = (byte)'"';
            _at += Encoding.ASCII.GetBytes(value, _buffer.AsSpan(_at));
            _buffer[_at++] = (byte)'"';
            return;
        }

        // Quotes, backslashes, control or non-ASCII characters: escaped exactly as the JSON writer escapes them.
        _escaped.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_escaped, EscapingOptions))
        {
            json.WriteStringValue(value);
        }

        Ensure(_escaped.WrittenCount);
        _escaped.WrittenSpan.CopyTo(_buffer.AsSpan(_at));
        _at += _escaped.WrittenCount;
    }

    public void WriteInstant(string name, Instant? value)
    {
        Name(name, Utf8Instant.MaximumLength + 2);
        if (value is { } instant)
        {
            _buffer[_at++] = (byte)'"';
            _at += Utf8Instant.Format(instant, _buffer.AsSpan(_at));
            _buffer[_at++] = (byte)'"';
        }
        else
        {
            Null();
        }
    }

    public void Dispose() => Drain();

    /// <summary>A comma unless first, the property's name and a colon, with room for <paramref name="valueBytes"/> more.</summary>
    private void Name(string name, int valueBytes)
    {
        if (!_names.TryGetValue(name, out var encoded))
        {
            // The field names are constants: each is encoded once, found again by reference; a name made at
            // run time is encoded each time rather than kept, so that the cache cannot grow without bound.
            var writer = new ArrayBufferWriter<byte>(64);
            using (var json = new Utf8JsonWriter(writer, EscapingOptions))
            {
                json.WriteStringValue(name);
            }

            encoded = [.. writer.WrittenSpan, (byte)':'];
            if (_names.Count < 1024 && string.IsInterned(name) is not null)
            {
                _names[name] = encoded;
            }
        }

        Ensure(encoded.Length + valueBytes + 1);
        if (!_first)
        {
            _buffer[_at++] = (byte)',';
        }

        _first = false;
        encoded.CopyTo(_buffer.AsSpan(_at));
        _at += encoded.Length;
    }

    private void Null()
    {
        "null"u8.CopyTo(_buffer.AsSpan(_at));
        _at += 4;
    }

    /// <summary>Room for <paramref name="bytes"/> more: what is buffered goes out first, and the buffer grows for a value larger than it.</summary>
    private void Ensure(int bytes)
    {
        if (_buffer.Length - _at >= bytes)
        {
            return;
        }

        Drain();
        if (_buffer.Length < bytes)
        {
            Array.Resize(ref _buffer, bytes);
        }
    }

    private static bool PlainAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                return false;
            }
        }

        return true;
    }
}
