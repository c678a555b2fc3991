namespace AisMonitor.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ActiveLeaseTests(PostgresFixture postgres)
{
    [Fact]
    public async Task One_worker_holds_the_lease_the_other_gets_it_when_the_first_gives_it_up_or_its_session_ends()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await using var first = ActiveLease.For(database, "default");
        await using var second = ActiveLease.For(database, "default");
        await using var otherDeployment = ActiveLease.For(database, "other");

        Assert.True(await first.TryAcquireAsync());
        Assert.False(await second.TryAcquireAsync());
        Assert.True(await otherDeployment.TryAcquireAsync()); // another worker name is another lease
        Assert.True(await first.CheckAsync());

        await first.DisposeAsync(); // given up: its pooled connection keeps no lock
        Assert.True(await second.TryAcquireAsync());
        Assert.False(second.Held && !await second.CheckAsync());

        // The session ended by the server (a restart, a dead client's socket): the holder learns it, and the lock is free.
        await using (var command = database.CreateCommand("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid() AND objid = (hashtextextended('aismonitor.active.default', 0) & 4294967295)::oid"))
        {
            Assert.Equal(true, await command.ExecuteScalarAsync());
        }

        Assert.False(await second.CheckAsync());
        Assert.False(second.Held);
        await using var third = ActiveLease.For(database, "default");
        Assert.True(await third.TryAcquireAsync());
        Assert.False(await second.TryAcquireAsync());
    }
}
