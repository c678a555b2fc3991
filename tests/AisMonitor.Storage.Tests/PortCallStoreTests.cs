using AisMonitor.Core.Ais;
using AisMonitor.Core.Geo;
using AisMonitor.Core.PortCalls;
using AisMonitor.Core.Ports;
using NodaTime;

namespace AisMonitor.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PortCallStoreTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_departure_known_only_from_a_reappearance_is_stored_as_such()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var dunai = new Port("Dunai", null, "Russia", new GeoPoint(42.8803, 132.3375), 2);
        var call = new PortCall
        {
            Mmsi = new Mmsi(273_210_440),
            Port = dunai,
            Arrival = Instant.FromUtc(2024, 1, 10, 0, 0),
            Departure = Instant.FromUtc(2024, 2, 5, 6, 0),
            DepartureKnown = false,
            LastSeenInPort = Instant.FromUtc(2024, 1, 25, 5, 59),
        };
        await new PortCallStore(database).UpsertAsync([call, call with { Mmsi = new Mmsi(273_210_441), DepartureKnown = true, LastSeenInPort = null }]);
        await new PortCallStore(database).UpsertAsync([call]); // again: idempotent

        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM port_call WHERE NOT departure_known AND last_seen_in_port = '2024-01-25T05:59:00Z'"));
        Assert.Equal(2, await database.ScalarAsync("SELECT count(*) FROM port_call"));
    }
}
