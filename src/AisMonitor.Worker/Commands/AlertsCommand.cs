using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Storage;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NodaTime;
using NodaTime.Text;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// <c>aismonitor alerts export [FILE]</c>: a replay's alerts file, or the alerts stored in the
/// database, filtered, for people and tools without SQL:
/// <c>text</c> (what, where, when and why, a few lines each), <c>geojson</c> (opens in QGIS: a gap
/// as a line from where the vessel went quiet to where it reappeared, every alert's location and a
/// gap's evidence positions as points) or <c>csv</c> (one row per alert).
/// </summary>
internal static class AlertsCommand
{
    private static readonly GeometryFactory Geometries = new(new PrecisionModel(), 4326);
    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "Alerts file written by replay --out (JSON Lines); without it, the alerts stored in the database.", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "text, geojson or csv.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "geojson", "csv");
        var output = new Option<string?>("--out") { Description = "Output file; standard output when absent." };
        var filters = new AlertFilterOptions();
        var export = new Command("export", "Write alerts, from a replay's alerts file or from the database, as readable text, GeoJSON (QGIS) or CSV.")
        {
            file, format, output,
        };
        foreach (var option in filters.All)
        {
            export.Options.Add(option);
        }

        var settings = new ConfigurationOptions();
        settings.AddTo(export);
        export.SetAction(async (result, cancellation) =>
        {
            try
            {
                var query = filters.Query(result);
                IReadOnlyList<Alert> alerts;
                if (result.GetValue(file) is { } path)
                {
                    CommandLineChecks.CheckFile(path, result.CommandResult.Command);
                    alerts = Read(path).Where(query.Matches).ToList();
                }
                else
                {
                    var loaded = settings.Load(result); // every setting checked, as every command does
                    using var logging = CommandLogging.Create(loaded.Configuration);
                    await using var database = await Database.OpenAsync(loaded.Storage, logging.CreateLogger("AisMonitor.Alerts"));
                    alerts = await new AlertStore(database.DataSource).ReadAsync(query, cancellation);
                    Console.Error.WriteLine($"{alerts.Count:N0} alerts from {database.Description}");
                }

                var text = result.GetValue(format) switch
                {
                    "geojson" => GeoJson(alerts),
                    "csv" => Csv(alerts),
                    _ => Text(alerts),
                };
                if (result.GetValue(output) is { } target)
                {
                    await File.WriteAllTextAsync(target, text, cancellation);
                }
                else
                {
                    Console.Out.Write(text);
                }

                return ExitCodes.Done;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadArguments;
            }
            catch (DatabaseUnreachableException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.DatabaseUnreachable;
            }
        });
        var alerts = new Command("alerts", "Work with alerts: from a replay's file or the database; the analysts' queue and triage.") { export };
        AlertsQueueCommands.AddTo(alerts);
        return alerts;
    }

    private static List<Alert> Read(string path)
    {
        var alerts = new List<Alert>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                alerts.Add(JsonSerializer.Deserialize<Alert>(line, AlertJson.Options) ?? throw new JsonException("null"));
            }
            catch (JsonException e)
            {
                throw new ArgumentException($"{path} line {number} is not an alert (replay --out writes one per line): {e.Message}", e);
            }
        }

        return alerts;
    }

    internal static string Text(IReadOnlyList<Alert> alerts)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        foreach (var alert in alerts)
        {
            var vessel = $"{alert.VesselName ?? "(no name)"} (MMSI {alert.Mmsi}{(alert.Imo is { } imo ? $", IMO {imo}" : string.Empty)})";
            text.AppendLine(c, $"{alert.Severity.ToString().ToUpperInvariant(),-6} {AlertJson.KindName(alert.Kind)}: {vessel}");
            text.AppendLine(c, $"       when  {When(alert)}");
            text.AppendLine(c, $"       where {Where(alert)}");
            text.AppendLine(c, $"       why   {alert.SeverityReason}");
            foreach (var rule in alert.Rules.Where(r => r.Fired))
            {
                text.AppendLine(c, $"             {rule.Name}: {rule.Detail}");
            }

            if (alert.WatchLists is { Count: > 0 } lists)
            {
                text.AppendLine(c, $"       lists {string.Join("; ", lists.Select(m => $"{m.List} entry {m.EntryId} \"{m.ListedName}\" (matched on {m.MatchedOn})"))}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string When(Alert alert)
    {
        var pattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm 'UTC'");
        return alert.End is { } end && end != alert.Start
            ? string.Create(CultureInfo.InvariantCulture, $"{pattern.Format(alert.Start)} to {pattern.Format(end)} ({(end - alert.Start).TotalHours:0.#} h)")
            : alert.IsOpen ? $"since {pattern.Format(alert.Start)} (still open)" : pattern.Format(alert.Start);
    }

    private static string Where(Alert alert)
    {
        static string Point(double lat, double lon) => string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(lat):0.###}{(lat >= 0 ? 'N' : 'S')} {Math.Abs(lon):0.###}{(lon >= 0 ? 'E' : 'W')}");
        if (alert.Gap is { } gap)
        {
            var from = Point(gap.LastBefore.LatitudeDegrees, gap.LastBefore.LongitudeDegrees);
            return gap.FirstAfter is { } after
                ? string.Create(CultureInfo.InvariantCulture, $"went quiet at {from}{Near(gap.NearestPortBefore, gap.NearestPortBeforeNauticalMiles)}, reappeared at {Point(after.LatitudeDegrees, after.LongitudeDegrees)}{Near(gap.NearestPortAfter, gap.NearestPortAfterNauticalMiles)}, {gap.DisplacementNauticalMiles:0} nm away")
                : $"went quiet at {from}{Near(gap.NearestPortBefore, gap.NearestPortBeforeNauticalMiles)}";
        }

        if (alert.PortCall is { } call)
        {
            return $"{call.Port} ({call.Port.CountryName})";
        }

        return alert.Location is { } location ? Point(location.LatitudeDegrees, location.LongitudeDegrees) : "(no position)";
    }

    private static string Near(string? port, double? nauticalMiles) =>
        port is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({nauticalMiles:0} nm from {port})");

    internal static string GeoJson(IReadOnlyList<Alert> alerts)
    {
        var collection = new FeatureCollection();
        foreach (var alert in alerts)
        {
            var properties = new AttributesTable
            {
                { "id", alert.Id },
                { "kind", AlertJson.KindName(alert.Kind) },
                { "severity", alert.Severity.ToString().ToLowerInvariant() },
                { "mmsi", alert.Mmsi.Value },
                { "imo", alert.Imo?.Value },
                { "vessel_name", alert.VesselName },
                { "start", InstantPattern.ExtendedIso.Format(alert.Start) },
                { "end", alert.End is { } end ? InstantPattern.ExtendedIso.Format(end) : null },
                { "score", alert.Score },
                { "severity_reason", alert.SeverityReason },
            };
            if (alert.Gap is { FirstAfter: { } after } gap)
            {
                collection.Add(new Feature(Geometries.CreateLineString([new Coordinate(gap.LastBefore.LongitudeDegrees, gap.LastBefore.LatitudeDegrees), new Coordinate(after.LongitudeDegrees, after.LatitudeDegrees)]), properties));
            }
            else if (alert.Location is { } location)
            {
                collection.Add(new Feature(Geometries.CreatePoint(new Coordinate(location.LongitudeDegrees, location.LatitudeDegrees)), properties));
            }

            foreach (var position in alert.Gap?.Positions ?? [])
            {
                collection.Add(new Feature(Geometries.CreatePoint(new Coordinate(position.LongitudeDegrees, position.LatitudeDegrees)), new AttributesTable
                {
                    { "alert_id", alert.Id },
                    { "role", "position" },
                    { "time", InstantPattern.ExtendedIso.Format(position.Time) },
                    { "speed_knots", position.SpeedKnots },
                }));
            }
        }

        return JsonSerializer.Serialize(collection, GeoJsonOptions) + "\n";
    }

    internal static string Csv(IReadOnlyList<Alert> alerts)
    {
        var text = new StringBuilder("id,kind,severity,mmsi,imo,vessel_name,start,end,lat,lon,score,severity_reason\n");
        foreach (var alert in alerts)
        {
            string[] cells =
            [
                alert.Id, AlertJson.KindName(alert.Kind), alert.Severity.ToString().ToLowerInvariant(), alert.Mmsi.Value.ToString(CultureInfo.InvariantCulture),
                alert.Imo?.Value.ToString(CultureInfo.InvariantCulture) ?? string.Empty, alert.VesselName ?? string.Empty,
                InstantPattern.ExtendedIso.Format(alert.Start), alert.End is { } end ? InstantPattern.ExtendedIso.Format(end) : string.Empty,
                alert.Location?.LatitudeDegrees.ToString("0.#####", CultureInfo.InvariantCulture) ?? string.Empty,
                alert.Location?.LongitudeDegrees.ToString("0.#####", CultureInfo.InvariantCulture) ?? string.Empty,
                alert.Score.ToString(CultureInfo.InvariantCulture), alert.SeverityReason,
            ];
            text.AppendLine(string.Join(',', cells.Select(Quote)));
        }

        return text.ToString();
    }

    /// <summary>RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
