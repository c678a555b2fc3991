using AisMonitor.Storage;
using Npgsql;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>
/// The real server is stopped in the middle of a replay and started again: the alerts and port
/// calls stored are exactly those of an uninterrupted run (buffered in memory, then spooled to
/// disk, then written in order), and so is the position archive (its chunks retried).
/// </summary>
public sealed class DatabaseOutageTests
{
    // The Angara feed spans 33 days: at 400,000 times real time the replay lasts about 7 s, raising
    // the open gap about 3 s in and port calls all along.
    private const string Replay = "replay sample-tracks/angara-2024/angara-2024.nmea.gz --speed 400000 --out /dev/null --archive-positions";

    [Fact]
    public async Task Stopping_and_starting_the_server_mid_replay_loses_and_duplicates_nothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-outage-{Guid.NewGuid():N}");
        try
        {
            await using var cluster = await LocalPostgresCluster.StartAsync(Path.Combine(folder, "pg"), durable: false);
            await using (var admin = NpgsqlDataSource.Create(cluster.ConnectionString()))
            {
                await using var create = admin.CreateCommand("CREATE DATABASE whole; CREATE DATABASE interrupted;");
                await create.ExecuteNonQueryAsync();
            }

            Dictionary<string, string> Environment(string database) => new()
            {
                ["ConnectionStrings__AisMonitor"] = cluster.ConnectionString(database),
                ["AisMonitor__DataFolder"] = Path.Combine(folder, database),
                ["AisMonitor__Storage__MemoryBuffer"] = "2", // so that the outage goes through the spool file
            };

            var whole = CommandRunner.Run(Replay, environment: Environment("whole"));
            Assert.True(whole.ExitCode == 0, whole.StandardError);

            var running = Task.Run(() => CommandRunner.Run(Replay, environment: Environment("interrupted")));
            await using (var interrupted = NpgsqlDataSource.Create(cluster.ConnectionString("interrupted")))
            {
                await WaitUntilMigrated(interrupted);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            await cluster.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await cluster.RestartAsync();
            var (exit, _, stderr) = await running;
            Assert.True(exit == 0, stderr);
            Assert.Contains("database unavailable", stderr, StringComparison.Ordinal);
            Assert.Contains("database reachable again", stderr, StringComparison.Ordinal);
            Assert.Matches(@"[1-9][\d,]* updates went through the spool", stderr);

            Assert.Equal(await Rows(cluster, "whole", "SELECT id, severity, end_time, last_updated FROM alert ORDER BY id"), await Rows(cluster, "interrupted", "SELECT id, severity, end_time, last_updated FROM alert ORDER BY id"));
            var calls = await Rows(cluster, "whole", "SELECT id, departure, stopped_hours, port_gaps::text FROM port_call ORDER BY id");
            Assert.True(calls.Count > 200);
            Assert.Equal(calls, await Rows(cluster, "interrupted", "SELECT id, departure, stopped_hours, port_gaps::text FROM port_call ORDER BY id"));
            var positions = await Rows(cluster, "whole", "SELECT count(*), count(DISTINCT mmsi), min(time), max(time) FROM position");
            Assert.Equal(positions, await Rows(cluster, "interrupted", "SELECT count(*), count(DISTINCT mmsi), min(time), max(time) FROM position"));
            Assert.False(File.Exists(Path.Combine(folder, "interrupted", "spool", "updates.jsonl")), "the spool is deleted once written");
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // best effort
            }
        }
    }

    [Fact]
    public async Task A_database_that_refuses_writes_stops_the_run_at_once_and_the_next_run_writes_everything()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-refused-{Guid.NewGuid():N}");
        try
        {
            await using var cluster = await LocalPostgresCluster.StartAsync(Path.Combine(folder, "pg"), durable: false);
            await using (var admin = NpgsqlDataSource.Create(cluster.ConnectionString()))
            await using (var create = admin.CreateCommand("CREATE DATABASE refusing"))
            {
                await create.ExecuteNonQueryAsync();
            }

            await using (var database = NpgsqlDataSource.Create(cluster.ConnectionString("refusing")))
            {
                await SchemaMigrator.MigrateAsync(database);
                await using var readOnly = database.CreateCommand("ALTER DATABASE refusing SET default_transaction_read_only = on");
                await readOnly.ExecuteNonQueryAsync();
            }

            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__AisMonitor"] = cluster.ConnectionString("refusing"),
                ["AisMonitor__DataFolder"] = Path.Combine(folder, "data"),
            };
            var refused = CommandRunner.Run("replay sample-tracks/angara-2024/angara-2024.nmea.gz --speed 400000 --out /dev/null", environment: environment);
            Assert.True(refused.ExitCode == 5, refused.StandardError);
            Assert.Contains("the database refused the updates", refused.StandardError, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "data", "spool", "updates.jsonl")), "what was pending is kept in the spool");

            await using (var other = NpgsqlDataSource.Create(cluster.ConnectionString())) // not from inside it: it is read-only
            await using (var readWrite = other.CreateCommand("ALTER DATABASE refusing SET default_transaction_read_only = off"))
            {
                await readWrite.ExecuteNonQueryAsync();
            }

            var fixedRun = CommandRunner.Run("replay sample-tracks/angara-2024/angara-2024.nmea.gz --out /dev/null", environment: environment);
            Assert.True(fixedRun.ExitCode == 0, fixedRun.StandardError);
            Assert.Contains("is written first", fixedRun.StandardError, StringComparison.Ordinal);
            Assert.Equal(["7"], await Rows(cluster, "refusing", "SELECT count(*) FROM alert"));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // best effort
            }
        }
    }

    private static async Task WaitUntilMigrated(NpgsqlDataSource database)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                await using var command = database.CreateCommand("SELECT count(*) FROM schema_migration");
                if ((long)(await command.ExecuteScalarAsync())! >= SchemaMigrator.Migrations.Count)
                {
                    return;
                }
            }
            catch (PostgresException)
            {
                // not created yet
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the replay never migrated its database");
    }

    private static Task<List<string>> Rows(LocalPostgresCluster cluster, string database, string sql) => Hosting.LivePostgres.RowsAsync(cluster.ConnectionString(database), sql);
}
