using AisMonitor.Storage;
using Npgsql;

namespace AisMonitor.Worker.Tests.Hosting;

/// <summary>One real PostgreSQL server for the live worker's tests, a database per test.</summary>
public sealed class LivePostgres : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aismonitor-live-{Guid.NewGuid():N}");
    private LocalPostgresCluster? _cluster;

    public LocalPostgresCluster Cluster => _cluster!;

    public string Folder => _folder;

    public async Task InitializeAsync() => _cluster = await LocalPostgresCluster.StartAsync(Path.Combine(_folder, "pg"), durable: false);

    /// <summary>A new empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"live_{Guid.NewGuid():N}";
        await using var admin = NpgsqlDataSource.Create(Cluster.ConnectionString());
        await using var create = admin.CreateCommand($"CREATE DATABASE {name}");
        await create.ExecuteNonQueryAsync();
        return Cluster.ConnectionString(name);
    }

    /// <summary>The environment of a worker storing into <paramref name="connection"/>, with a data folder of its own and one loopback source (number 0) of <paramref name="kind"/> on <paramref name="port"/>.</summary>
    public Dictionary<string, string> WorkerEnvironment(string connection, string name, string kind, int port)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__AisMonitor"] = connection,
            ["AisMonitor__DataFolder"] = Path.Combine(_folder, Guid.NewGuid().ToString("N")),
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        };
        AddSource(environment, 0, name, kind, port);
        return environment;
    }

    /// <summary>Adds source number <paramref name="index"/> on 127.0.0.1 (TCP: reconnecting within a second).</summary>
    public static void AddSource(Dictionary<string, string> environment, int index, string name, string kind, int port)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var key = $"AisMonitor__Sources__{index}__";
        environment[key + "Name"] = name;
        environment[key + "Kind"] = kind;
        environment[key + "Host"] = "127.0.0.1";
        environment[key + "Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (kind == "tcp")
        {
            environment[key + "ReconnectInitial"] = "00:00:00.2";
            environment[key + "ReconnectMaximum"] = "00:00:01";
        }
    }

    public static async Task<List<string>> RowsAsync(string connection, string sql)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        await using var command = source.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

/// <summary>The live worker's timing tests (seconds of gaps and outages) run one after another, not against each other for the two cores.</summary>
[CollectionDefinition(Name)]
public sealed class LiveWorkerCollection
{
    public const string Name = "live worker";
}
