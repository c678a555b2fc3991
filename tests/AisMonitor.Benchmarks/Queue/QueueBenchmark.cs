using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tests.Support;
using AisMonitor.Storage;
using Npgsql;
using static AisMonitor.Benchmarks.BenchmarkArguments;

namespace AisMonitor.Benchmarks.Queue;

/// <summary>
/// <c>dotnet run -c Release --project tests/AisMonitor.Benchmarks -- queue [--alerts 1000000] [--samples 200]</c>:
/// the review API over a database of a million alerts. Starts its own PostgreSQL, fills it with
/// synthetic alerts (9 kinds, 3 severities, 5 triage statuses, 60,000 vessels, names from a word
/// list, positions over the oceans' latitudes, three years of start times, 2 % watch-listed, a
/// kilobyte of evidence each), starts the real worker, and times over HTTP on loopback, per filter,
/// under each order (sort by start, severity, update), the first page of 50, the next page (its cursor)
/// and the detail of an alert on it: p50, p95, max.
/// </summary>
internal static class QueueBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var alerts = int.Parse(Option(args, "--alerts", "1000000"), CultureInfo.InvariantCulture);
        var samples = int.Parse(Option(args, "--samples", "200"), CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-queue-bench-{Guid.NewGuid():N}");
        Console.WriteLine($"queue benchmark: {alerts:N0} alerts, {samples} samples per filter; work in {folder}");
        await using var cluster = await LocalPostgresCluster.StartAsync(Path.Combine(folder, "pg"));
        var connection = cluster.ConnectionString();
        string token;
        await using (var database = AisMonitorDataSource.Create(connection))
        {
            await SchemaMigrator.MigrateAsync(database);
            var fill = Stopwatch.StartNew();
            await Fill(database, alerts);
            Console.WriteLine($"filled in {fill.Elapsed.TotalSeconds:0} s");
            await using (var sizes = database.CreateCommand("SELECT pg_relation_size('alert'), pg_total_relation_size('alert') - pg_relation_size('alert') - pg_indexes_size('alert'), pg_indexes_size('alert'), count(*) FROM alert"))
            await using (var row = await sizes.ExecuteReaderAsync())
            {
                await row.ReadAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alert table {row.GetInt64(0) / 1e6:0} MB, TOAST {row.GetInt64(1) / 1e6:0} MB, indexes {row.GetInt64(2) / 1e6:0} MB for {row.GetInt64(3):N0} alerts"));
            }
            var users = new UserStore(database);
            await users.AddAsync("bench", UserRole.Viewer, "benchmark passphrase");
            token = await users.CreateTokenAsync("bench", "queue benchmark");
        }

        var incoming = Path.Combine(folder, "incoming");
        Directory.CreateDirectory(incoming);
        var port = FreePort();
        using var worker = StartWorker(connection, folder, incoming, port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            await WaitForApi(http, worker);
            var random = new Random(20261206);
            var filters = new (string Name, Func<string> Query)[]
            {
                ("none", () => string.Empty),
                ("kind", () => "kind=" + Kinds[random.Next(Kinds.Length)]),
                ("severity", () => "severity=" + (random.Next(2) == 0 ? "high" : "medium")),
                ("status", () => "status=" + Statuses[random.Next(Statuses.Length)]),
                ("mmsi", () => "mmsi=" + (200_000_000 + random.Next(60_000)).ToString(CultureInfo.InvariantCulture)),
                ("imo", () => "imo=" + (9_000_000 + random.Next(60_000)).ToString(CultureInfo.InvariantCulture)),
                ("name", () => "name=" + Words[random.Next(Words.Length)][..3]),
                ("bbox", () => Box(random)),
                ("watch_listed", () => "watch_listed=true"),
                ("time range", () => Month(random)),
            };

            // Warm up the worker's JIT and the server's caches once over every filter.
            foreach (var (_, query) in filters)
            {
                foreach (var sort in new[] { "start", "severity", "updated" })
                {
                    await Time(http, $"/api/alerts?sort={sort}&{query()}");
                }
            }

            // Every filter under every order: the default (newest first) and the other sort keys.
            foreach (var sort in new[] { "start", "severity", "updated" })
            {
                Console.WriteLine($"\nsort={sort}\n");
                Console.WriteLine("| filter | first page p50 / p95 / max (ms) | next page p50 / p95 / max | detail p50 / p95 / max |");
                Console.WriteLine("|---|---:|---:|---:|");
                foreach (var (name, query) in filters)
                {
                    var (first, next, detail) = (new List<double>(), new List<double>(), new List<double>());
                    for (var i = 0; i < samples; i++)
                    {
                        var q = $"sort={sort}&{query()}";
                        var (ms, page) = await Time(http, "/api/alerts?limit=50&" + q);
                        first.Add(ms);
                        if (page["next"]?.GetValue<string>() is { } cursor)
                        {
                            next.Add((await Time(http, $"/api/alerts?limit=50&{q}&cursor={cursor}")).Milliseconds);
                        }

                        if (page["rows"]!.AsArray() is { Count: > 0 } rows)
                        {
                            var id = rows[random.Next(rows.Count)]!["id"]!.GetValue<string>();
                            detail.Add((await Time(http, "/api/alerts/" + Uri.EscapeDataString(id))).Milliseconds);
                        }
                    }

                    Console.WriteLine($"| {name} | {Stats(first)} | {Stats(next)} | {Stats(detail)} |");
                }
            }
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        return 0;
    }

    private static readonly string[] Kinds = ["transponder_gap", "identity_conflict", "unusual_port_call", "possible_dark_port_call", "watch_list_sighting", "encounter", "identity_change", "loitering", "position_spoofing"];
    private static readonly string[] Statuses = ["new", "acknowledged", "escalated", "dismissed", "resolved"];
    private static readonly string[] Words = ["ATLANTIC", "PACIFIC", "NORDIC", "OCEAN", "STAR", "GLORY", "FORTUNE", "PRINCESS", "EAGLE", "SPIRIT", "VICTORY", "HARMONY", "LIBERTY", "PIONEER", "HORIZON", "NEPTUNE", "POLAR", "CORAL", "AURORA", "MERIDIAN", "ZENITH", "BALTIC", "CASPIAN", "ORIENT"];

    private static async Task Fill(NpgsqlDataSource database, int alerts)
    {
        // Evidence as real alerts carry it: the Angara reconstruction's approved alerts are stored, and its gap's
        // evidence (2.5 kB of JSON) is copied to every synthetic alert, its watch-list match kept for 2 % of them.
        var angara = File.ReadLines(Path.Combine(TestData.RepositoryRoot, "sample-tracks/angara-2024/approved.alerts.jsonl"))
            .Select(l => JsonSerializer.Deserialize<Alert>(l, AlertJson.Options)!).ToList();
        await new AlertStore(database).UpsertAsync(angara);
        var gap = angara.Single(a => a.Gap is not null).Id;
        await using var connection = await database.OpenConnectionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO alert (id, kind, mmsi, imo, vessel_name, start_time, end_time, severity, severity_reason, score, score_explanation,
                               rules, evidence, latitude, longitude, first_raised, last_updated)
            SELECT 'Bench:' || (200000000 + v) || ':' || to_char(t, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ':' || g,
                   ($2::text[])[1 + g % 9], 200000000 + v, CASE WHEN v % 3 <> 0 THEN 9000000 + v END,
                   ($3::text[])[1 + v % 24] || ' ' || ($3::text[])[1 + (v / 24) % 24],
                   t, t + interval '30 hours', CASE WHEN g % 10 = 0 THEN 'high' WHEN g % 10 < 4 THEN 'medium' ELSE 'low' END,
                   'synthetic', (g % 100) / 10.0, 'synthetic', '[{"name":"GoneDark","fired":true,"detail":"synthetic"}]'::jsonb,
                   CASE WHEN g % 50 = 0 THEN e.evidence ELSE e.evidence - 'watch_lists' END,
                   -60 + ((g * 7) % 12000) / 100.0, -180 + ((g * 13) % 36000) / 100.0, t, t + interval '30 hours'
            FROM (SELECT evidence FROM alert WHERE id = $1) e, generate_series(1, $4) g,
                 LATERAL (SELECT ((g::bigint * 7919) % 60000)::int AS v, timestamptz '2022-01-01' + g * (interval '3 years' / $4) AS t) x
            """, connection))
        {
            insert.CommandTimeout = 0;
            insert.Parameters.Add(new() { Value = gap, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = Kinds });
            insert.Parameters.Add(new() { Value = Words });
            insert.Parameters.Add(new() { Value = alerts });
            await insert.ExecuteNonQueryAsync();
        }

        await using var triage = new NpgsqlCommand("""
            INSERT INTO alert_triage (alert_id, status, dismissal_reason)
            SELECT id, s, CASE WHEN s = 'dismissed' THEN 'synthetic' END
            FROM (SELECT id, CASE WHEN h < 60 THEN 'new' WHEN h < 80 THEN 'acknowledged' WHEN h < 83 THEN 'escalated' WHEN h < 93 THEN 'dismissed' ELSE 'resolved' END AS s
                  FROM (SELECT id, abs(hashtext(id)) % 100 AS h FROM alert WHERE id LIKE 'Bench:%') a) b
            """, connection) { CommandTimeout = 0 };
        await triage.ExecuteNonQueryAsync();
        foreach (var table in new[] { "alert", "alert_triage" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync();
        }
    }

    private static async Task<(double Milliseconds, JsonNode Body)> Time(HttpClient http, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
        }

        return (elapsed, JsonNode.Parse(text)!);
    }

    private static string Stats(List<double> ms)
    {
        if (ms.Count == 0)
        {
            return "–";
        }

        ms.Sort();
        double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{At(0.5):0.0} / **{At(0.95):0.0}** / {ms[^1]:0.0}");
    }

    private static string Box(Random random)
    {
        var (south, west) = (-60 + (random.NextDouble() * 110), -180 + (random.NextDouble() * 350));
        return string.Create(CultureInfo.InvariantCulture, $"bbox={south:0.##},{west:0.##},{south + 10:0.##},{west + 10:0.##}");
    }

    private static string Month(Random random)
    {
        var from = new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(random.Next(36));
        return string.Create(CultureInfo.InvariantCulture, $"from={from:yyyy-MM-ddTHH:mm:ssZ}&to={from.AddMonths(1):yyyy-MM-ddTHH:mm:ssZ}");
    }

    private static async Task WaitForApi(HttpClient http, Process worker)
    {
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(120); await Task.Delay(200))
        {
            if (worker.HasExited)
            {
                throw new InvalidOperationException($"the worker exited with {worker.ExitCode}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/api/alerts/counts", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    Console.WriteLine("alerts by status: " + await response.Content.ReadAsStringAsync());
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
        }

        throw new TimeoutException("the worker's API did not answer within 120 s");
    }

    private static Process StartWorker(string connection, string folder, string incoming, int port)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "aismonitor.dll")}\" run --urls http://127.0.0.1:{port} --no-builtin-watch-list");
        start.Environment["ConnectionStrings__AisMonitor"] = connection;
        start.Environment["AisMonitor__DataFolder"] = Path.Combine(folder, "data");
        start.Environment["AisMonitor__Sources__0__Name"] = "none";
        start.Environment["AisMonitor__Sources__0__Kind"] = "folder";
        start.Environment["AisMonitor__Sources__0__Path"] = incoming;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }
}
