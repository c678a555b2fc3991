using System.Text.Json;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tests.Support;
using Npgsql;

namespace AisMonitor.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SchemaUpgradeAndNotifyTests(PostgresFixture postgres)
{
    private static List<Alert> Angara() => SampleAlerts.Angara();

    [Fact]
    public async Task Upgrading_from_the_first_version_keeps_alerts_and_triage_and_adds_the_new_tables()
    {
        await using var database = await postgres.NewDatabaseAsync();
        Assert.Equal([1], await SchemaMigrator.MigrateAsync(database, upTo: 1));
        var store = new AlertStore(database);
        await store.UpsertAsync(Angara());
        await store.UpdateTriageAsync(Angara()[0].Id, new TriageChange("analyst@example.org", Status: "acknowledged"));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM pg_tables WHERE tablename = 'port_call'"));

        var applied = await SchemaMigrator.MigrateAsync(database);
        Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Version).Where(v => v > 1), applied);
        Assert.Equal(Angara().Count, await database.ScalarAsync("SELECT count(*) FROM alert"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM alert_triage WHERE status = 'acknowledged'"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM alert WHERE triage_status = 'acknowledged'")); // the queue's copy, filled in
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM alert_triage_history"));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM port_call") + await database.ScalarAsync("SELECT count(*) FROM vessel"));
    }

    [Fact]
    public async Task Listeners_hear_the_id_of_every_alert_written()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var heard = new List<string>();
        await using var listener = await database.OpenConnectionAsync();
        listener.Notification += (_, e) => { lock (heard) { heard.Add(e.Payload); } };
        await using (var listen = new NpgsqlCommand("LISTEN aismonitor_alert", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var alerts = Angara();
        await new AlertStore(database).UpsertAsync(alerts);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (heard.Count < alerts.Count)
        {
            await listener.WaitAsync(timeout.Token);
        }

        Assert.Equal(alerts.Select(a => a.Id).Order(), heard.Order());
    }

    [Fact]
    public async Task An_alert_keeps_all_its_evidence_the_port_call_the_reachable_ports_and_the_watch_list()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        await new AlertStore(database).UpsertAsync(Angara());
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM alert WHERE kind = 'unusual_port_call' AND evidence->'port_call'->'port'->>'un_locode' = 'CNZOS' AND evidence->'watch_lists'->0->>'matched_on' = 'imo'"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM alert WHERE kind = 'possible_dark_port_call' AND jsonb_path_exists(evidence, '$.dark_port_call.ports[*].port ? (@.un_locode == \"KPRJN\")')"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM alert WHERE kind = 'transponder_gap' AND (evidence->'gap'->>'displacement_nautical_miles')::float > 450"));
    }
}
