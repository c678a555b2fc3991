using System.Diagnostics;
using System.Globalization;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.PortCalls;
using AisMonitor.Storage;
using AisMonitor.Worker.Output;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// What <c>replay</c> stores in PostgreSQL: the position archive while it runs (when asked),
/// then the alerts, port calls and vessels. The database is opened (and, without a connection
/// string, started) before the replay, so a database that cannot be reached stops it at once.
/// </summary>
internal sealed class ReplayStorage : IDisposable
{
    private readonly Database _database;
    private readonly ArchiveWriter? _archive;

    private ReplayStorage(Database database, ArchiveWriter? archive) => (_database, _archive) = (database, archive);

    public static ReplayStorage Open(bool archivePositions, int? retentionDays)
    {
        var database = Task.Run(Database.OpenAsync).GetAwaiter().GetResult();
        return new ReplayStorage(database, archivePositions ? new ArchiveWriter(new PositionArchive(database.DataSource, retentionDays)) : null);
    }

    /// <summary>Sends the positions the engine keeps to the archive, when there is one.</summary>
    public void Attach(DetectionEngine engine)
    {
        if (_archive is not null)
        {
            engine.PositionKept = _archive.Add;
        }
    }

    /// <summary>Finishes the archive and writes the final alerts, port calls and vessels.</summary>
    public void Finish(List<Alert> alerts, List<PortCall> calls, DetectionEngine engine)
    {
        var started = Stopwatch.StartNew();
        _archive?.Complete();
        var archiveSeconds = started.Elapsed.TotalSeconds;
        Task.Run(async () =>
        {
            var alertStore = new AlertStore(_database.DataSource);
            await new VesselStore(_database.DataSource).UpsertAsync(engine.Vessels()).ConfigureAwait(false);
            await new PortCallStore(_database.DataSource).UpsertAsync(calls).ConfigureAwait(false);
            await alertStore.UpsertAsync(alerts).ConfigureAwait(false);
            var held = await alertStore.CountsAsync().ConfigureAwait(false);
            var c = CultureInfo.InvariantCulture;
            if (_archive is not null)
            {
                Console.Error.WriteLine(string.Create(c, $"archived     {_archive.Archive.Written:N0} positions ({archiveSeconds:0.00} s after the replay to finish)"));
            }

            Console.Error.WriteLine(string.Create(c,
                $"stored       {alerts.Count} alerts, {calls.Count} port calls and the vessels in {started.Elapsed.TotalSeconds:0.00} s in {_database.Description}; it holds {held.Alerts} alerts, {held.PortCalls} port calls, {held.Vessels} vessels"));
        }).GetAwaiter().GetResult();
    }

    public void Dispose() => Task.Run(async () => await _database.DisposeAsync().ConfigureAwait(false)).GetAwaiter().GetResult();
}
