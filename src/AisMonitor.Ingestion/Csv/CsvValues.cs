using System.Collections.Frozen;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace AisMonitor.Ingestion.Csv;

/// <summary>Parses the cell values of AIS CSV exports. Empty, "Unknown", "NA" and "nan" cells are null.</summary>
internal static class CsvValues
{

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

    /// <summary>A number that must parse when present; false for text that is not a number.</summary>
    public static bool TryOptionalNumber(string? cell, out double? value)
    {
        value = Number(cell);
        return value.HasValue || IsMissing(cell);
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

    public static byte? NavigationStatus(string? cell)
    {
        if (IsMissing(cell))
        {
            return null;
        }

        if (Number(cell) is { } code && code is >= 0 and <= 15)
        {
            return (byte)code;
        }

        return NavigationStatusNames.TryGetValue(cell!.Trim(), out var named) ? named : null;
    }

    public static byte ShipType(string? cell)
    {
        if (Number(cell) is { } code)
        {
            return code is >= 0 and <= 255 ? (byte)code : (byte)0;
        }

        return !IsMissing(cell) && ShipTypeNames.TryGetValue(cell!.Trim(), out var named) ? named : (byte)0;
    }
}
