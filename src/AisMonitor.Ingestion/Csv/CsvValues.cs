using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using csFastFloat;
using NodaTime;
using NodaTime.Text;

namespace AisMonitor.Ingestion.Csv;

/// <summary>Parses the cell values of AIS CSV exports. Empty, "Unknown", "NA", "nan" and "null" cells are null.</summary>
internal static class CsvValues
{
    /// <summary>What <see cref="char.IsWhiteSpace(char)"/> calls white space among ASCII characters.</summary>
    internal static readonly SearchValues<byte> AsciiWhiteSpace = SearchValues.Create("\t\n\v\f\r "u8);

    // ITU-R M.1371-5 Table 45 names as exports spell them (DMA writes them out).
    private static readonly FrozenDictionary<string, byte> NavigationStatusNames = new Dictionary<string, byte>(StringComparer.OrdinalIgnoreCase)
    {
        ["Under way using engine"] = 0,
        ["At anchor"] = 1,
        ["Not under command"] = 2,
        ["Restricted manoeuverability"] = 3,
        ["Restricted maneuverability"] = 3,
        ["Restricted manoeuvrability"] = 3,
        ["Constrained by her draught"] = 4,
        ["Moored"] = 5,
        ["Aground"] = 6,
        ["Engaged in fishing"] = 7,
        ["Under way sailing"] = 8,
        ["Reserved for future amendment [HSC]"] = 9,
        ["Reserved for future amendment [WIG]"] = 10,
        ["Power-driven vessel towing astern"] = 11,
        ["Power-driven vessel pushing ahead or towing alongside"] = 12,
        ["Reserved for future use"] = 13,
        ["AIS-SART"] = 14,
        ["Unknown value"] = 15,
        ["Undefined"] = 15,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Category names (DMA "Ship type") → a representative ITU ship type code.
    private static readonly FrozenDictionary<string, byte> ShipTypeNames = new Dictionary<string, byte>(StringComparer.OrdinalIgnoreCase)
    {
        ["Wing in ground"] = 20,
        ["Fishing"] = 30,
        ["Towing"] = 31,
        ["Towing long/wide"] = 32,
        ["Dredging"] = 33,
        ["Diving"] = 34,
        ["Military"] = 35,
        ["Sailing"] = 36,
        ["Pleasure"] = 37,
        ["HSC"] = 40,
        ["Pilot"] = 50,
        ["SAR"] = 51,
        ["Tug"] = 52,
        ["Port tender"] = 53,
        ["Anti-pollution"] = 54,
        ["Law enforcement"] = 55,
        ["Spare 1"] = 56,
        ["Spare 2"] = 57,
        ["Medical"] = 58,
        ["Not party to conflict"] = 59,
        ["Passenger"] = 60,
        ["Cargo"] = 70,
        ["Tanker"] = 80,
        ["Other"] = 90,
        ["Reserved"] = 0,
        ["Undefined"] = 0,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool IsMissing(string? cell) =>
        string.IsNullOrWhiteSpace(cell) || cell.Equals("Unknown", StringComparison.OrdinalIgnoreCase) || cell.Equals("NA", StringComparison.OrdinalIgnoreCase)
        || cell.Equals("nan", StringComparison.OrdinalIgnoreCase) || cell.Equals("null", StringComparison.OrdinalIgnoreCase);

    /// <summary>A number, with a decimal point or, as exports written where it is the decimal mark, one comma and no point (<c>60,3913</c>).</summary>
    public static double? Number(string? cell) =>
        !IsMissing(cell) && double.TryParse(DecimalComma(cell!), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static string DecimalComma(string cell)
    {
        var comma = cell.IndexOf(',', StringComparison.Ordinal);
        return comma >= 0 && cell.IndexOf(',', comma + 1) < 0 && !cell.Contains('.', StringComparison.Ordinal) ? cell.Replace(',', '.') : cell;
    }

    /// <summary>
    /// <see cref="Number(string?)"/> of an ASCII cell as the file's UTF-8 bytes, without making a string
    /// of it (a row has a dozen numbers). The caller passes any other cell as a string.
    /// </summary>
    public static double? Number(ReadOnlySpan<byte> asciiCell)
    {
        if (IsMissing(asciiCell))
        {
            return null;
        }

        var comma = asciiCell.IndexOf((byte)',');
        if (comma < 0 || asciiCell[(comma + 1)..].Contains((byte)',') || asciiCell.Contains((byte)'.'))
        {
            return Finite(asciiCell);
        }

        Span<byte> point = asciiCell.Length <= 64 ? stackalloc byte[asciiCell.Length] : new byte[asciiCell.Length];
        asciiCell.CopyTo(point);
        point[comma] = (byte)'.';
        return Finite(point);
    }

    /// <summary>
    /// The number, read by csFastFloat (fast_float: several times the runtime's speed, exactly rounded
    /// as it is) when it takes the whole cell; anything else (white space around it, a '+', text) by the
    /// runtime's parser, so that every cell reads as <see cref="Number(string?)"/> reads it.
    /// </summary>
    private static double? Finite(ReadOnlySpan<byte> utf8)
    {
        if (!FastDoubleParser.TryParseDouble(utf8, out var consumed, out var value) || consumed != utf8.Length)
        {
            if (!double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return null;
            }
        }

        return double.IsFinite(value) ? value : null;
    }

    /// <summary><see cref="IsMissing(string?)"/> of an ASCII cell's bytes.</summary>
    private static bool IsMissing(ReadOnlySpan<byte> asciiCell) =>
        asciiCell.IndexOfAnyExcept(AsciiWhiteSpace) < 0 || Ascii.EqualsIgnoreCase(asciiCell, "Unknown"u8) || Ascii.EqualsIgnoreCase(asciiCell, "NA"u8)
        || Ascii.EqualsIgnoreCase(asciiCell, "nan"u8) || Ascii.EqualsIgnoreCase(asciiCell, "null"u8);

    /// <summary>A number that must parse when present; false for text that is not a number.</summary>
    public static bool TryOptionalNumber(string? cell, out double? value)
    {
        value = Number(cell);
        return value.HasValue || IsMissing(cell);
    }

    /// <summary><see cref="TryOptionalNumber(string?, out double?)"/> of an ASCII cell's bytes.</summary>
    public static bool TryOptionalNumber(ReadOnlySpan<byte> asciiCell, out double? value)
    {
        value = Number(asciiCell);
        return value.HasValue || IsMissing(asciiCell);
    }

    /// <summary>The cell's text, trimmed, without control characters (a NUL byte cannot be stored in PostgreSQL text).</summary>
    public static string? Text(string? cell)
    {
        if (IsMissing(cell))
        {
            return null;
        }

        var text = cell!.Trim();
        return text.AsSpan().IndexOfAnyInRange('\0', '\u001f') < 0 ? text : string.Concat(text.Where(c => c >= ' '));
    }

    /// <summary>The navigational status a cell's number gives: its code (0–15), else none.</summary>
    public static byte? NavigationStatus(double code) => code is >= 0 and <= 15 ? (byte)code : null;

    /// <summary>The navigational status of a cell that holds no number: its name as exports write it out (DMA), else none.</summary>
    public static byte? NamedNavigationStatus(string? cell) =>
        !IsMissing(cell) && NavigationStatusNames.TryGetValue(cell!.Trim(), out var named) ? named : null;

    /// <summary>The ship type a cell's number gives: its code (0–255), else 0.</summary>
    public static byte ShipType(double code) => code is >= 0 and <= 255 ? (byte)code : (byte)0;

    /// <summary>The ship type of a cell that holds no number: its category's representative code (DMA names), else 0.</summary>
    public static byte NamedShipType(string? cell) =>
        !IsMissing(cell) && ShipTypeNames.TryGetValue(cell!.Trim(), out var named) ? named : (byte)0;
}
