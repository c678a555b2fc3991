using AisMonitor.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// The database AisMonitor writes to: the connection string <c>ConnectionStrings:AisMonitor</c>
/// (environment variable <c>ConnectionStrings__AisMonitor</c>) when it is set; otherwise a
/// PostgreSQL cluster of its own, started in <c>{data folder}/postgres</c> on a free loopback port
/// (<see cref="StorageOptions.DataFolder"/>) and stopped on exit.
/// Migrations are applied on opening.
/// </summary>
internal sealed partial class Database : IAsyncDisposable
{
    private readonly LocalPostgresCluster? _cluster;

    private Database(NpgsqlDataSource dataSource, LocalPostgresCluster? cluster, string description)
    {
        DataSource = dataSource;
        _cluster = cluster;
        Description = description;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Where the data goes, for the log.</summary>
    public string Description { get; }

    /// <summary>The storage settings it was opened with (the spool and the memory buffer are theirs).</summary>
    public required StorageOptions Storage { get; init; }

    /// <summary>Opens the database of <paramref name="storage"/> (starting AisMonitor's own when none is configured, which is logged).</summary>
    public static async Task<Database> OpenAsync(StorageOptions storage, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var configured = storage.ConnectionString;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            NpgsqlDataSource source;
            try
            {
                source = AisMonitorDataSource.Create(configured);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"ConnectionStrings:AisMonitor (or --connection) is not a valid PostgreSQL connection string: {e.Message}", e);
            }

            var database = new Database(source, null, $"PostgreSQL at {new NpgsqlConnectionStringBuilder(configured).Host}") { Storage = storage };
            try
            {
                await SchemaMigrator.MigrateAsync(source).ConfigureAwait(false); // the first connection: at start, before any input is read
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                await source.DisposeAsync().ConfigureAwait(false);
                throw DatabaseUnreachableException.From(e, configured);
            }
            catch (SchemaTooNewException e)
            {
                await source.DisposeAsync().ConfigureAwait(false);
                throw new ArgumentException(e.Message, e);
            }

            return database;
        }

        var folder = Path.Combine(storage.DataFolder, "postgres");
        LocalPostgresCluster cluster;
        try
        {
            cluster = await LocalPostgresCluster.StartAsync(folder).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException(e.Message, e);
        }

        LogOwnServer(logger, cluster.Port, cluster.DataDirectory);
        var dataSource = AisMonitorDataSource.Create(cluster.ConnectionString());
        try
        {
            await SchemaMigrator.MigrateAsync(dataSource).ConfigureAwait(false);
        }
        catch (SchemaTooNewException e)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw new ArgumentException($"{e.Message} (data folder {storage.DataFolder})", e);
        }

        return new Database(dataSource, cluster, $"AisMonitor's own PostgreSQL ({cluster.DataDirectory})") { Storage = storage };
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "no ConnectionStrings__AisMonitor set: started AisMonitor's own PostgreSQL on 127.0.0.1:{Port} (data in {DataDirectory}); it stops when the command ends")]
    private static partial void LogOwnServer(ILogger logger, int port, string dataDirectory);
}
