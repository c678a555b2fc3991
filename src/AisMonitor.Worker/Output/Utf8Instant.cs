using NodaTime;
using NodaTime.Text;

namespace AisMonitor.Worker.Output;

/// <summary>
/// An instant as NodaTime's <see cref="InstantPattern.ExtendedIso"/> writes it (<c>2024-01-10T00:00:19Z</c>,
/// fractional seconds only when there are, trailing zeros dropped), straight into UTF-8 bytes: no string
/// per message. Years outside 0001–9999 go through NodaTime's own pattern.
/// </summary>
internal static class Utf8Instant
{
    /// <summary>The longest text it writes: <c>yyyy-MM-ddTHH:mm:ss.fffffffffZ</c>.</summary>
    public const int MaximumLength = 30;

    /// <summary>Writes <paramref name="instant"/> into <paramref name="destination"/> (at least <see cref="MaximumLength"/> bytes); the bytes written.</summary>
    public static int Format(Instant instant, Span<byte> destination)
    {
        var utc = instant.InUtc();
        if (utc.Year is < 1 or > 9999)
        {
            return System.Text.Encoding.UTF8.GetBytes(InstantPattern.ExtendedIso.Format(instant), destination);
        }

        Digits(destination, 0, utc.Year, 4);
        destination[4] = (byte)'-';
        Digits(destination, 5, utc.Month, 2);
        destination[7] = (byte)'-';
        Digits(destination, 8, utc.Day, 2);
        destination[10] = (byte)'T';
        Digits(destination, 11, utc.Hour, 2);
        destination[13] = (byte)':';
        Digits(destination, 14, utc.Minute, 2);
        destination[16] = (byte)':';
        Digits(destination, 17, utc.Second, 2);
        var length = 19;
        var nanoseconds = utc.NanosecondOfSecond;
        if (nanoseconds != 0)
        {
            destination[length++] = (byte)'.';
            var digits = 9;
            while (nanoseconds % 10 == 0)
            {
                nanoseconds /= 10;
                digits--;
            }

            Digits(destination, length, nanoseconds, digits);
            length += digits;
        }

        destination[length++] = (byte)'Z';
        return length;
    }

    private static void Digits(Span<byte> destination, int at, int value, int count)
    {
        for (var i = at + count - 1; i >= at; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
