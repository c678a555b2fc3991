using System.Globalization;
using System.Text.Json;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tests.Support;
using Npgsql;

namespace AisMonitor.Storage.Tests;

/// <summary>
/// The views QGIS reads, read by GDAL's <c>ogrinfo</c> as QGIS would, on a real PostGIS (Debian's
/// postgresql-15-postgis-3, which ./test.sh installs): each a point layer in WGS 84 with its rows;
/// and a role that may not create the extension still migrates, without the views.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class QgisViewTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Ogrinfo_reads_each_view_as_a_point_layer_in_WGS_84_with_the_stored_rows()
    {
        await using var database = await postgres.NewDatabaseAsync();
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
        Assert.True(await postgres.Cluster.EnablePostGisAsync(name), "PostGIS is not installed for this PostgreSQL: ./test.sh installs Debian's postgresql-15-postgis-3 (apt-get install postgresql-15-postgis-3).");
        await SchemaMigrator.MigrateAsync(database);
        var alerts = SampleAlerts.Angara();
        await new AlertStore(database).UpsertAsync(alerts);
        await new AlertStore(database).UpdateTriageAsync(alerts[0].Id, new TriageChange("ana", Status: "escalated"));

        var builder = new NpgsqlConnectionStringBuilder(postgres.Cluster.ConnectionString(name));
        var source = string.Create(CultureInfo.InvariantCulture, $"PG:host=127.0.0.1 port={builder.Port} dbname={name} user={builder.Username} password={builder.Password}");
        var (code, output) = await Ogrinfo($"-ro -so \"{source}\" alert_geometry");
        Assert.True(code == 0, output);
        Assert.Contains("Geometry: Point", output, StringComparison.Ordinal);
        Assert.Contains($"Feature Count: {alerts.Count(a => a.Location is not null)}", output, StringComparison.Ordinal);
        Assert.Contains("ID[\"EPSG\",4326]", output, StringComparison.Ordinal);
        Assert.Contains("triage_status: String", output, StringComparison.Ordinal); // the queue's columns are in the view

        (code, output) = await Ogrinfo($"-ro \"{source}\" -sql \"SELECT id FROM alert_geometry WHERE triage_status = 'escalated'\"");
        Assert.True(code == 0, output);
        Assert.Contains("Feature Count: 1", output.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        foreach (var view in new[] { "port_call_geometry", "vessel_geometry" })
        {
            (code, output) = await Ogrinfo($"-ro -so \"{source}\" {view}");
            Assert.True(code == 0, output);
            Assert.Contains("Geometry: Point", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_role_that_may_not_create_PostGIS_migrates_without_the_views()
    {
        await using var database = await postgres.NewDatabaseAsync(); // PostGIS installed on the server, not created here
        await SchemaMigrator.MigrateAsync(database);
        await using var command = database.CreateCommand("SELECT count(*) FROM pg_views WHERE viewname LIKE '%_geometry'");
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    private static Task<(int ExitCode, string Output)> Ogrinfo(string arguments) => Tool.RunAsync("ogrinfo", arguments);
}
