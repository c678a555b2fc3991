namespace AisMonitor.Core.Ais.Encoding;

/// <summary>Writes AIS fields most significant bit first and armours them as 6-bit ASCII (ITU-R M.1371-5 Annex 8; IEC 61162-1).</summary>
internal sealed class AisBitWriter
{
    private readonly byte[] _bits;

    public AisBitWriter(int bitLength) => _bits = new byte[bitLength];

    public int Length => _bits.Length;

    public AisBitWriter Unsigned(int start, int length, ulong value)
    {
        for (var i = 0; i < length; i++)
        {
            _bits[start + i] = (byte)((value >> (length - 1 - i)) & 1);
        }

        return this;
    }

    public AisBitWriter Signed(int start, int length, long value) => Unsigned(start, length, (ulong)value & ((1UL << length) - 1));

    public AisBitWriter Flag(int start, bool value) => Unsigned(start, 1, value ? 1UL : 0);

    /// <summary>6-bit text, upper-cased, padded with '@'; characters outside the 6-bit set become '?'.</summary>
    public AisBitWriter Text(int start, int characters, string? text)
    {
        for (var i = 0; i < characters; i++)
        {
            var c = text is not null && i < text.Length ? char.ToUpperInvariant(text[i]) : '@';
            var value = c switch
            {
                >= '@' and <= '_' => c - 64,
                >= ' ' and <= '?' => c,
                _ => '?',
            };
            Unsigned(start + (i * 6), 6, (ulong)value);
        }

        return this;
    }

    /// <summary>The armoured payload and its fill bits.</summary>
    public (string Payload, int FillBits) Armour()
    {
        var characters = (_bits.Length + 5) / 6;
        var fill = (characters * 6) - _bits.Length;
        var payload = new char[characters];
        for (var c = 0; c < characters; c++)
        {
            var value = 0;
            for (var b = 0; b < 6; b++)
            {
                var index = (c * 6) + b;
                value = (value << 1) | (index < _bits.Length ? _bits[index] : 0);
            }

            payload[c] = (char)(value < 40 ? value + 48 : value + 56);
        }

        return (new string(payload), fill);
    }
}
