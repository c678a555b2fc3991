using AisMonitor.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// The database AisMonitor writes to: the connection string <c>ConnectionStrings:AisMonitor</c>
/// (environment variable <c>ConnectionStrings__AisMonitor</c>) when it is set; otherwise a
/// PostgreSQL cluster of its own, started in <c>{data folder}/postgres</c> on a free loopback port
/// (<see cref="DataFolder"/>) and stopped on exit.
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

    /// <summary>
    /// AisMonitor's data folder (its own PostgreSQL, the spool, sort spills): <c>--data-folder</c>, else
    /// the setting <c>AisMonitor:DataFolder</c> (<c>AisMonitor__DataFolder</c>), else one per user:
    /// <c>$XDG_DATA_HOME/aismonitor</c>, by default <c>~/.local/share/aismonitor</c> (<c>/var/lib/aismonitor</c> for root).
    /// </summary>
    public static string DataFolder { get; private set; } = DefaultDataFolder;

    /// <summary>The connection string: <c>--connection</c>, else <c>ConnectionStrings:AisMonitor</c> (<c>ConnectionStrings__AisMonitor</c>); null for AisMonitor's own server.</summary>
    public static string? ConnectionString { get; private set; }

    // Root's home is closed to the postgres user its server runs as: root's data goes where services keep theirs.
    private static string DefaultDataFolder => Environment.UserName == "root"
        ? "/var/lib/aismonitor"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "aismonitor");

    /// <summary>How many updates wait in memory during an outage before they go to the spool file: <c>AisMonitor:Storage:MemoryBuffer</c>, default 10,000.</summary>
    public static int MemoryBuffer { get; private set; } = 10_000;

    /// <summary>Where alert and port-call updates wait on disk through a database outage.</summary>
    public static string SpoolPath => Path.Combine(DataFolder, "spool", "updates.jsonl");

    /// <summary>
    /// Takes the connection string, the data folder and the storage settings from the configuration
    /// layers, the command line winning; a memory buffer that is not a positive whole number stops
    /// the command naming it.
    /// </summary>
    public static void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, string? connection, string? dataFolder)
    {
        ConnectionString = connection is { Length: > 0 } ? connection : configuration["ConnectionStrings:AisMonitor"] is { Length: > 0 } configured ? configured : null;
        DataFolder = dataFolder is { Length: > 0 } ? dataFolder : configuration["AisMonitor:DataFolder"] is { Length: > 0 } folder ? folder : DefaultDataFolder;
        if (configuration["AisMonitor:Storage:MemoryBuffer"] is { } text)
        {
            MemoryBuffer = int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"configuration: AisMonitor:Storage:MemoryBuffer = '{text}': expected a positive whole number (updates held in memory during a database outage; default 10000).");
        }
    }

    /// <summary>Opens the database (starting AisMonitor's own when none is configured, which is logged).</summary>
    public static async Task<Database> OpenAsync(ILogger logger)
    {
        var configured = ConnectionString;
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

            var database = new Database(source, null, $"PostgreSQL at {new NpgsqlConnectionStringBuilder(configured).Host}");
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

        var folder = Path.Combine(DataFolder, "postgres");
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
            throw new ArgumentException($"{e.Message} (data folder {DataFolder})", e);
        }

        return new Database(dataSource, cluster, $"AisMonitor's own PostgreSQL ({cluster.DataDirectory})");
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
