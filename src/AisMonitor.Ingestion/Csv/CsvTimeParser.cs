using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace AisMonitor.Ingestion.Csv;

/// <summary>
/// Reads the time cells of AIS CSV exports as instants: ISO-8601 with 'T' or a space, with a zone
/// ('Z', an offset, " UTC") or without one (UTC); "dd/MM/yyyy HH:mm:ss" (Danish Maritime Authority);
/// "yyyyMMdd_HHmmss" (exactEarth and Spire exports, whose milliseconds may come in a column of their
/// own); Unix seconds (up to 11 digits, a fraction allowed) and milliseconds (12 to 14 digits). A
/// number is a time only from 2000 on, so a stray "2" is not 1970. Anything else is given as a
/// NodaTime pattern (<c>--time-format</c>, read as UTC), or "unix" / "unix-ms". The pattern that read
/// the last cell is tried first: a file keeps one format. The layouts most exports write (ISO 8601
/// with 'T' or a space, whole seconds and up to nine fraction digits, then 'Z', " UTC", " GMT" or no
/// zone; and the Danish one) are read first from the cell's bytes (<see cref="TryParseCommon"/>): the
/// patterns make several objects per cell, and a CSV has a time on every row.
/// </summary>
internal sealed class CsvTimeParser
{
    private const long EarliestUnixSeconds = 946_684_800; // 2000-01-01: no AIS export is older
    private const long LatestUnixSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z
    private static readonly OffsetDateTimePattern IsoOffset = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>");
    private static readonly OffsetDateTimePattern SpaceOffset = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss;FFFFFFFFFo<G>");
    private static readonly LocalDateTimePattern IsoLocal = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF");
    private static readonly LocalDateTimePattern SpaceLocal = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss;FFFFFFFFF");
    private static readonly LocalDateTimePattern DanishLocal = LocalDateTimePattern.CreateWithInvariantCulture("dd'/'MM'/'uuuu HH':'mm':'ss;FFFFFFFFF");
    private static readonly LocalDateTimePattern CompactLocal = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'_'HHmmss;FFFFFFFFF");
    private readonly Func<string, Instant?>[] _parsers;
    private readonly bool _builtIn;
    private int _last;

    /// <summary>The built-in formats, or only <paramref name="format"/> when given. Throws <see cref="FormatException"/> naming a bad format.</summary>
    public CsvTimeParser(string? format = null)
    {
        if (format is null)
        {
            _builtIn = true;
            _parsers = [Offset(IsoOffset), Offset(SpaceOffset), Local(IsoLocal), Local(SpaceLocal), Local(CompactLocal), Local(DanishLocal), Unix];
            return;
        }

        _parsers = format.ToLowerInvariant() switch
        {
            "unix" => [text => UnixNumber(text, milliseconds: false)],
            "unix-ms" => [text => UnixNumber(text, milliseconds: true)],
            _ => [Local(Pattern(format))],
        };
    }

    /// <summary>The instant in <paramref name="cell"/>, plus <paramref name="millisecondsCell"/> when given and the time has whole seconds; null when it is not a time.</summary>
    public Instant? Parse(string? cell, string? millisecondsCell = null)
    {
        if (CsvValues.IsMissing(cell))
        {
            return null;
        }

        var text = cell!.Trim();
        if (text.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase) || text.EndsWith(" GMT", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^4] + "Z";
        }

        for (var i = 0; i < _parsers.Length; i++)
        {
            var index = (_last + i) % _parsers.Length;
            if (_parsers[index](text) is { } instant)
            {
                _last = index;
                return WithMilliseconds(instant, millisecondsCell);
            }
        }

        return null;
    }

    /// <summary>
    /// The instant in an ASCII cell when it has one of the common layouts, read as <see cref="Parse"/>
    /// reads it; false for anything else (another layout, a zone other than UTC, a date or time that
    /// does not exist, a '24:00' or a leap second), which then goes to <see cref="Parse"/> as a string.
    /// </summary>
    public bool TryParseCommon(ReadOnlySpan<byte> cell, out Instant instant)
    {
        instant = default;
        if (!_builtIn)
        {
            return false;
        }

        var first = cell.IndexOfAnyExcept(CsvValues.AsciiWhiteSpace);
        if (first < 0)
        {
            return false;
        }

        cell = cell[first..(cell.LastIndexOfAnyExcept(CsvValues.AsciiWhiteSpace) + 1)];
        var utc = true;
        if (cell.Length > 4 && cell[^4] == (byte)' ' && (Ascii.EqualsIgnoreCase(cell[^3..], "UTC"u8) || Ascii.EqualsIgnoreCase(cell[^3..], "GMT"u8)))
        {
            cell = cell[..^4];
        }
        else if (cell.Length > 0 && cell[^1] == (byte)'Z')
        {
            cell = cell[..^1];
        }
        else
        {
            utc = false;
        }

        int year, month, day;
        if (cell.Length >= 19 && cell[4] == '-' && cell[7] == '-' && cell[10] is (byte)'T' or (byte)' ')
        {
            (year, month, day) = (Digits(cell[..4]), Digits(cell[5..7]), Digits(cell[8..10]));
        }
        else if (cell.Length >= 19 && cell[2] == '/' && cell[5] == '/' && cell[10] == ' ' && !utc)
        {
            (year, month, day) = (Digits(cell[6..10]), Digits(cell[3..5]), Digits(cell[..2]));
        }
        else
        {
            return false;
        }

        var (hour, minute, second) = cell[13] == ':' && cell[16] == ':' ? (Digits(cell[11..13]), Digits(cell[14..16]), Digits(cell[17..19])) : (-1, -1, -1);
        var nanoseconds = 0;
        if (cell.Length > 19)
        {
            var fraction = cell[20..];
            if (cell[19] is not ((byte)'.' or (byte)',') || fraction.Length is 0 or > 9 || Digits(fraction) is not (>= 0 and var value))
            {
                return false;
            }

            nanoseconds = value * (int)Math.Pow(10, 9 - fraction.Length);
        }

        if (year < 0 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month) || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return false;
        }

        instant = Instant.FromUtc(year, month, day, hour, minute, second) + Duration.FromNanoseconds(nanoseconds);
        return true;
    }

    /// <summary>The number that ASCII digits write, or −1 when any is not a digit.</summary>
    private static int Digits(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit((char)digit))
            {
                return -1;
            }

            value = (value * 10) + (digit - '0');
        }

        return value;
    }

    /// <summary>The instant plus <paramref name="cell"/> milliseconds when it has whole seconds (a separate column of exactEarth and Spire exports).</summary>
    public static Instant WithMilliseconds(Instant instant, string? cell) =>
        cell is not null && instant.ToUnixTimeTicks() % NodaConstants.TicksPerSecond == 0
        && int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds is >= 0 and < 1000
            ? instant + Duration.FromMilliseconds(milliseconds)
            : instant;

    private static LocalDateTimePattern Pattern(string format)
    {
        try
        {
            var pattern = LocalDateTimePattern.CreateWithInvariantCulture(format);
            _ = pattern.Format(new LocalDateTime(2024, 3, 1, 12, 34, 56)); // a pattern that cannot format is not one
            return pattern;
        }
        catch (InvalidPatternException e)
        {
            throw new FormatException($"--time-format '{format}' is not a NodaTime date and time pattern ({e.Message}); e.g. \"dd'.'MM'.'uuuu HH':'mm':'ss\", or unix, unix-ms.", e);
        }
    }

    private static Func<string, Instant?> Offset(OffsetDateTimePattern pattern) =>
        text => pattern.Parse(text) is { Success: true } parsed ? parsed.Value.ToInstant() : null;

    private static Func<string, Instant?> Local(LocalDateTimePattern pattern) =>
        text => pattern.Parse(text) is { Success: true } parsed ? parsed.Value.InUtc().ToInstant() : null;

    private static Instant? Unix(string text)
    {
        var digits = text.IndexOf('.') is var dot and >= 0 ? dot : text.Length;
        return digits switch
        {
            <= 11 => UnixNumber(text, milliseconds: false),
            <= 14 => UnixNumber(text, milliseconds: true),
            _ => null,
        };
    }

    private static Instant? UnixNumber(string text, bool milliseconds)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var seconds = milliseconds ? value / 1000 : value;
        return seconds is >= EarliestUnixSeconds and <= LatestUnixSeconds
            ? Instant.FromUnixTimeTicks((long)(seconds * NodaConstants.TicksPerSecond))
            : null;
    }
}
