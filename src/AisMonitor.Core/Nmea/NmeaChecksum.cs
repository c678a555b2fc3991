using System.Runtime.InteropServices;

namespace AisMonitor.Core.Nmea;

/// <summary>The NMEA 0183 checksum: XOR of every byte between the start delimiter and '*' (IEC 61162-1 §7.2.3).</summary>
public static class NmeaChecksum
{
    /// <summary>XOR of all bytes of <paramref name="content"/>.</summary>
    public static byte Compute(ReadOnlySpan<byte> content)
    {
        ulong wide = 0;
        var words = MemoryMarshal.Cast<byte, ulong>(content);
        foreach (var word in words)
        {
            wide ^= word;
        }

        wide ^= wide >> 32;
        wide ^= wide >> 16;
        wide ^= wide >> 8;
        var result = (byte)wide;
        for (var i = words.Length * 8; i < content.Length; i++)
        {
            result ^= content[i];
        }

        return result;
    }

    /// <summary>Parses two hexadecimal digits (either case); false if they are not.</summary>
    public static bool TryParseHex(ReadOnlySpan<byte> twoDigits, out byte value)
    {
        value = 0;
        if (twoDigits.Length < 2)
        {
            return false;
        }

        var high = HexValue(twoDigits[0]);
        var low = HexValue(twoDigits[1]);
        if ((high | low) < 0)
        {
            return false;
        }

        value = (byte)((high << 4) | low);
        return true;
    }

    /// <summary>Formats a checksum as two upper-case hexadecimal digits.</summary>
    public static string Format(byte checksum) => checksum.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
