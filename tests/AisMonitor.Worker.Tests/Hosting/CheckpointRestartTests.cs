using System.IO.Compression;
using System.Net;

namespace AisMonitor.Worker.Tests.Hosting;

/// <summary>
/// A worker killed with <c>kill -9</c> in the middle of a folder feed, then started again, resumes
/// from its last checkpoint (open gaps and port calls intact, the current file resumed after the
/// messages already detected) and stores exactly what an uninterrupted run stores: nothing lost,
/// nothing twice.
/// </summary>
[Collection(LiveWorkerCollection.Name)]
public sealed class CheckpointRestartTests(LivePostgres postgres, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<LivePostgres>
{
    private const string Alerts = "SELECT id, kind, severity, start_time, end_time, score, score_explanation, rules::text, evidence::text, first_raised, last_updated FROM alert ORDER BY id";
    private const string PortCalls = "SELECT id, arrival, departure, stopped_hours, port_gaps::text FROM port_call ORDER BY id";

    [Fact]
    public async Task Kill_9_mid_folder_and_a_restart_store_exactly_what_an_uninterrupted_run_stores()
    {
        var (parts, whole) = await UninterruptedRun();

        // 33 days at 300,000 times real time: about 10 s, killed a third of the way in.
        var interrupted = await postgres.CreateDatabaseAsync();
        var folder = Copy(parts);
        var environment = Environment(interrupted, folder, speed: 300_000);
        await using (var worker = LiveWorker.Start(environment))
        {
            await worker.WaitUntilAsync(async () => await worker.MetricAsync("aismonitor_source_lines_total") > 45_000, "a third of the feed read");
            await worker.WaitUntilAsync(async () => await worker.MetricAsync("aismonitor_checkpoint_age_seconds") >= 0, "a checkpoint saved");
            await worker.KillAsync();
        }

        var restarted = await LivePostgres.RowsAsync(interrupted, "SELECT count(*) FROM alert");
        environment["AisMonitor__Sources__0__Speed"] = "0";
        await using (var worker = LiveWorker.Start(environment))
        {
            await worker.WaitUntilAsync(() => Task.FromResult(worker.Log.Contains($"file part-{Files}.nmea done", StringComparison.Ordinal)), "every file read after the restart");
            Assert.Equal(0, await worker.TerminateAsync());
            Assert.Contains("Resumed from the checkpoint", worker.Log, StringComparison.Ordinal);
            Assert.Matches(@"\([1-9]\d* skipped as already detected before a restart\)", worker.Log);
        }

        Assert.NotEqual(["0"], restarted); // the kill came after alerts had been stored
        await AssertSameStored(whole, interrupted);
    }

    [Fact]
    public async Task The_database_restarted_mid_stream_loses_and_duplicates_nothing()
    {
        var (parts, whole) = await UninterruptedRun();
        var interrupted = await postgres.CreateDatabaseAsync();
        var environment = Environment(interrupted, Copy(parts), speed: 300_000);
        environment["AisMonitor__Storage__MemoryBuffer"] = "2"; // so that the outage goes through the spool file
        await using var worker = LiveWorker.Start(environment);
        await worker.WaitUntilAsync(async () => await worker.MetricAsync("aismonitor_source_lines_total") > 30_000, "a quarter of the feed read");
        await postgres.Cluster.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await worker.GetAsync("/readyz")).Status);
        await postgres.Cluster.RestartAsync();
        await worker.WaitUntilAsync(() => Task.FromResult(worker.Log.Contains($"file part-{Files}.nmea done", StringComparison.Ordinal)), "every file read");
        await worker.WaitUntilAsync(async () => await worker.MetricAsync("aismonitor_spool_size_bytes") == 0, "the spool written");
        Assert.Equal(0, await worker.TerminateAsync());
        Assert.Contains("database unavailable", worker.Log, StringComparison.Ordinal);
        Assert.Contains("database reachable again", worker.Log, StringComparison.Ordinal);
        await AssertSameStored(whole, interrupted);
    }

    [Fact]
    public async Task Of_two_replicas_one_is_active_and_the_standby_takes_over_within_30_s_of_a_kill_9_losing_and_duplicating_nothing()
    {
        var (parts, whole) = await UninterruptedRun();
        var shared = await postgres.CreateDatabaseAsync();
        var folder = Copy(parts); // the feed both replicas can reach (a volume they share)
        var first = Environment(shared, folder, speed: 300_000);
        var second = new Dictionary<string, string>(first) { ["AisMonitor__DataFolder"] = first["AisMonitor__DataFolder"] + "-second" };
        second["AisMonitor__Live__StandbyPollInterval"] = "00:00:01";
        await using var active = LiveWorker.Start(first);
        await active.WaitUntilAsync(() => Task.FromResult(active.Log.Contains("Active: this process holds the lease", StringComparison.Ordinal)), "the first replica active");
        await using var standby = LiveWorker.Start(second);
        await standby.WaitUntilAsync(() => Task.FromResult(standby.Log.Contains("Standing by", StringComparison.Ordinal)), "the second replica standing by");
        await standby.WaitUntilAsync(async () => (await standby.GetAsync("/readyz")) is (HttpStatusCode.OK, var body) && body.Contains("standby", StringComparison.Ordinal), "the standby ready");
        Assert.Equal(0, await standby.MetricAsync("aismonitor_active"));
        Assert.Equal(1, await active.MetricAsync("aismonitor_active"));

        await active.WaitUntilAsync(async () => await active.MetricAsync("aismonitor_source_lines_total") > 45_000, "a third of the feed read");
        await active.WaitUntilAsync(async () => await active.MetricAsync("aismonitor_checkpoint_age_seconds") >= 0, "a checkpoint saved");
        Assert.DoesNotContain("file part-1.nmea", standby.Log, StringComparison.Ordinal); // the standby reads nothing
        var killed = System.Diagnostics.Stopwatch.StartNew();
        await active.KillAsync();
        await standby.WaitUntilAsync(() => Task.FromResult(standby.Log.Contains("Active: this process holds the lease", StringComparison.Ordinal)), "the standby active", TimeSpan.FromSeconds(30));
        Assert.True(killed.Elapsed < TimeSpan.FromSeconds(30), $"took over in {killed.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine($"the standby took over {killed.Elapsed.TotalSeconds:0.0} s after the kill (StandbyPollInterval 1 s)");
        await standby.WaitUntilAsync(() => Task.FromResult(standby.Log.Contains($"file part-{Files}.nmea done", StringComparison.Ordinal)), "every file read by the replica that took over");
        Assert.Equal(0, await standby.TerminateAsync());
        Assert.Contains("Resumed from the checkpoint", standby.Log, StringComparison.Ordinal);
        await AssertSameStored(whole, shared);
    }

    [Fact]
    public async Task A_replica_whose_lease_was_taken_by_another_stops_without_overwriting_its_checkpoint()
    {
        var (parts, _) = await UninterruptedRun();
        var shared = await postgres.CreateDatabaseAsync();
        var environment = Environment(shared, Copy(parts), speed: 3_000); // slow: still reading when its lease is taken
        environment["AisMonitor__Live__StandbyPollInterval"] = "00:00:01";
        await using var worker = LiveWorker.Start(environment);
        await worker.WaitUntilAsync(async () => await worker.MetricAsync("aismonitor_checkpoint_age_seconds") >= 0, "a checkpoint saved");

        // Its lease's session ends (as a database restart or a network cut would end it), and another replica takes the lease first.
        // The replica may take its free lease back before the other does (a busy machine once let it: that is right,
        // the lease was free), so the session is ended again until the other holds it.
        await using var database = Storage.AisMonitorDataSource.Create(shared);
        await using var other = Storage.ActiveLease.For(database, "default");
        var ended = 0;
        var taken = false;
        for (var attempt = 0; attempt < 20 && !taken; attempt++)
        {
            await using (var end = database.CreateCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))
            {
                ended += Convert.ToInt32(await end.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }

            taken = await other.TryAcquireAsync();
        }

        Assert.True(ended > 0, "no session held the lease");
        Assert.True(taken, "the other replica never took the lease");
        var checkpoint = await LivePostgres.RowsAsync(shared, "SELECT taken_at FROM engine_checkpoint");

        await worker.WaitUntilAsync(() => Task.FromResult(worker.HasExited), "the replica stopped", TimeSpan.FromSeconds(30));
        Assert.Equal(1, await worker.WaitForExitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("Another worker holds the active lease", worker.Log, StringComparison.Ordinal);
        Assert.Equal(checkpoint, await LivePostgres.RowsAsync(shared, "SELECT taken_at FROM engine_checkpoint")); // the other's to write now
    }

    private const int Files = 4;

    /// <summary>The Angara feed cut into four files, and the database of a run that read them all without a fault.</summary>
    private async Task<(string Parts, string Database)> UninterruptedRun()
    {
        var parts = Path.Combine(postgres.Folder, $"angara-parts-{Guid.NewGuid():N}");
        var lines = ReadAngara();
        Directory.CreateDirectory(parts);
        for (var i = 0; i < Files; i++)
        {
            await File.WriteAllLinesAsync(Path.Combine(parts, $"part-{i + 1}.nmea"), lines.Skip(i * lines.Count / Files).Take(((i + 1) * lines.Count / Files) - (i * lines.Count / Files)));
        }

        var whole = await postgres.CreateDatabaseAsync();
        await using var worker = LiveWorker.Start(Environment(whole, Copy(parts), speed: 0));
        await worker.WaitUntilAsync(() => Task.FromResult(worker.Log.Contains($"file part-{Files}.nmea done", StringComparison.Ordinal)), "every file read");
        Assert.Equal(0, await worker.TerminateAsync());
        return (parts, whole);
    }

    private static async Task AssertSameStored(string whole, string other)
    {
        var expected = await LivePostgres.RowsAsync(whole, Alerts);
        Assert.True(expected.Count >= 6, string.Join("\n", expected));
        Assert.Equal(expected, await LivePostgres.RowsAsync(other, Alerts));
        Assert.Equal(await LivePostgres.RowsAsync(whole, PortCalls), await LivePostgres.RowsAsync(other, PortCalls));
    }

    private Dictionary<string, string> Environment(string connection, string folder, double speed) => new()
    {
        ["ConnectionStrings__AisMonitor"] = connection,
        ["AisMonitor__DataFolder"] = Path.Combine(folder, "..", Path.GetFileName(folder) + "-data"),
        ["AisMonitor__Sources__0__Name"] = "archive",
        ["AisMonitor__Sources__0__Kind"] = "folder",
        ["AisMonitor__Sources__0__Path"] = folder,
        ["AisMonitor__Sources__0__PollInterval"] = "00:00:00.1",
        ["AisMonitor__Sources__0__Speed"] = speed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AisMonitor__Live__CheckpointInterval"] = "00:00:00.5",
        ["AisMonitor__Live__MaximumLag"] = "36500.00:00:00",
    };

    private string Copy(string parts)
    {
        var copy = Path.Combine(postgres.Folder, $"incoming-{Guid.NewGuid():N}");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(parts))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    private static List<string> ReadAngara()
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(Core.Tests.Support.TestData.RepositoryRoot, "sample-tracks/angara-2024/angara-2024.nmea.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
