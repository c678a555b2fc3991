using System.Globalization;
using System.Text;
using AisMonitor.Ingestion.Replay;
using CsCheck;

namespace AisMonitor.Ingestion.Tests.Csv;

/// <summary>
/// What a number cell of a CSV export means, whatever it holds: empty, white space, "Unknown", "NA",
/// "nan" or "null" is missing; one comma and no point is a decimal comma (<c>60,3913</c>); anything
/// else is a number as the runtime reads one (white space around it, a sign, an exponent) or is not a
/// number at all. A missing or non-finite speed is no speed; a coordinate that is not a number rejects
/// the row. Cells are read from the file's bytes, so these hold for the reader as a whole.
/// </summary>
public sealed class CsvNumberTests
{
    private static readonly string[] Awkward =
    [
        "Unknown", "UNKNOWN", "NA", "nan", "null", "NULL", "", " ", "\t", "1,5,5", "+5", " 5 ", "5.", ".5", "1e", "1e5", "1E-3", "-0",
        "0x10", "1_000", "Infinity", "-Infinity", "\u00a05", "5\u00a0", "\u0661\u0662", "5é", "1e400", "1e-400", "00012.50",
    ];

    private static readonly Gen<string> Cell = Gen.OneOf(
        Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)), // every double, exponents, NaN and Infinity included
        Gen.Double[-200, 200].Select(d => d.ToString("0.#######", CultureInfo.InvariantCulture)),
        Gen.Double[-200, 200].Select(d => d.ToString("0.#######", CultureInfo.InvariantCulture).Replace('.', ',')),
        Gen.Char["0123456789.,-+eE \tNnaIify"].Array[0, 12].Select(c => new string(c)),
        Gen.Int[0, Awkward.Length - 1].Select(i => Awkward[i]));

    /// <summary>The meaning of a cell, from the runtime's parser on the cell as a string.</summary>
    private static bool Missing(string cell) =>
        string.IsNullOrWhiteSpace(cell) || new[] { "Unknown", "NA", "nan", "null" }.Any(m => cell.Equals(m, StringComparison.OrdinalIgnoreCase));

    private static double? Meaning(string cell)
    {
        if (Missing(cell))
        {
            return null;
        }

        var comma = cell.IndexOf(',', StringComparison.Ordinal);
        var text = comma >= 0 && cell.IndexOf(',', comma + 1) < 0 && !cell.Contains('.', StringComparison.Ordinal) ? cell.Replace(',', '.') : cell;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
    }

    private static IMessageReader Row(string latitude, string speed) =>
        ReplayInput.Open(new MemoryStream(Encoding.UTF8.GetBytes(
            $"mmsi,timestamp,lat,lon,sog\n257000001,2024-01-10T00:00:00Z,{Quoted(latitude)},5.25,{Quoted(speed)}\n")));

    private static string Quoted(string cell) => $"\"{cell}\"";

    [Fact]
    public void A_speed_cell_reads_as_its_meaning()
    {
        Cell.Sample(cell =>
        {
            using var reader = Row("60.5", cell);
            var expected = Meaning(cell) is { } v && v is >= 0 and < 102.25 ? v : (double?)null;
            return reader.TryRead(out var message) && message.TryGetPosition(out var position) && position.SpeedOverGroundKnots == expected;
        }, iter: 3000);
    }

    [Fact]
    public void A_latitude_cell_that_is_not_a_number_rejects_the_row_and_any_other_reads_as_its_meaning()
    {
        Cell.Sample(cell =>
        {
            using var reader = Row(cell, "10");
            var read = reader.TryRead(out var message);
            if (Meaning(cell) is null && !Missing(cell))
            {
                return !read && reader.Summary.Rejected.GetValueOrDefault("InvalidCoordinate") == 1;
            }

            var expected = Meaning(cell) is { } v && v is >= -90 and <= 90 ? v : (double?)null;
            return read && (message.TryGetPosition(out var position) ? position.LatitudeDegrees == expected : expected is null);
        }, iter: 3000);
    }
}
