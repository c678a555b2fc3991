using System.Globalization;
using System.Security.Cryptography;
using AisMonitor.Core.Ais;
using AisMonitor.Core.WatchLists;
using CsvHelper;

namespace AisMonitor.Ingestion.WatchLists;

/// <summary>
/// Vessel watch lists from CSV with a header. Columns, by name (case-insensitive): <c>imo</c>
/// and/or <c>mmsi</c> (at least one must be present), <c>name</c>, and optionally <c>id</c> (or
/// <c>ent_num</c>), <c>former_names</c> and <c>programs</c> (separated by <c>|</c>), <c>flag</c>,
/// <c>vessel_type</c>. IMO numbers may be written <c>IMO9179842</c>; a number that fails the IMO
/// check digit is not used. A row with neither a valid IMO nor an MMSI cannot be matched: it is
/// rejected and counted. The version is the list's own when given, else the first 12 hex digits
/// of the file's SHA-256, so an alert says exactly which list it cited.
/// </summary>
public static class WatchListCsv
{
    /// <summary>The OFAC SDN vessels of 2024-05-03 (public domain; a frozen example, not compliance data).</summary>
    public static WatchList OfacSdn2024 => BuiltIn.Value;

    private static readonly Lazy<WatchList> BuiltIn = new(() =>
    {
        using var stream = typeof(WatchListCsv).Assembly.GetManifestResourceStream("AisMonitor.Ingestion.WatchLists.ofac_sdn_vessels.csv")
            ?? throw new InvalidOperationException("The built-in OFAC list is missing from the build.");
        return Read(stream, "OFAC SDN", "2024-05-03").List;
    });

    /// <summary>The port operators on the OFAC SDN list (2024-05-03) and the UN/LOCODEs of their World Port Index ports.</summary>
    public static IReadOnlyList<(string Operator, string Program, string UnLocode)> SanctionedPortOperators()
    {
        using var stream = typeof(WatchListCsv).Assembly.GetManifestResourceStream("AisMonitor.Ingestion.WatchLists.sdn_port_operators_to_wpi.csv")
            ?? throw new InvalidOperationException("The built-in port-operator list is missing from the build.");
        using var reader = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',' }, leaveOpen: false);
        reader.ReadHeader();
        int name = reader.GetFieldIndex("sdn_name"), program = reader.GetFieldIndex("sdn_program"), locode = reader.GetFieldIndex("unlocode");
        var operators = new List<(string, string, string)>();
        while (reader.Read())
        {
            operators.Add((reader.GetString(name), reader.GetString(program), reader.GetString(locode)));
        }

        return operators;
    }

    /// <summary>Reads a list file; <paramref name="name"/> defaults to the file name.</summary>
    public static (WatchList List, int Rejected) ReadFile(string path, string? name = null)
    {
        var bytes = File.ReadAllBytes(path);
        var version = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        using var stream = new MemoryStream(bytes);
        return Read(stream, name ?? Path.GetFileNameWithoutExtension(path), version);
    }

    /// <summary>Reads a list; rows that cannot be matched are counted in <c>Rejected</c>.</summary>
    public static (WatchList List, int Rejected) Read(Stream stream, string name, string version)
    {
        using var reader = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',' }, leaveOpen: true);
        reader.ReadHeader();
        if (reader.Headers.Count == 0)
        {
            throw new FormatException($"Watch list '{name}' is empty: a header row is needed (imo and/or mmsi, name, …).");
        }

        var columns = reader.Headers.Select((header, index) => (header.Trim().ToLowerInvariant(), index)).ToDictionary(c => c.Item1, c => c.index);
        int? Column(params string[] names) => names.Select(n => columns.TryGetValue(n, out var i) ? i : (int?)null).FirstOrDefault(i => i is not null);
        var imoColumn = Column("imo");
        var mmsiColumn = Column("mmsi");
        if (imoColumn is null && mmsiColumn is null)
        {
            throw new FormatException($"Watch list '{name}' has no 'imo' or 'mmsi' column: vessels are matched on those, never on names alone. Columns found: {string.Join(", ", reader.Headers)}.");
        }

        var (idColumn, nameColumn, formerColumn, programsColumn, flagColumn, typeColumn) =
            (Column("id", "ent_num"), Column("name"), Column("former_names"), Column("programs"), Column("flag"), Column("vessel_type"));
        var entries = new List<WatchListEntry>();
        var rejected = 0;
        var row = 0;
        while (reader.Read())
        {
            row++;
            string? Get(int? column) => column is { } c && c < reader.FieldCount && reader.GetString(c).Trim() is { Length: > 0 } text ? text : null;
            var imo = Get(imoColumn) is { } imoText && long.TryParse(imoText.StartsWith("IMO", StringComparison.OrdinalIgnoreCase) ? imoText[3..] : imoText, NumberStyles.None, CultureInfo.InvariantCulture, out var imoNumber)
                && Imo.TryCreate(imoNumber, out var validImo) ? validImo : (Imo?)null;
            var mmsi = Get(mmsiColumn) is { } mmsiText && Mmsi.TryParse(mmsiText, out var parsedMmsi) ? parsedMmsi : (Mmsi?)null;
            if (imo is null && mmsi is null)
            {
                rejected++;
                continue;
            }

            entries.Add(new WatchListEntry
            {
                Id = Get(idColumn) ?? row.ToString(CultureInfo.InvariantCulture),
                Name = Get(nameColumn) ?? "",
                Imo = imo,
                Mmsi = mmsi,
                FormerNames = Split(Get(formerColumn)),
                Programs = Split(Get(programsColumn)),
                Flag = Get(flagColumn),
                VesselType = Get(typeColumn),
            });
        }

        return (new WatchList(name, version, entries), rejected);
    }

    private static string[] Split(string? text) => text?.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
