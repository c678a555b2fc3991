using System.Collections.Frozen;

namespace AisMonitor.Ingestion.Csv;

/// <summary>
/// Which column holds which <see cref="CsvField"/>. Built from the header by well-known names
/// (MarineCadastre, Danish Maritime Authority, Global Fishing Watch and similar exports), and
/// overridable field by field with an explicit mapping such as <c>time=ts_utc,lat=y</c>.
/// </summary>
public sealed class CsvLayout
{
    private static readonly FrozenDictionary<string, CsvField> KnownNames = new Dictionary<string, CsvField>
    {
        ["mmsi"] = CsvField.Mmsi,
        ["ssvid"] = CsvField.Mmsi, // Global Fishing Watch
        ["basedatetime"] = CsvField.Time,
        ["timestamp"] = CsvField.Time,
        ["timestamputc"] = CsvField.Time,
        ["time"] = CsvField.Time,
        ["datetime"] = CsvField.Time,
        ["datetimeutc"] = CsvField.Time,
        ["received"] = CsvField.Time, // decode --format csv
        ["timeutc"] = CsvField.Time,
        ["tsutc"] = CsvField.Time,
        ["tsposutc"] = CsvField.Time,
        ["msgtime"] = CsvField.Time, // BarentsWatch (the Norwegian Coastal Administration)
        ["ms"] = CsvField.Milliseconds,
        ["msec"] = CsvField.Milliseconds,
        ["millisecond"] = CsvField.Milliseconds,
        ["milliseconds"] = CsvField.Milliseconds,
        ["lat"] = CsvField.Latitude,
        ["latitude"] = CsvField.Latitude,
        ["lon"] = CsvField.Longitude,
        ["lng"] = CsvField.Longitude,
        ["long"] = CsvField.Longitude,
        ["longitude"] = CsvField.Longitude,
        ["sog"] = CsvField.SpeedOverGround,
        ["sogkn"] = CsvField.SpeedOverGround,
        ["speed"] = CsvField.SpeedOverGround,
        ["speedknots"] = CsvField.SpeedOverGround, // Global Fishing Watch
        ["speedoverground"] = CsvField.SpeedOverGround, // BarentsWatch
        ["cog"] = CsvField.CourseOverGround,
        ["cogdeg"] = CsvField.CourseOverGround,
        ["course"] = CsvField.CourseOverGround,
        ["courseoverground"] = CsvField.CourseOverGround, // BarentsWatch
        ["heading"] = CsvField.Heading,
        ["headingdeg"] = CsvField.Heading,
        ["trueheading"] = CsvField.Heading,
        ["rot"] = CsvField.RateOfTurn,
        ["rateofturn"] = CsvField.RateOfTurn, // BarentsWatch
        ["status"] = CsvField.NavigationStatus,
        ["navstatus"] = CsvField.NavigationStatus,
        ["navigationalstatus"] = CsvField.NavigationStatus,
        ["navigationstatus"] = CsvField.NavigationStatus,
        ["navstat"] = CsvField.NavigationStatus, // AISHub
        ["msgtype"] = CsvField.MessageType,
        ["messagetype"] = CsvField.MessageType,
        ["messageid"] = CsvField.MessageType, // exactEarth
        ["part"] = CsvField.PartNumber,
        ["transceiverclass"] = CsvField.TransceiverClass,
        ["transceiver"] = CsvField.TransceiverClass, // MarineCadastre from 2024
        ["typeofmobile"] = CsvField.TransceiverClass,
        ["vesselname"] = CsvField.Name,
        ["shipname"] = CsvField.Name,
        ["name"] = CsvField.Name,
        ["imo"] = CsvField.Imo,
        ["imonumber"] = CsvField.Imo, // BarentsWatch
        ["callsign"] = CsvField.CallSign,
        ["vesseltype"] = CsvField.ShipType,
        ["shiptype"] = CsvField.ShipType,
        ["type"] = CsvField.ShipType, // AISHub
        ["length"] = CsvField.Length,
        ["shiplength"] = CsvField.Length, // BarentsWatch
        ["width"] = CsvField.Width,
        ["shipwidth"] = CsvField.Width, // BarentsWatch
        ["beam"] = CsvField.Width,
        ["draft"] = CsvField.Draught,
        ["draught"] = CsvField.Draught,
        ["draughtm"] = CsvField.Draught,
        ["destination"] = CsvField.Destination,
        ["dest"] = CsvField.Destination, // AISHub
        ["tobow"] = CsvField.ToBow,
        ["a"] = CsvField.ToBow,
        ["tostern"] = CsvField.ToStern,
        ["b"] = CsvField.ToStern,
        ["toport"] = CsvField.ToPort,
        ["c"] = CsvField.ToPort,
        ["tostarboard"] = CsvField.ToStarboard,
        ["d"] = CsvField.ToStarboard,
        ["receiver"] = CsvField.Source,
        ["source"] = CsvField.Source,
    }.ToFrozenDictionary();

    private readonly int[] _columns;

    private CsvLayout(int[] columns, int columnCount)
    {
        _columns = columns;
        ColumnCount = columnCount;
    }

    /// <summary>Number of columns in the header.</summary>
    public int ColumnCount { get; }

    /// <summary>True when the layout has both coordinates (rows are position reports).</summary>
    public bool HasPositions => Has(CsvField.Latitude) && Has(CsvField.Longitude);

    /// <summary>The column index of a field, or −1.</summary>
    public int this[CsvField field] => _columns[(int)field];

    /// <summary>True when the field has a column.</summary>
    public bool Has(CsvField field) => _columns[(int)field] >= 0;

    /// <summary>
    /// Builds a layout from a header row. <paramref name="mapping"/> maps field names (the
    /// <see cref="CsvField"/> names or their short forms: mmsi, time, lat, lon, sog, cog, heading,
    /// status, name, imo, callsign, type, …) to column names and wins over the well-known names.
    /// Throws <see cref="FormatException"/> naming what is missing.
    /// </summary>
    public static CsvLayout FromHeader(IReadOnlyList<string> header, IReadOnlyDictionary<string, string>? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        var columns = Enumerable.Repeat(-1, Enum.GetValues<CsvField>().Length).ToArray();
        for (var i = 0; i < header.Count; i++)
        {
            if (KnownNames.TryGetValue(Normalise(header[i]), out var field) && columns[(int)field] < 0)
            {
                columns[(int)field] = i;
            }
        }

        foreach (var (fieldName, columnName) in mapping ?? new Dictionary<string, string>())
        {
            var field = ParseFieldName(fieldName);
            var index = header.Select(Normalise).ToList().IndexOf(Normalise(columnName));
            if (index < 0)
            {
                throw new FormatException($"The mapping {fieldName}={columnName} names a column that is not in the header ({Printable(string.Join(", ", header))}).");
            }

            columns[(int)field] = index;
        }

        if (columns[(int)CsvField.Mmsi] < 0 || columns[(int)CsvField.Time] < 0)
        {
            throw new FormatException($"A CSV needs an MMSI and a time column; the header has {Printable(string.Join(", ", header))}. Map them, e.g. --map mmsi=<column>,time=<column>.");
        }

        return new CsvLayout(columns, header.Count);
    }

    private static CsvField ParseFieldName(string name) => Normalise(name) switch
    {
        "lat" => CsvField.Latitude,
        "lon" => CsvField.Longitude,
        "sog" => CsvField.SpeedOverGround,
        "cog" => CsvField.CourseOverGround,
        "status" => CsvField.NavigationStatus,
        "type" => CsvField.ShipType,
        "class" => CsvField.TransceiverClass,
        var other => Enum.TryParse<CsvField>(other, ignoreCase: true, out var field)
            ? field
            : throw new FormatException($"Unknown CSV field '{name}'. Known: {string.Join(", ", Enum.GetNames<CsvField>())} (or lat, lon, sog, cog, status, type, class)."),
    };

    /// <summary>Input text fit for a terminal: control characters as \u escapes, at most 300 characters.</summary>
    private static string Printable(string text)
    {
        var escaped = string.Concat(text.Take(300).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return text.Length > 300 ? escaped + "…" : escaped;
    }

    private static string Normalise(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
