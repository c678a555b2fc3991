using System.Globalization;
using System.Text;
using AisMonitor.Core.Ais.Messages;
using AisMonitor.Ingestion.Replay;
using CsCheck;

namespace AisMonitor.Ingestion.Tests.Csv;

/// <summary>
/// Exports that repeat a vessel's identity on every row (MarineCadastre, AISHub) give a static report
/// for its first identity and then only when the identity changes, as read: a name with spaces around
/// it, a type written "70.0" or a missing cell written "Unknown" is the same identity as before, and a
/// row with no identity at all changes nothing.
/// </summary>
public sealed class CsvIdentityChangeTests
{
    private static readonly string[] Names = ["ALPHA", " ALPHA", "ALPHA ", "BETA", "", "Unknown", "ALPHAONLE"]; // the last runs into a call sign "ONLE" unless the cells are kept apart
    private static readonly string[] Imos = ["IMO9703411", "9703411", "", "IMO9351139"];
    private static readonly string[] CallSigns = ["ONLE", "", "9HA4990", "NA"];
    private static readonly string[] Types = ["70", "70.0", "", "79"];
    private static readonly string[] Lengths = ["180", "180.0", "", "294"];

    private static readonly Gen<(int Vessel, int Name, int Imo, int CallSign, int Type, int Length)> Row =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, Names.Length - 1], Gen.Int[0, Imos.Length - 1], Gen.Int[0, CallSigns.Length - 1], Gen.Int[0, Types.Length - 1], Gen.Int[0, Lengths.Length - 1]);

    private static string? Text(string cell) =>
        string.IsNullOrWhiteSpace(cell) || cell is "Unknown" or "NA" ? null : cell.Trim();

    private static double? Number(string cell) => Text(cell) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

    [Fact]
    public void A_static_report_comes_with_a_vessels_first_identity_and_each_change_as_read()
    {
        Row.Array[1, 40].Sample(rows =>
        {
            var csv = new StringBuilder("MMSI,BaseDateTime,LAT,LON,VesselName,IMO,CallSign,VesselType,Length,TransceiverClass\n");
            var expected = new List<(long Line, uint Mmsi, string? Name, string? CallSign)>();
            var last = new Dictionary<uint, (string?, string?, string?, double?, double?)>();
            for (var i = 0; i < rows.Length; i++)
            {
                var (vessel, name, imo, callSign, type, length) = rows[i];
                var mmsi = 257_000_001u + (uint)vessel;
                csv.Append(CultureInfo.InvariantCulture, $"{mmsi},2024-01-10T00:{i:00}:00,60.5,5.25,{Names[name]},{Imos[imo]},{CallSigns[callSign]},{Types[type]},{Lengths[length]},A\n");
                var identity = (Text(Names[name]), Text(Imos[imo]), Text(CallSigns[callSign]), Number(Types[type]), Number(Lengths[length]));
                if (identity != (null, null, null, null, null) && (!last.TryGetValue(mmsi, out var before) || before != identity))
                {
                    last[mmsi] = identity;
                    expected.Add((i + 2, mmsi, identity.Item1, identity.Item3));
                }
            }

            using var reader = ReplayInput.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())));
            var reports = new List<(long Line, uint Mmsi, string? Name, string? CallSign)>();
            while (reader.TryRead(out var message))
            {
                if (message.Message is StaticAndVoyageData report)
                {
                    reports.Add((message.Metadata.LineNumber, report.Mmsi.Value, report.ShipName, report.CallSign));
                }
            }

            return reports.SequenceEqual(expected);
        }, iter: 2000);
    }
}
