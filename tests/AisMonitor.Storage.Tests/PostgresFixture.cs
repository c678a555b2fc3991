using System.Globalization;
using Npgsql;

namespace AisMonitor.Storage.Tests;

/// <summary>One real PostgreSQL server for the test run (started by the test set-up on loopback); a fresh database per test.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private int _databases;

    public LocalPostgresCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-test-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Cluster = await LocalPostgresCluster.StartAsync(folder, durable: false);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(Cluster.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder is in the temporary directory.
        }
    }

    /// <summary>A new empty database and a data source for it.</summary>
    public async Task<NpgsqlDataSource> NewDatabaseAsync()
    {
        var number = Interlocked.Increment(ref _databases);
        var name = string.Create(CultureInfo.InvariantCulture, $"test_{number}_{Guid.NewGuid():N}")[..30];
        await using (var admin = NpgsqlDataSource.Create(Cluster.ConnectionString()))
        await using (var create = admin.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await create.ExecuteNonQueryAsync();
        }

        return AisMonitorDataSource.Create(Cluster.ConnectionString(name));
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
