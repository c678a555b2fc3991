using AisMonitor.Core.Ais;
using AisMonitor.Core.Tracking;
using NodaTime;
using Npgsql;

namespace AisMonitor.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PositionArchiveTests(PostgresFixture postgres)
{
    private static readonly Instant Start = Instant.FromUtc(2024, 2, 1, 0, 0);

    private static List<(Mmsi, TrackPoint)> Day(int day, int count) =>
        [.. Enumerable.Range(0, count).Select(i => (new Mmsi(273210440), new TrackPoint(Start + Duration.FromDays(day) + Duration.FromMinutes(i), 42.8 + (i * 1e-4), 132.3, i % 3 == 0 ? null : 11.5, i % 50 == 0 ? TrackPointQuality.Suspect : TrackPointQuality.Good)))];

    [Fact]
    public async Task Positions_land_in_day_partitions_and_retention_drops_whole_old_days()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var archive = new PositionArchive(database, retentionDays: 3);
        for (var day = 0; day < 10; day++)
        {
            await archive.WriteAsync(Day(day, 1440));
            await archive.MaintainAsync();
        }

        Assert.Equal(14_400, archive.Written);
        Assert.Equal(4, await database.ScalarAsync("SELECT count(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'position'")); // days 6 to 9
        Assert.Equal(4 * 1440, await database.ScalarAsync("SELECT count(*) FROM position"));
        Assert.Equal(4 * 29, await database.ScalarAsync("SELECT count(*) FROM position WHERE suspect"));
        Assert.Equal(4 * 480, await database.ScalarAsync("SELECT count(*) FROM position WHERE speed IS NULL"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM position WHERE time = '2024-02-10T23:59:00Z' AND abs(latitude - 42.9439) < 1e-3"));

        await archive.CompleteAsync();
        Assert.Equal(4, await database.ScalarAsync("SELECT count(*) FROM pg_indexes WHERE tablename LIKE 'position_2024%' AND indexdef LIKE '%(mmsi, \"time\")%'"));

        // A new writer (a restart) knows the partitions already there.
        var restarted = new PositionArchive(database, retentionDays: 1);
        await restarted.WriteAsync(Day(10, 10));
        await restarted.MaintainAsync();
        Assert.Equal(2, await database.ScalarAsync("SELECT count(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'position'"));
    }
}
