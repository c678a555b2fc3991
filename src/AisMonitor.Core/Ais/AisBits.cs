using System.Runtime.CompilerServices;

namespace AisMonitor.Core.Ais;

/// <summary>
/// The bit string of one AIS message, unpacked from its 6-bit ASCII armouring
/// (ITU-R M.1371-5 Annex 8 §3.3.7, IEC 61162-1 "!VDM"). Fields are read most significant bit
/// first at absolute bit offsets, as the ITU tables give them. Bits past the end of the payload
/// read as zero, so a caller decides per message type which length it demands.
/// </summary>
public readonly ref struct AisBits
{
    private const int InvalidMarker = 0x80;

    // Armoured character → 6-bit value, or InvalidMarker for bytes outside '0'–'W' and '`'–'w'.
    private static readonly byte[] SixBitValues = CreateSixBitValues();

    private readonly ReadOnlySpan<ulong> _words;

    /// <summary>Wraps already unpacked words (64 bits each, most significant first).</summary>
    public AisBits(ReadOnlySpan<ulong> words, int bitLength)
    {
        _words = words;
        BitLength = bitLength;
    }

    /// <summary>
    /// Number of meaningful bits (payload characters × 6 − fill bits). Fields that start past it
    /// read as zero; a field that overlaps the fill bits reads them as transmitted (as gpsd does),
    /// because a wrong fill count is a common transmitter fault and the bits are usually right.
    /// </summary>
    public int BitLength { get; }

    /// <summary>Reads an unsigned field of up to 64 bits.</summary>
    public ulong U(int start, int length)
    {
        if (start >= BitLength || length == 0)
        {
            return 0;
        }

        var word = start >> 6;
        var offset = start & 63;
        var value = _words[word] << offset;
        if (offset + length > 64 && word + 1 < _words.Length)
        {
            value |= _words[word + 1] >> (64 - offset);
        }

        return value >> (64 - length);
    }

    /// <summary>Reads an unsigned field as <see cref="int"/> (fields of up to 31 bits).</summary>
    public int I(int start, int length) => (int)U(start, length);

    /// <summary>Reads a two's-complement signed field.</summary>
    public long S(int start, int length)
    {
        var raw = U(start, length);
        var shift = 64 - length;
        return (long)(raw << shift) >> shift;
    }

    /// <summary>Reads a one-bit flag.</summary>
    public bool Flag(int start) => U(start, 1) != 0;

    /// <summary>Reads a one-bit flag, or null when the payload ends before it.</summary>
    public bool? FlagOrNull(int start) => start < BitLength ? U(start, 1) != 0 : null;

    /// <summary>
    /// Reads up to <paramref name="characters"/> 6-bit ASCII characters (values 0–31 map to '@'–'_',
    /// 32–63 to ' '–'?'), stopping at the first '@' (padding, ITU-R M.1371-5 Table 47), and trims
    /// spaces at both ends, as gpsd and pyais do. Returns null when nothing remains.
    /// </summary>
    public string? Text(int start, int characters) => Text(start, characters, trim: true);

    /// <summary>As <see cref="Text(int, int)"/>, optionally keeping surrounding spaces (to join a name and its extension).</summary>
    public string? Text(int start, int characters, bool trim)
    {
        var available = Math.Max(0, Math.Min(characters, (BitLength - start) / 6));
        Span<char> buffer = stackalloc char[available];
        var length = 0;
        while (length < available)
        {
            var v = (int)U(start + (length * 6), 6);
            if (v == 0)
            {
                break;
            }

            buffer[length++] = (char)(v < 32 ? v + 64 : v);
        }

        var trimmed = trim ? buffer[..length].Trim(' ') : buffer[..length];
        return trimmed.IsEmpty ? null : new string(trimmed);
    }

    /// <summary>True when the <paramref name="characters"/> 6-bit characters at <paramref name="start"/> contain no '@' padding.</summary>
    public bool TextFillsField(int start, int characters)
    {
        for (var i = 0; i < characters; i++)
        {
            if (U(start + (i * 6), 6) == 0)
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Append(Span<ulong> words, ref ulong current, ref int used, ref int w, ulong bits, int count)
    {
        var free = 64 - used;
        if (count < free)
        {
            current |= bits << (free - count);
            used += count;
            return;
        }

        // Fill the word, start the next with what is left.
        var rest = count - free;
        current |= bits >> rest;
        words[w++] = current;
        current = rest == 0 ? 0 : bits << (64 - rest);
        used = rest;
    }

    private static byte[] CreateSixBitValues()
    {
        var table = new byte[256];
        for (var c = 0; c < 256; c++)
        {
            table[c] = c switch
            {
                >= '0' and <= 'W' => (byte)(c - 48),
                >= '`' and <= 'w' => (byte)(c - 56),
                _ => InvalidMarker,
            };
        }

        return table;
    }

    /// <summary>
    /// Unpacks armoured payload characters into <paramref name="words"/>. Returns false on a
    /// character outside the two armouring ranges ('0'–'W', '`'–'w') or when the words cannot hold
    /// the payload. The word after the last one written is cleared so reads past the end see zeros.
    /// </summary>
    public static bool TryUnpack(ReadOnlySpan<byte> armoured, Span<ulong> words, out int bitCount)
    {
        bitCount = armoured.Length * 6;
        var wordCount = (bitCount + 63) >> 6;
        if (wordCount + 2 > words.Length)
        {
            return false;
        }

        ulong current = 0;
        var used = 0;
        var w = 0;
        var invalid = 0;
        var table = SixBitValues;
        var i = 0;

        // Four characters (24 bits) at a time, then the rest one by one.
        for (; i + 4 <= armoured.Length; i += 4)
        {
            int a = table[armoured[i]], b = table[armoured[i + 1]], c = table[armoured[i + 2]], d = table[armoured[i + 3]];
            invalid |= a | b | c | d;
            Append(words, ref current, ref used, ref w, (ulong)((a << 18) | (b << 12) | (c << 6) | d) & 0xFFFFFF, 24);
        }

        for (; i < armoured.Length; i++)
        {
            int v = table[armoured[i]];
            invalid |= v;
            Append(words, ref current, ref used, ref w, (ulong)(v & 63), 6);
        }

        if ((invalid & InvalidMarker) != 0)
        {
            return false;
        }

        words[w] = current;
        words[w + 1] = 0;
        return true;
    }
}
