using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AisMonitor.Worker.Tests.Hosting;

/// <summary>
/// <c>aismonitor run</c> as ops teams run it: a real process, a real PostgreSQL, NMEA servers on
/// loopback that send, drop, stall and come back.
/// </summary>
[Collection(LiveWorkerCollection.Name)]
public sealed class LiveWorkerTests(LivePostgres postgres) : IClassFixture<LivePostgres>
{
    private const string Angara = "sample-tracks/angara-2024/angara-2024.nmea.gz";

    private Dictionary<string, string> Environment(string connection, int feedPort) => postgres.WorkerEnvironment(connection, "coast", "tcp", feedPort);

    [Fact]
    public async Task A_tcp_feed_gives_the_alerts_a_replay_of_it_gives_and_sigterm_saves_a_checkpoint()
    {
        var data = await File.ReadAllBytesAsync(Path.Combine(Core.Tests.Support.TestData.RepositoryRoot, Angara));
        await using var feed = new FeedServer(async (stream, connection, stop) =>
        {
            await using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
            await gzip.CopyToAsync(stream, stop);
            await Task.Delay(Timeout.Infinite, stop); // the server stays up; the feed has simply sent its history
        });
        var connection = await postgres.CreateDatabaseAsync();
        var environment = Environment(connection, feed.Port);
        environment["AisMonitor__Live__MaximumLag"] = "36500.00:00:00"; // a 2024 history: event time is years behind the clock
        await using var worker = LiveWorker.Start(environment);

        await worker.WaitUntilAsync(async () => await worker.MetricAsync("aismonitor_source_lines_total", "source=\"coast\"") >= 125_667, "every line of the Angara feed read");
        await worker.WaitUntilAsync(async () => (await worker.GetAsync("/readyz")).Status == HttpStatusCode.OK, "ready");
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/healthz")).Status);
        Assert.Null(await worker.MetricAsync("aismonitor_source_rejected_total"));
        await AssertPromtoolAccepts((await worker.GetAsync("/metrics")).Body);
        await worker.WaitUntilAsync(async () => await worker.MetricAsync("aismonitor_queue_depth") == 0, "detection caught up");
        Assert.Equal(0, await worker.TerminateAsync());
        Assert.Contains("checkpoint saved", worker.Log, StringComparison.Ordinal);

        // Everything stored is what the replay of the same feed gives (the live worker has not seen the end of input, so it may hold fewer).
        var replayed = File.ReadLines(Path.Combine(Core.Tests.Support.TestData.RepositoryRoot, "sample-tracks/angara-2024/approved.alerts.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToHashSet();
        var stored = await LivePostgres.RowsAsync(connection, "SELECT id FROM alert ORDER BY id");
        Assert.Subset(replayed, stored.ToHashSet());
        Assert.Contains("TransponderGap:273210440:2024-01-25T05:59:19Z", stored);
        Assert.Contains(stored, id => id.StartsWith("PossibleDarkPortCall:273210440:", StringComparison.Ordinal));
        var checkpoint = Assert.Single(await LivePostgres.RowsAsync(connection, "SELECT worker, watermark FROM engine_checkpoint"));
        Assert.StartsWith("default|", checkpoint, StringComparison.Ordinal);
    }

    /// <summary>Prometheus's own linter, as a scraper would judge the page (Debian's prometheus package; test.sh installs it).</summary>
    private static async Task AssertPromtoolAccepts(string metrics)
    {
        var start = new System.Diagnostics.ProcessStartInfo("promtool", "check metrics") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        System.Diagnostics.Process promtool;
        try
        {
            promtool = System.Diagnostics.Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("promtool is not installed: install Debian's prometheus package (./test.sh does when it runs as root).");
            return;
        }

        using (promtool)
        {
            await promtool.StandardInput.WriteAsync(metrics);
            promtool.StandardInput.Close();
            var output = await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync();
            await promtool.WaitForExitAsync();
            Assert.True(promtool.ExitCode == 0 && output.Trim().Length == 0, $"promtool check metrics (exit {promtool.ExitCode}): {output}");
            Assert.Contains("aismonitor_source_lines_total{", metrics, StringComparison.Ordinal);
            Assert.Contains("aismonitor_event_time_lag_seconds{", metrics, StringComparison.Ordinal);
            Assert.Contains("aismonitor_alert_updates_total{", metrics, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_feed_cut_for_longer_than_the_gap_minimum_raises_no_gap()
    {
        // Ten vessels every half second; the server drops the connection after 4 s and hangs for 14 s
        // (connections accepted, nothing sent), then sends again for 4 s: the gap minimum is 8 s.
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (alerts, log) = await RunShortGapFeed(async (stream, connection, server, stop) =>
        {
            if (connection == 0)
            {
                await SendFleet(stream, TimeSpan.FromSeconds(4), silentAfter: null, stop);
                server.StopAccepting();
                _ = Task.Delay(TimeSpan.FromSeconds(14), stop).ContinueWith(_ => server.StartAccepting(), TaskScheduler.Default);
                return;
            }

            await SendFleet(stream, TimeSpan.FromSeconds(4), silentAfter: null, stop);
            sent.TrySetResult();
            await Task.Delay(Timeout.Infinite, stop);
        }, sent.Task);

        var down = log.IndexOf("Source coast is down or quiet", StringComparison.Ordinal);
        var back = log.IndexOf("Source coast is heard again", StringComparison.Ordinal);
        Assert.True(down >= 0 && back > down && log.IndexOf("Source coast is down or quiet", down + 1, StringComparison.Ordinal) is var again && (again < 0 || again > back), log); // down once while cut (not again on reconnecting), then back
        Assert.DoesNotContain("Source coast is down or quiet (quiet", log, StringComparison.Ordinal); // down at the cut, even when it reconnected (0.1 s) before the next tick (0.2 s) could see it disconnected
        Assert.True(alerts.Count == 0, string.Join("\n", alerts) + "\n" + log);
    }

    [Fact]
    public async Task A_vessel_that_falls_silent_while_the_feed_goes_on_raises_a_gap()
    {
        // The same settings as above, the feed never cut: the vessel silent for 15 s is a gap.
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (alerts, log) = await RunShortGapFeed(async (stream, connection, server, stop) =>
        {
            await SendFleet(stream, TimeSpan.FromSeconds(18), silentAfter: TimeSpan.FromSeconds(3), stop);
            sent.TrySetResult();
            await Task.Delay(Timeout.Infinite, stop);
        }, sent.Task);

        Assert.True(alerts.Count == 1, string.Join("\n", alerts) + "\n" + log);
        var gap = alerts[0];
        Assert.StartsWith("TransponderGap:244123400:", gap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_one_of_two_sources_is_cut_only_its_vessels_are_spared()
    {
        // Source "coast" hears vessels 244123400–09 throughout, and one of them falls silent after 3 s;
        // source "sat" hears 244123410–19 and is cut from 4 s to 18 s. Only the silent vessel is a gap.
        FeedServer? satellite = null;
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var coast = new FeedServer(async (stream, connection, stop) =>
        {
            await SendFleet(stream, TimeSpan.FromMinutes(10), silentAfter: TimeSpan.FromSeconds(3), stop); // until the test ends: coast never goes quiet
        });
        await using var sat = satellite = new FeedServer(async (stream, connection, stop) =>
        {
            await SendFleet(stream, TimeSpan.FromSeconds(4), silentAfter: null, stop, firstMmsi: 244_123_410);
            if (connection == 0)
            {
                satellite!.StopAccepting();
                _ = Task.Delay(TimeSpan.FromSeconds(14), stop).ContinueWith(_ => satellite.StartAccepting(), TaskScheduler.Default);
                return;
            }

            sent.TrySetResult();
            await Task.Delay(Timeout.Infinite, stop);
        });
        var (alerts, log) = await RunShortGapFeed(coast.Port, sat.Port, sent.Task);

        Assert.True(alerts.Count == 1 && alerts[0].StartsWith("TransponderGap:244123400:", StringComparison.Ordinal), string.Join("\n", alerts) + "\n" + log);
        Assert.Contains("Source sat is down or quiet (the", log, StringComparison.Ordinal); // at the cut, not once quiet
        Assert.DoesNotContain("Source coast is down", log, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the worker with gaps of 8 s (every one an alert), a 5 s expected interval (ten reports: a loaded machine that stalls the sender or the worker for seconds must not make the source look quiet) and 1 s windows, over <paramref name="script"/>,
    /// until the script has <paramref name="sent"/> all it sends and the worker has detected it; the transponder gaps stored and the log.
    /// </summary>
    private async Task<(List<string> Gaps, string Log)> RunShortGapFeed(Func<NetworkStream, int, FeedServer, CancellationToken, Task> script, Task sent)
    {
        FeedServer? server = null;
        await using var feed = server = new FeedServer((stream, connection, stop) => script(stream, connection, server!, stop));
        return await RunShortGapFeed(feed.Port, null, sent);
    }

    /// <summary>
    /// The same, with the sources "coast" on <paramref name="coastPort"/> and, when given, "sat" on <paramref name="satellitePort"/>.
    /// Every timeline starts when the worker connects, and the run ends once everything is sent, read and past the reordering window,
    /// so that a loaded machine that starts the worker slowly changes nothing.
    /// </summary>
    private async Task<(List<string> Gaps, string Log)> RunShortGapFeed(int coastPort, int? satellitePort, Task sent)
    {
        var connection = await postgres.CreateDatabaseAsync();
        var environment = Environment(connection, coastPort);
        if (satellitePort is { } port)
        {
            LivePostgres.AddSource(environment, 1, "sat", "tcp", port);
            environment["AisMonitor__Sources__1__ExpectedInterval"] = "00:00:05";
        }

        environment["AisMonitor__Sources__0__ExpectedInterval"] = "00:00:05";
        environment["AisMonitor__Live__ClockTick"] = "00:00:00.2";
        environment["AisMonitor__Detection__Gaps__MinimumDuration"] = "0:00:00:08";
        environment["AisMonitor__Detection__Gaps__MinimumScore"] = "0";
        environment["AisMonitor__Detection__Tracking__ReorderingWindow"] = "0:00:00:01";
        environment["AisMonitor__Detection__Tracking__SweepInterval"] = "0:00:00:01";
        environment["AisMonitor__Detection__Tracking__DuplicateWindow"] = "0:00:00:00";
        await using var worker = LiveWorker.Start(environment, "--no-builtin-watch-list");
        await worker.WaitUntilAsync(() => Task.FromResult(sent.IsCompleted), "the feed's script sent everything", TimeSpan.FromMinutes(3));
        await worker.WaitUntilAsync(async () => await worker.MetricAsync("aismonitor_queue_depth") == 0, "detection caught up");
        await Task.Delay(TimeSpan.FromSeconds(3)); // past the 1 s reordering window and a sweep
        Assert.Equal(0, await worker.TerminateAsync());
        // Each gap's id first (the assertions read it), then what a failure needs to tell a race from a rule: open or when it ended, when raised, why.
        const string Gaps = "SELECT id || ' ended ' || coalesce(end_time::text, 'open') || ', raised ' || first_raised::text || ': ' || score_explanation FROM alert WHERE kind = 'transponder_gap' ORDER BY id";
        return (await LivePostgres.RowsAsync(connection, Gaps), worker.Log);
    }

    /// <summary>Position reports of vessels 244123400–244123409 every half second for <paramref name="duration"/>, without times of their own (stamped on arrival); the first stops after <paramref name="silentAfter"/>.</summary>
    private static async Task SendFleet(NetworkStream stream, TimeSpan duration, TimeSpan? silentAfter, CancellationToken stop, uint firstMmsi = 244_123_400)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var step = 0; started.Elapsed < duration; step++)
        {
            var silent = silentAfter is { } after && started.Elapsed > after;
            var lines = UntimedReports.Lines(Enumerable.Range(silent ? 1 : 0, silent ? 9 : 10).Select(i => (firstMmsi + (uint)i, 52 + (i * 0.01), 4 + (step * 0.0001))));
            await stream.WriteAsync(Encoding.ASCII.GetBytes(lines), stop);
            await Task.Delay(500, stop);
        }
    }
}
