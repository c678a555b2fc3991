using System.Threading.Channels;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using AisMonitor.Ingestion.Live;
using AisMonitor.Ingestion.WatchLists;
using AisMonitor.Storage;
using AisMonitor.Worker.Commands;
using AisMonitor.Worker.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AisMonitor.Worker.Hosting;

/// <summary>
/// The live pipeline: the configured sources write message batches into one bounded channel; one
/// detection loop owns the engine and also takes clock ticks, feed-down notices, watch-list
/// reloads and checkpoint requests from that channel; alerts and port calls go to PostgreSQL
/// through the buffered writer (memory, then the spool, through database outages) and to the
/// metrics. It starts from the last checkpoint, checkpoints every <see cref="LiveOptions.CheckpointInterval"/>
/// and at shutdown, and on shutdown stops reading, drains what is queued, checkpoints and flushes.
/// </summary>
internal sealed partial class LiveDetectionService(
    LiveOptions live,
    SourceList sources,
    DetectionOptions detection,
    PortIndex places,
    WatchListFiles watchLists,
    DatabaseService database,
    LiveStatus status,
    AisMonitorMetrics metrics,
    IClock clock,
    ILoggerFactory loggers) : BackgroundService
{
    /// <summary>The checkpoint row's key and the active lease's name: replicas on one database share it, and one of them is active.</summary>
    public const string WorkerName = "default";

    private readonly ILogger _logger = loggers.CreateLogger<LiveDetectionService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Several replicas may share the database: one processes the feeds, the others stand by (ready, serving the API).
        await using var lease = ActiveLease.For(database.Database.DataSource, WorkerName);
        if (!await StandByUntilActiveAsync(lease, stoppingToken).ConfigureAwait(false))
        {
            return; // asked to stop while standing by
        }

        var storage = database.Database.Storage;
        var spoolPath = storage.SpoolPath;
        await using var updates = new BufferedStoreWriter(database.Database.DataSource, spoolPath, storage.MemoryBuffer, _logger, metrics.DatabaseWrite);
        var checkpoints = new CheckpointStore(database.Database.DataSource);
        var outputs = new DetectionOutputs(new StoreOutput(updates), metrics);
        Checkpoint? restored = null;
        await Outages.RetryAsync(async () => restored = await checkpoints.LoadAsync(WorkerName, stoppingToken).ConfigureAwait(false), TimeSpan.FromMinutes(1), _logger, stoppingToken).ConfigureAwait(false);
        var land = Pipeline.ReplayPipeline.BuiltInLand;
        var engine = restored is null ? new DetectionEngine(detection, places, outputs) { Land = land } : DetectionEngine.Restore(detection, places, outputs, restored.Snapshot, land);
        if (restored is not null)
        {
            Restored(_logger, restored.TakenAt, restored.Snapshot.Watermark, engine.Statistics.Vessels);
        }

        var loop = new DetectionLoop(engine);
        loop.RestorePositions(restored?.Sources ?? new Dictionary<string, string>());
        loop.Handle(new WatchListsReplaced(watchLists.Current));
        var channel = Channel.CreateBounded<PipelineItem>(new BoundedChannelOptions(live.QueueBatches) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var pool = new BatchPool(live.BatchMessages);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var running = sources.Select((s, i) => Start(s, new SourceBatcher(s.Name, (byte)(i + 1), channel.Writer, pool, clock), restored?.Sources.GetValueOrDefault(s.Name), reading.Token)).ToList();
        status.Attach([.. running.Select(r => r.Status)], loop, channel.Reader, updates, spoolPath);

        var detecting = Task.Run(() => loop.RunAsync(channel.Reader, pool.Return, CancellationToken.None), CancellationToken.None);
        _ = detecting.ContinueWith(_ => reading.Cancel(), TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously); // detection failed: stop reading too
        // Only streams follow the clock: files bring their own times (a logger's hourly file lands an hour late), so a folder moves event time by its messages alone.
        var streams = running.Select((r, i) => (r.Status, Feed: (byte)(i + 1))).Where(r => r.Status.Kind != "folder").ToList();
        var ticking = streams.Count > 0 ? TickAsync(channel.Writer, streams, reading.Token) : Task.CompletedTask;
        var checkpointing = CheckpointEveryAsync(channel.Writer, updates, checkpoints, lease, reading.Token);
        var reloading = ReloadWatchListsAsync(channel.Writer, reading.Token);
        var leasing = KeepLeaseAsync(lease, reading.Token);
        _ = leasing.ContinueWith(_ => reading.Cancel(), TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously); // the lease went to another: stop everything
        try
        {
            await Task.WhenAll([.. running.Select(r => r.Task), ticking, checkpointing, reloading, leasing]).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (reading.IsCancellationRequested)
        {
            // stopping
        }
        catch (Exception e)
        {
            status.Failure = e; // a source failed in a way it could not recover from: the process stops, non-zero
            throw;
        }
        finally
        {
            // Stop reading (done above by the token), let detection drain what is queued, checkpoint, flush.
            await reading.CancelAsync().ConfigureAwait(false);
            if (!detecting.IsFaulted)
            {
                await Checkpoint(channel.Writer, updates, checkpoints, lease, CancellationToken.None).ConfigureAwait(false);
            }

            channel.Writer.TryComplete();
            if (detecting.Exception?.InnerException is { } failure)
            {
                status.Failure = failure;
            }

            await detecting.ConfigureAwait(false); // surfaces a detection failure: the host stops with it
            if (!await updates.CompleteAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false))
            {
                StorageMessage(_logger, $"the database did not take every update in time: {updates.Spooled:N0} updates are kept in the spool and written at the next start");
            }

            Stopped(_logger, loop.Read, engine.Watermark);
        }
    }

    /// <summary>Asks for the lease every <see cref="LiveOptions.StandbyPollInterval"/> until this worker has it (true) or is stopped (false).</summary>
    private async Task<bool> StandByUntilActiveAsync(ActiveLease lease, CancellationToken stop)
    {
        var announced = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await lease.TryAcquireAsync(stop).ConfigureAwait(false))
                {
                    status.Standby = false;
                    Active(_logger, WorkerName);
                    return true;
                }

                status.Standby = true;
                if (!announced)
                {
                    StandingBy(_logger, WorkerName, live.StandbyPollInterval.TotalSeconds);
                    announced = true;
                }
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                StorageMessage(_logger, $"cannot ask for the active lease ({e.Message}); asking again in {live.StandbyPollInterval.TotalSeconds:0} s");
            }

            try
            {
                await Task.Delay(live.StandbyPollInterval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Checks the lease's session every <see cref="LiveOptions.StandbyPollInterval"/>. When it is gone (the database
    /// restarted, the connection broke), work goes on (updates are buffered as in any outage) while the lease is asked
    /// back; if another worker holds it by then, this one stops (non-zero exit) rather than process the feeds twice.
    /// </summary>
    private async Task KeepLeaseAsync(ActiveLease lease, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(live.StandbyPollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                if (lease.Held && await lease.CheckAsync(stop).ConfigureAwait(false))
                {
                    continue;
                }

                try
                {
                    if (await lease.TryAcquireAsync(stop).ConfigureAwait(false))
                    {
                        StorageMessage(_logger, "the active lease's session was lost and is held again");
                        continue;
                    }
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
                {
                    StorageMessage(_logger, $"the active lease's session is lost and the database does not answer ({e.Message}); working on, asking again");
                    continue;
                }

                throw new InvalidOperationException("Another worker holds the active lease (this one lost its database session): stopping so that the feeds are processed once. Restart it: it stands by.");
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private (SourceStatus Status, Task Task) Start(SourceOptions options, SourceBatcher sink, string? position, CancellationToken stop)
    {
        var logger = loggers.CreateLogger("AisMonitor.Sources." + options.Name);
        switch (options.Kind)
        {
            case "tcp":
                var tcp = new TcpNmeaSource(options, sink, clock, logger);
                return (tcp.Status, Task.Run(() => tcp.RunAsync(stop), CancellationToken.None));
            case "udp":
                var udp = new UdpNmeaSource(options, sink, clock, logger);
                return (udp.Status, Task.Run(() => udp.RunAsync(stop), CancellationToken.None));
            default:
                var folder = new FolderSource(options, sink, position, clock, logger);
                return (folder.Status, Task.Run(() => folder.RunAsync(stop), CancellationToken.None));
        }
    }

    /// <summary>
    /// Every tick: event time moves on with the clock; a stream that is down or quiet (disconnected, or
    /// unheard for its expected interval) is an outage of that source from when it was last heard, until
    /// it is heard again (not merely reconnected): the vessels it last heard are not judged dark meanwhile.
    /// A connection lost since the last tick counts even when the source has already reconnected.
    /// </summary>
    private async Task TickAsync(ChannelWriter<PipelineItem> channel, List<(SourceStatus Status, byte Feed)> streams, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(live.ClockTick);
        var downSince = new Instant?[streams.Count]; // when each stream was last heard before it went down
        var disconnects = streams.Select(s => s.Status.Disconnects).ToArray();
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                var now = clock.GetCurrentInstant();
                for (var i = 0; i < streams.Count; i++)
                {
                    var (status, feed) = streams[i];
                    var lost = status.Disconnects != disconnects[i]; // a reconnection within one tick is still a cut
                    disconnects[i] = status.Disconnects;
                    if (downSince[i] is { } since)
                    {
                        if (status.IsUp(now) && status.LastHeard > since)
                        {
                            downSince[i] = null;
                            SourceIsBack(_logger, status.Name);
                        }
                    }
                    else if ((lost || !status.IsUp(now)) && status.LastHeard is { } lastHeard)
                    {
                        downSince[i] = lastHeard;
                        SourceIsDown(_logger, status.Name, lastHeard, status.LastError ?? (lost ? "the connection was lost and made again" : "quiet"));
                        await channel.WriteAsync(new FeedDown(lastHeard, feed), stop).ConfigureAwait(false);
                    }
                }

                await channel.WriteAsync(new ClockTick(now), stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Watch-list files that change are read again every 2 s and put in force between two batches; a file that no longer reads keeps the lists in force and is logged.</summary>
    private async Task ReloadWatchListsAsync(ChannelWriter<PipelineItem> channel, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                if (watchLists.TryReload(out var reloaded, out var error))
                {
                    await channel.WriteAsync(new WatchListsReplaced(reloaded), stop).ConfigureAwait(false);
                    var versions = reloaded.Lists.Select(l => $"{l.Name} {l.Version}").ToList();
                    WatchListsReloaded(_logger, versions);
                }
                else if (error is not null)
                {
                    WatchListsNotReloaded(_logger, error);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointEveryAsync(ChannelWriter<PipelineItem> channel, BufferedStoreWriter updates, CheckpointStore store, ActiveLease lease, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(live.CheckpointInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                await Checkpoint(channel, updates, store, lease, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// The engine's state between two batches, saved once every alert and port-call update given
    /// before it is safe (written or spooled): a restart from it raises nothing twice and loses nothing.
    /// A database that is down skips this checkpoint (the next one is tried on time).
    /// </summary>
    private async Task Checkpoint(ChannelWriter<PipelineItem> channel, BufferedStoreWriter updates, CheckpointStore store, ActiveLease lease, CancellationToken stop)
    {
        var request = new CheckpointRequest();
        await channel.WriteAsync(request, stop).ConfigureAwait(false);
        var (snapshot, positions) = await request.State.Task.WaitAsync(stop).ConfigureAwait(false);
        var mark = updates.Enqueued; // read after the snapshot: at least every update before it
        while (updates.Durable < mark)
        {
            if (updates.Fault is not null)
            {
                return;
            }

            await Task.Delay(20, stop).ConfigureAwait(false);
        }

        // Only the active replica saves: one whose lease's session is gone may have been replaced by the other, whose
        // checkpoint this one must not overwrite with an older state (the lease is checked again when it comes back).
        if (!await lease.CheckAsync(stop).ConfigureAwait(false))
        {
            CheckpointSkipped(_logger, "the active lease's session is lost");
            return;
        }

        try
        {
            var now = clock.GetCurrentInstant();
            var saving = System.Diagnostics.Stopwatch.StartNew();
            var bytes = await store.SaveAsync(WorkerName, now, snapshot, positions, stop).ConfigureAwait(false);

            // The vessels as the checkpoint has them (identity, last position, identity changes): what the review
            // UI's vessel pages show. Written from the snapshot, not from the engine's live state, off its thread.
            var lists = watchLists.Current;
            await new VesselStore(database.Database.DataSource).UpsertAsync(
                snapshot.Partitions.SelectMany(p => p).Select(v => new VesselRow(
                    v.Mmsi, v.Identity, v.LastGood?.LatitudeDegrees, v.LastGood?.LongitudeDegrees, v.LastGood?.Time,
                    lists.Match(v.Mmsi, v.Identity?.Imo, v.Identity?.Name), v.IdentityChanges)),
                stop).ConfigureAwait(false);
            status.CheckpointSaved(now);
            CheckpointSaved(_logger, snapshot.Statistics.Vessels, bytes / 1048576.0, request.Paused.TotalMilliseconds, saving.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (Outages.IsTransient(e))
        {
            CheckpointSkipped(_logger, e.Message);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Resumed from the checkpoint of {TakenAt}: watermark {Watermark}, {Vessels} vessels")]
    private static partial void Restored(ILogger logger, Instant takenAt, Instant? watermark, long vessels);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Source {Source} is down or quiet ({Reason}; last heard {LastHeard}): the vessels it last heard are not judged dark until it is heard again")]
    private static partial void SourceIsDown(ILogger logger, string source, Instant lastHeard, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Source {Source} is heard again")]
    private static partial void SourceIsBack(ILogger logger, string source);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Checkpoint saved: {Vessels} vessels, {Megabytes:0.0} MB compressed; detection paused {PausedMilliseconds:0} ms for the snapshot, saving took {SavingMilliseconds:0} ms")]
    private static partial void CheckpointSaved(ILogger logger, long vessels, double megabytes, double pausedMilliseconds, double savingMilliseconds);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Checkpoint skipped: the database is unavailable ({Reason}); the next one is tried on time")]
    private static partial void CheckpointSkipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Stopped after {Messages} messages; watermark {Watermark}; checkpoint saved")]
    private static partial void Stopped(ILogger logger, long messages, Instant? watermark);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Watch lists reloaded: {Lists}")]
    private static partial void WatchListsReloaded(ILogger logger, IReadOnlyList<string> lists);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "{Error}")]
    private static partial void WatchListsNotReloaded(ILogger logger, string error);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Standing by: another worker {Worker} is active on this database; asking every {Seconds} s")]
    private static partial void StandingBy(ILogger logger, string worker, double seconds);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Active: this process holds the lease of worker {Worker} and processes the feeds")]
    private static partial void Active(ILogger logger, string worker);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Storage: {Message}")]
    private static partial void StorageMessage(ILogger logger, string message);
}
