using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Encoding;
using AisMonitor.Core.Nmea;
using AisMonitor.Storage;
using NodaTime;
using Npgsql;
using static AisMonitor.Benchmarks.BenchmarkArguments;

namespace AisMonitor.Benchmarks.Live;

/// <summary>
/// The live worker measured as ops teams run it: a feeder and <c>aismonitor run</c> on this machine,
/// over loopback TCP, into a real PostgreSQL (started here). The feeder sends position reports of
/// 100,000 vessels without times of their own (stamped on arrival), at a fixed rate or as fast as the
/// worker takes them, and every so often the first report of a new identity that is an alert at once
/// (an MMSI no administration holds: an identity conflict). It reports the messages per second the
/// worker sustained (from its own /metrics) and, for each triggering report, the time from its send
/// to its alert's row in PostgreSQL (<c>stored_first</c>, the writing transaction's time).
/// <c>dotnet run -c Release --project tests/AisMonitor.Benchmarks -- live --rate 20000 --seconds 60</c>
/// (or <c>--rate max</c>).
/// </summary>
internal static class LiveBenchmark
{
    private const int Vessels = 100_000;
    private const int PointsPerLap = 12;

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = Option(args, "--rate", "max") is var r && r == "max" ? (int?)null : int.Parse(r, CultureInfo.InvariantCulture);
        var seconds = double.Parse(Option(args, "--seconds", "60"), CultureInfo.InvariantCulture);
        var alertsPerSecond = double.Parse(Option(args, "--alerts-per-second", "20"), CultureInfo.InvariantCulture);
        var window = Option(args, "--reordering-window", "0:00:00:00.5");
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-live-bench-{Guid.NewGuid():N}");
        Console.WriteLine($"live benchmark: rate {(rate is { } x ? x.ToString("N0", CultureInfo.InvariantCulture) + " messages/s" : "max")}, {seconds:0} s, {alertsPerSecond:0} triggering reports/s, reordering window {window}; work in {folder}");

        var background = Background();
        var cluster = await LocalPostgresCluster.StartAsync(Path.Combine(folder, "pg"));
        var connection = cluster.ConnectionString();
        await using (var admin = NpgsqlDataSource.Create(connection))
        {
            await using var command = admin.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync();
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var httpPort = FreePort();
        var worker = StartWorker(connection, folder, ((IPEndPoint)listener.LocalEndpoint).Port, httpPort, window);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        try
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var sentAt = new Dictionary<uint, Instant>();
            var conflictMid = Enumerable.Range(200, 600).First(mid => FlagStates.CountryOfMid(mid) is null);
            var writer = new NmeaSentenceWriter();
            long sent = 0;
            var nextConflict = 0;
            var run = Stopwatch.StartNew();
            double? startLines = null;
            var measuredFrom = TimeSpan.Zero;
            var chunk = new byte[1 << 16];
            while (run.Elapsed.TotalSeconds < seconds)
            {
                // Background reports: at the rate (checked every millisecond), or a chunk at a time.
                var due = rate is { } perSecond ? (long)(run.Elapsed.TotalSeconds * perSecond) - sent : 2048;
                var length = 0;
                for (var i = 0; i < due && length < chunk.Length - 100; i++)
                {
                    var line = background[(int)(sent % background.Length)];
                    line.CopyTo(chunk, length);
                    length += line.Length;
                    sent++;
                }

                if (nextConflict < run.Elapsed.TotalSeconds * alertsPerSecond)
                {
                    var mmsi = (uint)((conflictMid * 1_000_000) + 1 + nextConflict++);
                    var (payload, fill) = AisEncoder.Encode(new PositionReport { MessageType = 1, Mmsi = new Mmsi(mmsi), LatitudeDegrees = 10, LongitudeDegrees = -30, SpeedOverGroundKnots = 8 });
                    var text = writer.Write(payload, fill, Instant.FromUnixTimeSeconds(0), source: null).Single();
                    var bytes = Encoding.ASCII.GetBytes(text[text.IndexOf('!', StringComparison.Ordinal)..] + "\r\n");
                    bytes.CopyTo(chunk, length);
                    length += bytes.Length;
                    sent++;
                    await stream.WriteAsync(chunk.AsMemory(0, length));
                    if (startLines is not null)
                    {
                        sentAt[mmsi] = SystemClock.Instance.GetCurrentInstant(); // measured after the warm-up, like the rate
                    }

                    length = 0;
                }

                if (length > 0)
                {
                    await stream.WriteAsync(chunk.AsMemory(0, length));
                }

                if (startLines is null && run.Elapsed.TotalSeconds >= Math.Min(10, seconds / 4))
                {
                    startLines = await Metric(http, "aismonitor_source_lines_total"); // after warm-up
                    measuredFrom = run.Elapsed;
                }

                if (rate is not null)
                {
                    await Task.Delay(1);
                }
            }

            var endLines = await Metric(http, "aismonitor_source_lines_total");
            var measured = run.Elapsed - measuredFrom;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent {sent:N0} lines in {run.Elapsed.TotalSeconds:0.0} s; the worker read {(endLines - startLines) / measured.TotalSeconds:N0} lines/s over the last {measured.TotalSeconds:0} s"));
            var drained = Stopwatch.StartNew();
            while (await Metric(http, "aismonitor_source_lines_total") < sent || await Metric(http, "aismonitor_queue_depth") > 0)
            {
                await Task.Delay(100);
            }

            var positions = await Metric(http, "aismonitor_engine_messages_total", "outcome=\"position\"");
            var duplicates = await Metric(http, "aismonitor_engine_messages_total", "outcome=\"duplicate\"");
            var late = await Metric(http, "aismonitor_engine_messages_total", "outcome=\"late\"");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"detection caught up {drained.Elapsed.TotalSeconds:0.0} s after the feeder stopped: {sent / (run.Elapsed + drained.Elapsed).TotalSeconds:N0} messages/s end to end; positions used {positions:N0}, duplicates {duplicates:N0}, late {late:N0}"));
            await Task.Delay(TimeSpan.FromSeconds(2)); // the last alerts to the database
            var latencies = new List<double>();
            var worst = new List<(double Ms, double At)>();
            await using (var source = AisMonitorDataSource.Create(connection))
            await using (var command = source.CreateCommand("SELECT mmsi, stored_first FROM alert WHERE kind = 'identity_conflict'"))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    if (sentAt.TryGetValue((uint)reader.GetInt32(0), out var at))
                    {
                        latencies.Add((reader.GetFieldValue<Instant>(1) - at).TotalMilliseconds);
                        worst.Add(((reader.GetFieldValue<Instant>(1) - at).TotalMilliseconds, (at - sentAt.Values.Min()).TotalSeconds));
                    }
                }
            }

            latencies.Sort();
            double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"triggering report to stored alert, after the warm-up: {latencies.Count} of {sentAt.Count} alerts stored; p50 {Percentile(0.5):N0} ms, p90 {Percentile(0.9):N0} ms, p99 {Percentile(0.99):N0} ms, max {Percentile(1):N0} ms"));
            Console.WriteLine("slowest (ms at s): " + string.Join(", ", worst.OrderByDescending(w => w.Ms).Take(12).Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Ms:0} at {w.At:0.0}"))));
            return latencies.Count == sentAt.Count ? 0 : 1; // every alert measured was stored
        }
        finally
        {
            using (var term = Process.Start("kill", $"-TERM {worker.Id}"))
            {
                await term.WaitForExitAsync();
            }

            await worker.WaitForExitAsync();
            await cluster.DisposeAsync(); // stopped before its folder goes
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Position reports of 100,000 vessels, each circling a few metres (plausible at any rate), 12 points a lap, as NMEA lines without tag blocks.</summary>
    private static byte[][] Background()
    {
        var writer = new NmeaSentenceWriter();
        var lines = new byte[Vessels * PointsPerLap][];
        for (var point = 0; point < PointsPerLap; point++)
        {
            var angle = 2 * Math.PI * point / PointsPerLap;
            for (var v = 0; v < Vessels; v++)
            {
                var latitude = -50 + (v / 1000 * 1.0) + (0.00002 * Math.Sin(angle));
                var longitude = -170 + (v % 1000 * 0.3) + (0.00002 * Math.Cos(angle));
                var report = new PositionReport { MessageType = 1, Mmsi = new Mmsi((uint)(232_000_001 + v)), LatitudeDegrees = latitude, LongitudeDegrees = longitude, SpeedOverGroundKnots = 0.1 };
                var (payload, fill) = AisEncoder.Encode(report);
                var text = writer.Write(payload, fill, Instant.FromUnixTimeSeconds(0), source: null).Single();
                lines[(point * Vessels) + v] = Encoding.ASCII.GetBytes(text[text.IndexOf('!', StringComparison.Ordinal)..] + "\r\n");
            }
        }

        return lines;
    }

    private static Process StartWorker(string connection, string folder, int feedPort, int httpPort, string window)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "aismonitor.dll")}\" run --urls http://127.0.0.1:{httpPort} --no-builtin-watch-list")
        {
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        start.Environment["ConnectionStrings__AisMonitor"] = connection;
        start.Environment["AisMonitor__DataFolder"] = Path.Combine(folder, "data");
        start.Environment["AisMonitor__Sources__0__Name"] = "feeder";
        start.Environment["AisMonitor__Sources__0__Kind"] = "tcp";
        start.Environment["AisMonitor__Sources__0__Host"] = "127.0.0.1";
        start.Environment["AisMonitor__Sources__0__Port"] = feedPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["AisMonitor__Detection__Tracking__ReorderingWindow"] = window;
        start.Environment["AisMonitor__Detection__Tracking__DuplicateWindow"] = "0:00:00:00"; // at millions a second each vessel repeats its points within 2 s: no message may take the cheap duplicate path
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    private static async Task<double> Metric(HttpClient http, string name, string labels = "")
    {
        var body = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        return body.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(labels, StringComparison.Ordinal)).Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
