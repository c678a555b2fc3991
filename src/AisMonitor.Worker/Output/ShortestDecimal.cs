using System.Numerics;

namespace AisMonitor.Worker.Output;

/// <summary>
/// The shortest decimal that reads back as the same double, written in fixed notation into UTF-8:
/// the text <c>double.ToString()</c> gives, at a fraction of its cost, for the values AIS output is
/// made of (latitudes and longitudes need 15–17 digits). The digits are found as Ryū finds them
/// (Ulf Adams, "Ryū: fast float-to-string conversion", PLDI 2018): the interval of decimals that
/// round to the double is scaled by a 125-bit power of five and its shortest member read off with
/// integer arithmetic. Only doubles from 1e-5 to 1e15 take this way (a fraction to scale, a table of
/// 80 powers); anything else, and any result the runtime would write in exponent notation, is left
/// to the caller (<see cref="TryFormat"/> returns false).
/// </summary>
internal static class ShortestDecimal
{
    private const int PowerBits = 125;
    private const int MantissaBits = 52;
    private const int ExponentBias = 1023;
    private const int LargestPower = 80;

    /// <summary>5^i to 125 significant bits (truncated), as two halves, and the bit length of 5^i.</summary>
    private static readonly (ulong High, ulong Low, int Bits)[] PowersOfFive = PowersOfFiveTable();

    private static readonly ulong[] PowersOfTen = [.. Enumerable.Range(0, 20).Select(i => (ulong)BigInteger.Pow(10, i))];

    private static ReadOnlySpan<byte> TwoDigits => "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>
    /// Writes <paramref name="value"/> as <c>value.ToString(CultureInfo.InvariantCulture)</c> would; false
    /// (nothing written) when it is zero, not finite, below 1e-5 or from 1e15 in magnitude, or needs exponent notation.
    /// </summary>
    public static bool TryFormat(double value, Span<byte> destination, out int written)
    {
        written = 0;
        var magnitude = Math.Abs(value);
        if (!(magnitude >= 1e-5 && magnitude < 1e15))
        {
            return false;
        }

        var bits = BitConverter.DoubleToUInt64Bits(value);
        var fraction = bits & ((1UL << MantissaBits) - 1);
        var biased = (int)((bits >> MantissaBits) & 0x7FF);
        var digits = Digits(fraction, biased, out var exponent);
        while (exponent < 0 && digits % 10 == 0)
        {
            digits /= 10;
            exponent++;
        }

        var count = CountDigits(digits);
        var scientific = count - 1 + exponent; // the runtime's rule: fixed notation from 1e-5 (exclusive) up to 1e15
        if (scientific <= -5 || scientific >= 15)
        {
            return false;
        }

        var at = 0;
        if (value < 0)
        {
            destination[at++] = (byte)'-';
        }

        var point = count + exponent; // digits before the decimal point
        if (point <= 0)
        {
            destination[at++] = (byte)'0';
            destination[at++] = (byte)'.';
            destination.Slice(at, -point).Fill((byte)'0');
            at += -point;
            WriteDigits(digits, destination.Slice(at, count));
            at += count;
        }
        else if (exponent >= 0)
        {
            WriteDigits(digits, destination.Slice(at, count));
            at += count;
            destination.Slice(at, exponent).Fill((byte)'0');
            at += exponent;
        }
        else
        {
            var (whole, below) = Math.DivRem(digits, PowersOfTen[count - point]);
            WriteDigits(whole, destination.Slice(at, point));
            at += point;
            destination[at++] = (byte)'.';
            WriteDigits(below, destination.Slice(at, count - point));
            at += count - point;
        }

        written = at;
        return true;
    }

    /// <summary>The shortest digits of the positive normal double with this fraction and biased exponent (below 2^52), and their decimal exponent.</summary>
    private static ulong Digits(ulong fraction, int biased, out int exponent)
    {
        // The double is m * 2^e; the decimals that round to it lie strictly (or, for an even m, also at
        // the ends) between the midpoints to its neighbours: (4m - 1 - shift) * 2^(e-2) and (4m + 2) * 2^(e-2).
        var m = (1UL << MantissaBits) | fraction;
        var e = biased - ExponentBias - MantissaBits - 2; // negative here: the value is below 2^52
        var boundsIncluded = (m & 1) == 0;
        var middle = 4 * m;
        var lowerShift = fraction != 0 || biased <= 1 ? 1UL : 0UL; // at a power of two the lower neighbour is half as far

        // Scale by 10^-q with q as large as keeps the results exact enough: q = max(0, floor(-e log10 5) - 1).
        var q = Math.Max(0, (int)(((long)-e * 732923) >> 20) - 1);
        exponent = q + e;
        var i = -e - q;
        var (high, low, powerBits) = PowersOfFive[i];
        var shift = q - (powerBits - PowerBits);
        var inInterval = MultiplyShift(middle, high, low, shift);
        var upper = MultiplyShift(middle + 2, high, low, shift);
        var lower = MultiplyShift(middle - 1 - lowerShift, high, low, shift);

        // Whether the digits dropped from the exact scaled values are all zero: the scaled value is
        // middle * 5^i / 2^q, exact when 2^q divides it.
        var middleExact = false;
        var lowerExact = false;
        if (q <= 1)
        {
            middleExact = true;
            if (boundsIncluded)
            {
                lowerExact = lowerShift == 1;
            }
            else
            {
                upper--; // the upper end is exact and not included
            }
        }
        else if (q < 63)
        {
            middleExact = (middle & ((1UL << q) - 1)) == 0;
        }

        var removed = 0;
        ulong result;
        if (lowerExact || middleExact)
        {
            var lastRemoved = 0UL;
            while (upper / 10 > lower / 10)
            {
                lowerExact &= lower % 10 == 0;
                middleExact &= lastRemoved == 0;
                lastRemoved = inInterval % 10;
                inInterval /= 10;
                upper /= 10;
                lower /= 10;
                removed++;
            }

            if (lowerExact)
            {
                while (lower % 10 == 0)
                {
                    middleExact &= lastRemoved == 0;
                    lastRemoved = inInterval % 10;
                    inInterval /= 10;
                    upper /= 10;
                    lower /= 10;
                    removed++;
                }
            }

            if (middleExact && lastRemoved == 5 && inInterval % 2 == 0)
            {
                lastRemoved = 4; // exactly halfway: round to even
            }

            var roundUp = (inInterval == lower && (!boundsIncluded || !lowerExact)) || lastRemoved >= 5;
            result = inInterval + (roundUp ? 1UL : 0UL);
        }
        else
        {
            var roundUp = false;
            if (upper / 100 > lower / 100)
            {
                roundUp = inInterval % 100 >= 50;
                inInterval /= 100;
                upper /= 100;
                lower /= 100;
                removed += 2;
            }

            while (upper / 10 > lower / 10)
            {
                roundUp = inInterval % 10 >= 5;
                inInterval /= 10;
                upper /= 10;
                lower /= 10;
                removed++;
            }

            result = inInterval + (inInterval == lower || roundUp ? 1UL : 0UL);
        }

        exponent += removed;
        return result;
    }

    /// <summary>(<paramref name="m"/> * (high·2^64 + low)) / 2^shift, for shifts of at least 64.</summary>
    private static ulong MultiplyShift(ulong m, ulong high, ulong low, int shift)
    {
        var sum = ((UInt128)m * high) + (((UInt128)m * low) >> 64);
        return (ulong)(sum >> (shift - 64));
    }

    private static int CountDigits(ulong value)
    {
        var estimate = ((BitOperations.Log2(value) + 1) * 1233) >> 12; // floor(log10(2^bits)): the count or one less
        return estimate + (value >= PowersOfTen[estimate] ? 1 : 0);
    }

    /// <summary>Writes <paramref name="value"/> right-aligned into exactly <paramref name="destination"/>, with leading zeros, two digits at a time.</summary>
    private static void WriteDigits(ulong value, Span<byte> destination)
    {
        var i = destination.Length;
        while (i >= 2)
        {
            (value, var pair) = Math.DivRem(value, 100UL);
            i -= 2;
            destination[i] = TwoDigits[(int)pair * 2];
            destination[i + 1] = TwoDigits[((int)pair * 2) + 1];
        }

        if (i == 1)
        {
            destination[0] = (byte)('0' + (value % 10));
        }
    }

    private static (ulong, ulong, int)[] PowersOfFiveTable()
    {
        var table = new (ulong, ulong, int)[LargestPower + 1];
        var mask = (BigInteger.One << 64) - 1;
        for (var i = 0; i <= LargestPower; i++)
        {
            var power = BigInteger.Pow(5, i);
            var length = (int)power.GetBitLength();
            var scaled = length <= PowerBits ? power << (PowerBits - length) : power >> (length - PowerBits);
            table[i] = ((ulong)(scaled >> 64), (ulong)(scaled & mask), length);
        }

        return table;
    }
}
