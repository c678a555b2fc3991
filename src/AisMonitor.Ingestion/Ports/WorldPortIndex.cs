using System.Globalization;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using CsvHelper;

namespace AisMonitor.Ingestion.Ports;

/// <summary>
/// The built-in gazetteer: the NGA World Port Index (Pub. 150, public domain; attribution in
/// Ports/Data/SOURCE.md), 3,802 ports as points with a radius by harbour size.
/// </summary>
public static class WorldPortIndex
{
    private static readonly Lazy<IReadOnlyList<Port>> Ports = new(Read);

    /// <summary>Every port of the index.</summary>
    public static IReadOnlyList<Port> All => Ports.Value;

    /// <summary>
    /// Ports missing from the index that AisMonitor adds by default: Dunai (Dunay), Primorsky Krai,
    /// a Russian naval facility the Angara used (absent from the WPI; position of the settlement
    /// from the public reporting, radius 2 nm).
    /// </summary>
    public static IReadOnlyList<Port> AddedByDefault { get; } = [new Port("Dunai", null, "Russia", new GeoPoint(42.8803, 132.3375), 2)];

    /// <summary>The index and the ports added by default.</summary>
    public static IEnumerable<Port> WithDefaults => All.Concat(AddedByDefault);

    /// <summary>Radius by WPI harbour size: Large 5 nm, Medium 3 nm, Small 2 nm, Very Small 1.5 nm, unknown 2 nm.</summary>
    public static double RadiusNauticalMiles(string? harbourSize) => harbourSize switch
    {
        "Large" => 5,
        "Medium" => 3,
        "Very Small" => 1.5,
        _ => 2,
    };

    private static List<Port> Read()
    {
        using var stream = typeof(WorldPortIndex).Assembly.GetManifestResourceStream("AisMonitor.Ingestion.Ports.wpi_ports_core.csv")
            ?? throw new InvalidOperationException("The World Port Index resource is missing from the build.");
        using var reader = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',' }, leaveOpen: false);
        reader.ReadHeader();
        int Column(string name) => reader.GetFieldIndex(name);
        int name = Column("port_name"), code = Column("unlocode"), country = Column("country"), size = Column("harbor_size"), lat = Column("lat"), lon = Column("lon");
        var ports = new List<Port>();
        while (reader.Read())
        {
            var latitude = double.Parse(reader.GetString(lat), CultureInfo.InvariantCulture);
            var longitude = double.Parse(reader.GetString(lon), CultureInfo.InvariantCulture);
            var locode = reader.GetString(code);
            ports.Add(new Port(reader.GetString(name), string.IsNullOrWhiteSpace(locode) ? null : locode, reader.GetString(country), new GeoPoint(latitude, longitude), RadiusNauticalMiles(reader.GetString(size))));
        }

        return ports;
    }
}
