using System.Text.Json;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tests.Support;
using Npgsql;

namespace AisMonitor.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AlertStoreTests(PostgresFixture postgres)
{
    private static List<Alert> Approved(string relative) =>
        File.ReadAllLines(Path.Combine(TestData.RepositoryRoot, relative)).Select(l => JsonSerializer.Deserialize<Alert>(l, AlertJson.Options)!).ToList();

    private static IEnumerable<Alert> GfwAlerts() =>
        Directory.GetFiles(TestData.SampleTrack("gfw-segmenter", "approved")).SelectMany(f => Approved(Path.GetRelativePath(TestData.RepositoryRoot, f)));

    /// <summary>An encounter and an identity change, as the engine raises them (the sample tracks hold neither).</summary>
    private static List<Alert> BehaviourAlerts()
    {
        var updates = new List<Alert>();
        var engine = new Core.Detection.DetectionEngine(new Core.Detection.DetectionOptions(), Core.Ports.PortIndex.Empty, updates.Add);
        var drifting = Enumerable.Range(0, 60).SelectMany(i => new[]
        {
            Reports.Position(538_000_001, Reports.Start + NodaTime.Duration.FromMinutes(3 * i), 12.0, 62.0, 0.3),
            Reports.Position(538_000_002, Reports.Start + NodaTime.Duration.FromMinutes(3 * i), 12.0018, 62.0, 0.3),
        });
        var renamed = new[] { Reports.Voyage(538_000_001, Reports.Start + NodaTime.Duration.FromMinutes(10), "ONE", 9_074_729), Reports.Voyage(538_000_001, Reports.Start + NodaTime.Duration.FromMinutes(100), "TWO", 9_176_187) };
        foreach (var message in Reports.Merge(drifting, renamed))
        {
            engine.Process(message);
        }

        engine.Complete();
        var final = updates.GroupBy(a => a.Id).Select(g => g.Last()).ToList();
        Assert.Contains(final, a => a.Encounter is not null);
        Assert.Contains(final, a => a.IdentityChange is not null);
        return final;
    }

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_once_even_when_two_processes_start_together()
    {
        await using var database = await postgres.NewDatabaseAsync();
        var both = await Task.WhenAll(SchemaMigrator.MigrateAsync(database), SchemaMigrator.MigrateAsync(database));
        Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Version), both.SelectMany(v => v).Order());
        Assert.Empty(await SchemaMigrator.MigrateAsync(database));
        await using var count = database.CreateCommand("SELECT count(*) FROM schema_migration");
        Assert.Equal((long)SchemaMigrator.Migrations.Count, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_database_with_a_schema_newer_than_the_code_is_refused_naming_both_versions()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        await using (var future = database.CreateCommand("INSERT INTO schema_migration (version, name) VALUES (999, '0999_from_a_later_version')"))
        {
            await future.ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<SchemaTooNewException>(() => SchemaMigrator.MigrateAsync(database));

        Assert.Contains("999", refused.Message, StringComparison.Ordinal);
        Assert.Contains(SchemaMigrator.Migrations[^1].Version.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_read_back_from_the_database_are_the_alerts_that_were_written()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var store = new AlertStore(database);
        var alerts = Approved("sample-tracks/angara-2024/approved.alerts.jsonl").Concat(GfwAlerts()).Concat(BehaviourAlerts()).ToList();
        Assert.Contains(alerts, a => a.SharedMmsi is not null);
        await store.UpsertAsync(alerts);

        var read = await store.ReadAsync(new AlertQuery());

        Assert.Equal(
            alerts.OrderBy(a => a.Start).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => JsonSerializer.Serialize(a, AlertJson.Options)),
            read.Select(a => JsonSerializer.Serialize(a, AlertJson.Options)));
    }

    [Fact]
    public async Task Reading_alerts_filters_by_kind_severity_vessel_and_time()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var store = new AlertStore(database);
        var alerts = Approved("sample-tracks/angara-2024/approved.alerts.jsonl").Concat(GfwAlerts()).ToList();
        await store.UpsertAsync(alerts);
        var gap = alerts.First(a => a.Kind == AlertKind.TransponderGap);

        Assert.Equal(alerts.Count(a => a.Kind == AlertKind.WatchListSighting), (await store.ReadAsync(new AlertQuery { Kind = AlertKind.WatchListSighting })).Count);
        Assert.Equal(alerts.Count(a => a.Severity >= Severity.Medium), (await store.ReadAsync(new AlertQuery { MinimumSeverity = Severity.Medium })).Count);
        Assert.Equal(alerts.Count(a => a.Mmsi == gap.Mmsi), (await store.ReadAsync(new AlertQuery { Mmsi = gap.Mmsi })).Count);
        var window = await store.ReadAsync(new AlertQuery { From = gap.Start, To = gap.Start + NodaTime.Duration.FromSeconds(1) });
        Assert.Contains(window, a => a.Id == gap.Id);
        Assert.All(window, a => Assert.Equal(gap.Start, a.Start));
    }

    [Fact]
    public async Task Writing_the_same_alerts_twice_updates_them_and_leaves_triage_untouched()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var store = new AlertStore(database);
        var alerts = Approved("sample-tracks/angara-2024/approved.alerts.jsonl").Concat(GfwAlerts()).ToList();
        await store.UpsertAsync(alerts);
        var angara = alerts[0].Id;
        await store.UpdateTriageAsync(angara, new TriageChange("analyst@example.org", Status: "escalated", Assignee: "desk-2", Notes: "Rajin reachable"));

        await store.UpsertAsync(alerts);
        Assert.Equal(alerts.Count, await store.CountAsync());
        await using var triage = database.CreateCommand("SELECT status, assignee, notes FROM alert_triage WHERE alert_id = $1");
        triage.Parameters.Add(new NpgsqlParameter { Value = angara });
        await using var reader = await triage.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("escalated", "desk-2", "Rajin reachable"), (reader.GetString(0), reader.GetString(1), reader.GetString(2)));
    }

    [Fact]
    public async Task An_open_gap_closes_in_place_and_a_late_copy_of_the_open_state_does_not_reopen_it()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var store = new AlertStore(database);
        var closed = Approved("sample-tracks/angara-2024/approved.alerts.jsonl")[0];
        var open = closed with { End = null, LastUpdated = closed.LastUpdated - NodaTime.Duration.FromHours(100) };
        await store.UpsertAsync([open]);
        await store.UpsertAsync([closed]);
        await store.UpsertAsync([open]); // redelivered late
        await using var query = database.CreateCommand("SELECT count(*), bool_and(NOT is_open), min(end_time) IS NOT NULL FROM alert");
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(1, reader.GetInt64(0));
        Assert.True(reader.GetBoolean(1));
        Assert.True(reader.GetBoolean(2));
    }

    [Fact]
    public async Task Every_triage_change_is_kept_in_an_append_only_history()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var store = new AlertStore(database);
        var alert = Approved("sample-tracks/angara-2024/approved.alerts.jsonl")[0];
        await store.UpsertAsync([alert]);
        await store.UpdateTriageAsync(alert.Id, new TriageChange("a", Status: "acknowledged"));
        await store.UpdateTriageAsync(alert.Id, new TriageChange("b", Status: "dismissed", DismissalReason: "port state control inspection"));
        await using (var history = database.CreateCommand("SELECT changed_by, field, from_value, to_value FROM alert_triage_history ORDER BY id"))
        await using (var reader = await history.ExecuteReaderAsync())
        {
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add($"{reader.GetString(0)} {reader.GetString(1)} {(reader.IsDBNull(2) ? "-" : reader.GetString(2))}→{reader.GetString(3)}");
            }

            Assert.Equal(["a status new→acknowledged", "b status acknowledged→dismissed", "b dismissal_reason -→port state control inspection"], rows);
        }

        await using var tamper = database.CreateCommand("UPDATE alert_triage_history SET to_value = 'x'");
        var error = await Assert.ThrowsAsync<PostgresException>(() => tamper.ExecuteNonQueryAsync());
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PostgresException>(() => store.UpdateTriageAsync(alert.Id, new TriageChange("c", Status: "dismissed")));
    }
}
