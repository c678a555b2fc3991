using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
/// The per-field costs are what remains, so each is kept to a few instructions: a name is found by
/// its reference in a direct-mapped table and copied as one 32-byte block, an instant shared by
/// consecutive messages (a tag block's second) is formatted once, small integers are written digit by digit.
/// </summary>
internal sealed class JsonLinesMessageWriter : IAisFieldWriter, IDisposable
{
    private const int ChunkBytes = 1 << 16;
    private static readonly JsonWriterOptions EscapingOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private readonly Stream _output;
    private const int NameSlots = 1024;
    private const int BlockBytes = 32;
    private readonly Dictionary<string, (byte[] Padded, int Length)> _names = new(ReferenceEqualityComparer.Instance);
    private readonly (string? Name, byte[] Padded, int Length)[] _slots = new (string?, byte[], int)[NameSlots];
    private readonly byte[] _instant = new byte[BlockBytes];
    private Instant? _instantWritten;
    private int _instantLength;
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
            if ((ulong)v < 100)
            {
                if (v >= 10)
                {
                    _buffer[_at++] = (byte)('0' + (v / 10));
                }

                _buffer[_at++] = (byte)('0' + (v % 10));
                return;
            }

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
        Name(name, BlockBytes + 2);
        if (value is { } instant)
        {
            if (instant != _instantWritten)
            {
                _instantLength = Utf8Instant.Format(instant, _instant);
                _instantWritten = instant;
            }

            _buffer[_at++] = (byte)'"';
            Block(_instant);
            _at += _instantLength;
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
        ref var slot = ref _slots[RuntimeHelpers.GetHashCode(name) & (NameSlots - 1)];
        if (!ReferenceEquals(slot.Name, name) && !TryKeep(name, ref slot, out var encoded))
        {
            Ensure(encoded.Length + valueBytes + 1); // a long name, or one made at run time: copied, not kept
            Comma();
            encoded.CopyTo(_buffer.AsSpan(_at));
            _at += encoded.Length;
            return;
        }

        Ensure(BlockBytes + valueBytes + 1);
        Comma();
        Block(slot.Padded);
        _at += slot.Length;
    }

    /// <summary>
    /// Puts <paramref name="name"/>, encoded, in its slot (taking it from another name that shares it). The field names are
    /// constants: each is encoded once and kept; a name made at run time, or too long for a block, is encoded each time,
    /// so that what is kept cannot grow without bound.
    /// </summary>
    private bool TryKeep(string name, ref (string? Name, byte[] Padded, int Length) slot, out byte[] encoded)
    {
        encoded = [];
        if (!_names.TryGetValue(name, out var kept))
        {
            var writer = new ArrayBufferWriter<byte>(64);
            using (var json = new Utf8JsonWriter(writer, EscapingOptions))
            {
                json.WriteStringValue(name);
            }

            encoded = [.. writer.WrittenSpan, (byte)':'];
            if (encoded.Length > BlockBytes || _names.Count >= 1024 || string.IsInterned(name) is null)
            {
                return false;
            }

            var padded = new byte[BlockBytes];
            encoded.CopyTo(padded, 0);
            kept = (padded, encoded.Length);
            _names[name] = kept;
        }

        slot = (name, kept.Padded, kept.Length);
        return true;
    }

    private void Comma()
    {
        if (!_first)
        {
            _buffer[_at++] = (byte)',';
        }

        _first = false;
    }

    /// <summary>Copies 32 bytes at once (the caller has made room): a name or an instant, padded.</summary>
    private void Block(byte[] padded) =>
        Unsafe.WriteUnaligned(ref _buffer[_at], Unsafe.ReadUnaligned<Bytes32>(ref MemoryMarshal.GetArrayDataReference(padded)));

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

    [InlineArray(BlockBytes)]
    private struct Bytes32
    {
        private byte _first;
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
