using System.Text;
using System.Text.Json;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tests.Support;

namespace AisMonitor.Storage.Tests;

/// <summary>A spool damaged by a power cut or a full disk costs the damaged line, never the rest.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SpoolFaultTests(PostgresFixture postgres)
{
    private static List<Alert> Angara() => SampleAlerts.Angara();

    [Fact]
    public async Task A_torn_last_line_is_set_aside_and_everything_else_is_written()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var alerts = Angara();
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-spool-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var spool = Path.Combine(folder, "updates.spool");
        try
        {
            // Two whole updates, then one cut off mid-write (no newline): what a power cut leaves.
            var whole = alerts.Take(2).Select(a => JsonSerializer.Serialize(new BufferedStoreWriter.Update(a, null), AlertJson.Options) + "\n");
            var torn = JsonSerializer.Serialize(new BufferedStoreWriter.Update(alerts[2], null), AlertJson.Options)[..120];
            await File.WriteAllTextAsync(spool, string.Concat(whole) + torn, new UTF8Encoding(false));
            var log = new ListLogger();

            await using (var writer = new BufferedStoreWriter(database, spool, logger: log))
            {
                writer.Add(alerts[3]); // appended behind the torn line
                Assert.True(await writer.CompleteAsync(TimeSpan.FromSeconds(30)), string.Join("\n", log.Messages));
                Assert.True(writer.Quarantined == 1, string.Join("\n", log.Messages) + "\n" + File.ReadAllText(spool + ".quarantine"));
            }

            var stored = await new AlertStore(database).ReadAsync(new AlertQuery());
            Assert.Equal(new[] { alerts[0].Id, alerts[1].Id, alerts[3].Id }.Order(StringComparer.Ordinal), stored.Select(a => a.Id).Order(StringComparer.Ordinal));
            Assert.Equal(torn, (await File.ReadAllTextAsync(spool + ".quarantine")).TrimEnd('\n'));
            Assert.Contains(log.Messages, l => l.Contains("quarantine", StringComparison.Ordinal));
            Assert.False(File.Exists(spool), "the spool is removed once written");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_spool_keeps_positions_exactly_as_the_database_would_get_them()
    {
        var alert = Angara()[0] with { Location = new Core.Geo.GeoPoint(42.880312345678, 132.337512345678) };

        var line = JsonSerializer.Serialize(new BufferedStoreWriter.Update(alert, null), AlertJson.ExactOptions);
        var back = JsonSerializer.Deserialize<BufferedStoreWriter.Update>(line, AlertJson.ExactOptions)!;

        Assert.Equal(alert.Location, back.Alert!.Location);
    }
}
