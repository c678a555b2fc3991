using System.Diagnostics;
using System.Globalization;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.PortCalls;
using AisMonitor.Core.Tracking;
using AisMonitor.Storage;
using AisMonitor.Worker.Output;
using AisMonitor.Worker.Pipeline;
using Microsoft.Extensions.Logging;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// What <c>replay</c> stores in PostgreSQL: the position archive while it runs (when asked),
/// then the alerts, port calls and vessels. The database is opened (and, without a connection
/// string, started) before the replay, so a database that cannot be reached stops it at once.
/// Outages are logged; what was stored is the replay's report (<see cref="FinishAsync"/>).
/// </summary>
internal sealed class ReplayStorage : IDetectionOutput, IBackpressure, IAsyncDisposable
{
    private readonly Database _database;
    private readonly ArchiveWriter? _archive;
    private readonly BufferedStoreWriter _updates;
    private readonly ILogger _logger;

    private ReplayStorage(Database database, ArchiveWriter? archive, BufferedStoreWriter updates, ILogger logger) => (_database, _archive, _updates, _logger) = (database, archive, updates, logger);

    public static async Task<ReplayStorage> OpenAsync(StorageOptions storage, bool archivePositions, int? retentionDays, ILogger logger)
    {
        var database = await Database.OpenAsync(storage, logger).ConfigureAwait(false);
        var updates = new BufferedStoreWriter(database.DataSource, storage.SpoolPath, storage.MemoryBuffer, logger);
        return new ReplayStorage(database, archivePositions ? new ArchiveWriter(new PositionArchive(database.DataSource, retentionDays), logger) : null, updates, logger);
    }

    /// <summary>Why the database refused the updates (not an outage), when it did: the replay stops.</summary>
    public Exception? Fault => _updates.Fault;

    /// <summary>Every alert and port-call update goes to the database as it happens (buffered through outages).</summary>
    public void AlertChanged(Alert alert) => _updates.Add(alert);

    /// <inheritdoc cref="AlertChanged(Alert)"/>
    public void PortCallChanged(PortCall portCall) => _updates.Add(portCall);

    /// <summary>The positions the engine keeps go to the archive, when there is one.</summary>
    public bool KeepsPositions => _archive is not null;

    /// <inheritdoc/>
    public void PositionKept(Mmsi mmsi, TrackPoint point) => _archive?.Add(mmsi, point);

    /// <summary>The archive, when there is one, has room again (the updates go to memory or the spool: they never hold the loop).</summary>
    public ValueTask ReadyAsync(CancellationToken cancellation) => _archive?.ReadyAsync(cancellation) ?? ValueTask.CompletedTask;

    /// <summary>Finishes the archive, waits for the buffered updates (up to a minute) and writes the vessels; returns the report's lines.</summary>
    public async Task<IReadOnlyList<string>> FinishAsync(List<Alert> alerts, List<PortCall> calls, DetectionEngine engine, CancellationToken cancellation)
    {
        var c = CultureInfo.InvariantCulture;
        var started = Stopwatch.StartNew();
        if (_archive is not null)
        {
            await _archive.CompleteAsync(cancellation).ConfigureAwait(false);
        }

        var archiveSeconds = started.Elapsed.TotalSeconds;
        if (_updates.Fault is not null)
        {
            await _updates.CompleteAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            return [string.Create(c, $"storage     not stored: the database refused the updates; {_updates.Spooled:N0} updates are kept in the spool and written at the next start")];
        }

        if (!await _updates.CompleteAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false))
        {
            return [string.Create(c, $"storage     the database did not come back within a minute: {_updates.Spooled:N0} updates are kept in the spool and written at the next start")];
        }

        await Outages.RetryAsync(() => new VesselStore(_database.DataSource).UpsertAsync(engine.Vessels()), TimeSpan.FromMinutes(1), _logger, cancellation).ConfigureAwait(false);
        var held = await new AlertStore(_database.DataSource).CountsAsync(cancellation).ConfigureAwait(false);
        var report = new List<string>();
        if (_updates.Failures > 0)
        {
            report.Add(string.Create(c, $"storage     {_updates.Failures:N0} failed attempts during the run; {_updates.Spooled:N0} updates went through the spool; all {_updates.Written:N0} written"));
        }

        if (_archive is not null)
        {
            report.Add(string.Create(c, $"archived     {_archive.Archive.Written:N0} positions ({archiveSeconds:0.00} s after the replay to finish)"));
        }

        report.Add(string.Create(c,
            $"stored       {alerts.Count} alerts, {calls.Count} port calls and the vessels in {started.Elapsed.TotalSeconds:0.00} s in {_database.Description}; it holds {held.Alerts} alerts, {held.PortCalls} port calls, {held.Vessels} vessels"));
        return report;
    }

    public async ValueTask DisposeAsync()
    {
        await _updates.DisposeAsync().ConfigureAwait(false);
        await _database.DisposeAsync().ConfigureAwait(false);
    }
}
