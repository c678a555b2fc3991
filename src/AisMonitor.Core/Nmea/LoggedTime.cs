using NodaTime;

namespace AisMonitor.Core.Nmea;

/// <summary>
/// A receive time written by the program that logged the sentence, as many loggers do: before it
/// (<c>1704844800.123 !AIVDM,…</c>, <c>2024-01-10T00:00:00Z,!AIVDM,…</c>,
/// <c>[2024-01-10 00:00:00.123] \s:…\!AIVDM,…</c>, then a space, tab, comma, semicolon or colon) or
/// as a field after its checksum (<c>…*hh,1704844800.123</c>, the USCG and Danish Maritime Authority
/// suffixes): Unix seconds (10 digits, with a fraction or not), Unix milliseconds (13 digits), or an
/// ISO 8601 date and time (<c>T</c> or a space between; <c>Z</c>, an offset or nothing for UTC;
/// <c>2024/01/10</c> too; years 1 to 9998, so that an offset cannot carry it past the calendar), in
/// brackets or not before the sentence. Parsed from the bytes: it runs for every line of such a log.
/// </summary>
public static class LoggedTime
{
    /// <summary>
    /// Where the sentence (or its tag block) starts after a leading time, and the time; -1 when the line
    /// does not start with one followed by <c>!</c>, <c>$</c> or a tag block.
    /// </summary>
    public static int SentenceStart(ReadOnlySpan<byte> line, out Instant time)
    {
        time = default;
        var start = line.IndexOfAny((byte)'!', (byte)'$', (byte)'\\');
        if (start <= 0)
        {
            return -1;
        }

        var prefix = line[..start].TrimEnd(" \t,;:"u8);
        if (prefix.Length > 2 && prefix[0] == (byte)'[' && prefix[^1] == (byte)']')
        {
            prefix = prefix[1..^1];
        }

        return TryParse(prefix, out time) ? start : -1;
    }

    /// <summary>A time in one of the forms above, nothing before or after it.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out Instant time)
    {
        time = default;
        if (text.Length == 13 && TagBlockParser.TryParseLong(text, out var milliseconds))
        {
            time = Instant.FromUnixTimeMilliseconds(milliseconds);
            return true;
        }

        if (text.Length >= 10 && TagBlockParser.TryParseLong(text[..10], out var seconds))
        {
            var nanoseconds = 0L;
            if (text.Length == 10 || (text[10] == (byte)'.' && text.Length > 11 && TryFraction(text[11..], out nanoseconds)))
            {
                time = Instant.FromUnixTimeSeconds(seconds).PlusNanoseconds(nanoseconds);
                return true;
            }
        }

        return TryIso(text, out time);
    }

    private static bool TryIso(ReadOnlySpan<byte> text, out Instant time)
    {
        time = default;
        if (text.Length < 19 || text[4] is not ((byte)'-' or (byte)'/') || text[7] != text[4] || text[10] is not ((byte)'T' or (byte)' ')
            || text[13] != (byte)':' || text[16] != (byte)':'
            || !TagBlockParser.TryParseLong(text[..4], out var year) || !TagBlockParser.TryParseLong(text[5..7], out var month) || !TagBlockParser.TryParseLong(text[8..10], out var day)
            || !TagBlockParser.TryParseLong(text[11..13], out var hour) || !TagBlockParser.TryParseLong(text[14..16], out var minute) || !TagBlockParser.TryParseLong(text[17..19], out var second)
            || year is < 1 or > 9998 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth((int)year, (int)month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var rest = text[19..];
        var nanoseconds = 0L;
        if (!rest.IsEmpty && rest[0] == (byte)'.')
        {
            var digits = rest[1..].IndexOfAnyExceptInRange((byte)'0', (byte)'9');
            digits = digits < 0 ? rest.Length - 1 : digits;
            if (digits == 0 || !TryFraction(rest.Slice(1, digits), out nanoseconds))
            {
                return false;
            }

            rest = rest[(1 + digits)..];
        }

        var offsetMinutes = 0L;
        if (rest.Length == 1 && rest[0] == (byte)'Z')
        {
            rest = default;
        }
        else if (rest.Length is 5 or 6 && rest[0] is (byte)'+' or (byte)'-')
        {
            var colon = rest.Length == 6; // +HH:MM or +HHMM
            if ((colon && rest[3] != (byte)':') || !TagBlockParser.TryParseLong(rest.Slice(1, 2), out var offsetHours) || !TagBlockParser.TryParseLong(rest.Slice(colon ? 4 : 3, 2), out var offsetRest)
                || offsetHours > 18 || offsetRest > 59)
            {
                return false;
            }

            offsetMinutes = (rest[0] == (byte)'-' ? -1 : 1) * ((offsetHours * 60) + offsetRest);
            rest = default;
        }

        if (!rest.IsEmpty)
        {
            return false;
        }

        time = new LocalDateTime((int)year, (int)month, (int)day, (int)hour, (int)minute, (int)second).InUtc().ToInstant()
            .PlusNanoseconds(nanoseconds) - Duration.FromMinutes(offsetMinutes);
        return true;
    }

    /// <summary>Fraction digits (up to nine kept) as nanoseconds.</summary>
    private static bool TryFraction(ReadOnlySpan<byte> digits, out long nanoseconds)
    {
        nanoseconds = 0;
        if (digits.IsEmpty)
        {
            return true;
        }

        if (!TagBlockParser.TryParseLong(digits[..Math.Min(9, digits.Length)], out var kept) || (digits.Length > 9 && !TagBlockParser.TryParseLong(digits[9..], out _)))
        {
            return false;
        }

        for (var i = Math.Min(9, digits.Length); i < 9; i++)
        {
            kept *= 10;
        }

        nanoseconds = kept;
        return true;
    }
}
