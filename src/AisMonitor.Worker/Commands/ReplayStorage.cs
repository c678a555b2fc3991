using System.Diagnostics;
using System.Globalization;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.PortCalls;
using AisMonitor.Core.Tracking;
using AisMonitor.Storage;
using AisMonitor.Worker.Output;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// What <c>replay</c> stores in PostgreSQL: the position archive while it runs (when asked),
/// then the alerts, port calls and vessels. The database is opened (and, without a connection
/// string, started) before the replay, so a database that cannot be reached stops it at once.
/// </summary>
internal sealed class ReplayStorage : IDetectionOutput, IDisposable
{
    private readonly Database _database;
    private readonly ArchiveWriter? _archive;
    private readonly BufferedStoreWriter _updates;

    private ReplayStorage(Database database, ArchiveWriter? archive, BufferedStoreWriter updates) => (_database, _archive, _updates) = (database, archive, updates);

    public static ReplayStorage Open(bool archivePositions, int? retentionDays)
    {
        var database = Task.Run(() => Database.OpenAsync()).GetAwaiter().GetResult();
        var updates = new BufferedStoreWriter(database.DataSource, Database.SpoolPath, Database.MemoryBuffer, message => Console.Error.WriteLine($"storage     {message}"));
        return new ReplayStorage(database, archivePositions ? new ArchiveWriter(new PositionArchive(database.DataSource, retentionDays)) : null, updates);
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

    /// <summary>Finishes the archive, waits for the buffered updates (up to a minute) and writes the vessels.</summary>
    public void Finish(List<Alert> alerts, List<PortCall> calls, DetectionEngine engine)
    {
        var started = Stopwatch.StartNew();
        _archive?.Complete();
        var archiveSeconds = started.Elapsed.TotalSeconds;
        Task.Run(async () =>
        {
            if (_updates.Fault is not null)
            {
                await _updates.CompleteAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                Console.Error.WriteLine($"storage     not stored: the database refused the updates; {_updates.Spooled:N0} updates are kept in the spool and written at the next start");
                return;
            }

            if (!await _updates.CompleteAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false))
            {
                Console.Error.WriteLine($"storage     the database did not come back within a minute: {_updates.Spooled:N0} updates are kept in the spool and written at the next start");
                return;
            }

            var alertStore = new AlertStore(_database.DataSource);
            await Outages.RetryAsync(() => new VesselStore(_database.DataSource).UpsertAsync(engine.Vessels()), TimeSpan.FromMinutes(1), m => Console.Error.WriteLine($"storage     {m}")).ConfigureAwait(false);
            var held = await alertStore.CountsAsync().ConfigureAwait(false);
            if (_updates.Failures > 0)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storage     {_updates.Failures:N0} failed attempts during the run; {_updates.Spooled:N0} updates went through the spool; all {_updates.Written:N0} written"));
            }

            var c = CultureInfo.InvariantCulture;
            if (_archive is not null)
            {
                Console.Error.WriteLine(string.Create(c, $"archived     {_archive.Archive.Written:N0} positions ({archiveSeconds:0.00} s after the replay to finish)"));
            }

            Console.Error.WriteLine(string.Create(c,
                $"stored       {alerts.Count} alerts, {calls.Count} port calls and the vessels in {started.Elapsed.TotalSeconds:0.00} s in {_database.Description}; it holds {held.Alerts} alerts, {held.PortCalls} port calls, {held.Vessels} vessels"));
        }).GetAwaiter().GetResult();
    }

    public void Dispose() => Task.Run(async () =>
    {
        await _updates.DisposeAsync().ConfigureAwait(false);
        await _database.DisposeAsync().ConfigureAwait(false);
    }).GetAwaiter().GetResult();
}
