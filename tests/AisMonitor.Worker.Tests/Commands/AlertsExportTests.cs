using System.Text.Json;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>A replay's alerts without SQL: readable text, GeoJSON for QGIS, CSV.</summary>
public sealed class AlertsExportTests
{
    private const string Approved = "sample-tracks/angara-2024/approved.alerts.jsonl";

    [Fact]
    public void Text_says_what_when_where_and_why_for_every_alert()
    {
        var (exit, stdout, stderr) = CommandRunner.Run($"alerts export {Approved}");
        Assert.True(exit == 0, stderr);
        Assert.Contains("HIGH   transponder_gap: ANGARA (MMSI 273210440, IMO 9179842)", stdout, StringComparison.Ordinal);
        Assert.Contains("2024-01-25 05:59 UTC to 2024-02-05 06:00 UTC (264 h)", stdout, StringComparison.Ordinal);
        Assert.Contains("reappeared at 34.741N 129.181E", stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllLines(Path.Combine(Core.Tests.Support.TestData.RepositoryRoot, Approved)).Length, stdout.Split('\n').Count(l => l.StartsWith("       why ", StringComparison.Ordinal)));
    }

    [Fact]
    public void GeoJson_has_the_gap_as_a_line_and_positions_as_points()
    {
        var (exit, stdout, stderr) = CommandRunner.Run($"alerts export --format geojson {Approved}");
        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var features = document.RootElement.GetProperty("features").EnumerateArray().ToList();
        var gap = Assert.Single(features, f => f.GetProperty("properties").TryGetProperty("kind", out var k) && k.GetString() == "transponder_gap");
        Assert.Equal("LineString", gap.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(132.33749, gap.GetProperty("geometry").GetProperty("coordinates")[0][0].GetDouble(), 5);
        Assert.Contains(features, f => f.GetProperty("properties").TryGetProperty("role", out var r) && r.GetString() == "position");
    }

    [Fact]
    public void Csv_has_a_row_per_alert()
    {
        var (exit, stdout, _) = CommandRunner.Run($"alerts export --format csv {Approved}");
        Assert.Equal(0, exit);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,kind,severity,mmsi,imo,vessel_name,start,end,lat,lon,score,severity_reason", rows[0]);
        Assert.Equal(File.ReadAllLines(Path.Combine(Core.Tests.Support.TestData.RepositoryRoot, Approved)).Length, rows.Length - 1);
    }

    [Fact]
    public void Filters_apply_to_a_file_as_to_the_database()
    {
        var (exit, stdout, stderr) = CommandRunner.Run($"alerts export --format csv --kind watch_list_sighting --from 2024-01-01T00:00:00Z --to 2025-01-01T00:00:00Z {Approved}");
        Assert.True(exit == 0, stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Contains(",watch_list_sighting,", r, StringComparison.Ordinal));
        Assert.Equal(2, CommandRunner.Run($"alerts export --from yesterday {Approved}").ExitCode);
    }

    [Fact]
    public void A_file_that_is_not_alerts_is_refused_naming_the_line()
    {
        var (exit, _, stderr) = CommandRunner.Run("alerts export tests/data/dma/dma-sample.csv");
        Assert.Equal(2, exit);
        Assert.Contains("line 1 is not an alert", stderr, StringComparison.Ordinal);
    }
}
