using System.Text.Json;
namespace AisMonitor.Worker.Tests.Commands;

/// <summary>Sanctioned vessels in real data are found by identifier, whatever name they broadcast.</summary>
public sealed class WatchListReplayTests
{
    [Fact]
    public void Sanctioned_vessels_in_the_NOAA_stream_are_matched_by_IMO_and_MMSI()
    {
        var (exit, _, stderr) = CommandRunner.Run("replay --no-database sample-tracks/noaa-marinecadastre-2022-01-03/AIS_2022_01_03_0000-0015_nationwide.csv.gz --out /dev/null");
        Assert.True(exit == 0, stderr);
        Assert.Contains("watch lists 2 vessels matched:", stderr, StringComparison.Ordinal);
        Assert.Contains("636015565 broadcasting \"VIKTOR BAKAEV\" = OFAC SDN 2024-05-03 entry 46611 \"VIKTOR BAKAEV\" (matched on imo+mmsi)", stderr, StringComparison.Ordinal);
        Assert.Contains("374208000 broadcasting \"MAGUS\" = OFAC SDN 2024-05-03 entry 29485 \"FREEDOM\" (matched on imo)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_built_in_list_a_user_list_matches_by_MMSI_and_a_name_alone_matches_nothing()
    {
        var list = Path.Combine(Path.GetTempPath(), $"aismonitor-list-{Guid.NewGuid():N}.csv");
        try
        {
            // VIKTOR BAKAEV by MMSI only; FREEDOM by name only (it broadcasts MAGUS anyway); a row with neither identifier.
            File.WriteAllText(list, "name,mmsi,imo\nTANKER ONE,636015565,\nMAGUS,,\nBAD CHECK DIGIT,,IMO1234568\n");
            var (exit, _, stderr) = CommandRunner.Run($"replay --no-database sample-tracks/noaa-marinecadastre-2022-01-03/AIS_2022_01_03_0000-0015_nationwide.csv.gz --out /dev/null --no-builtin-watch-list --watch-list \"{list}\"");
            Assert.True(exit == 0, stderr);
            Assert.Contains(": 1 vessels, 2 rows rejected (neither a valid IMO nor an MMSI)", stderr, StringComparison.Ordinal);
            Assert.Contains("watch lists 1 vessels matched:", stderr, StringComparison.Ordinal);
            Assert.Contains("636015565 broadcasting \"VIKTOR BAKAEV\"", stderr, StringComparison.Ordinal);
            Assert.Contains("\"TANKER ONE\" (matched on mmsi)", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(list);
        }
    }

    [Fact]
    public void The_command_logs_through_the_logging_settings_on_standard_error_and_keeps_standard_output_for_alerts()
    {
        var list = Path.Combine(Path.GetTempPath(), $"aismonitor-list-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(list, "name,mmsi,imo\nTANKER ONE,636015565,\n");
            var (exit, stdout, stderr) = CommandRunner.Run(
                $"replay --no-database sample-tracks/angara-2024/angara-2024.nmea.gz --watch-list \"{list}\"",
                environment: new Dictionary<string, string> { ["Logging__Console__FormatterName"] = "json" });
            Assert.True(exit == 0, stderr);
            var logged = stderr.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var watchList = Assert.Single(logged, e => e.GetProperty("EventId").GetInt32() == 1101);
            Assert.Equal("1", watchList.GetProperty("State").GetProperty("Vessels").ToString());
            Assert.All(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.True(JsonDocument.Parse(line).RootElement.TryGetProperty("kind", out _), line)); // alerts only
            Assert.Contains("positions   ", stderr, StringComparison.Ordinal); // the summary is still the report, in its own format
        }
        finally
        {
            File.Delete(list);
        }
    }

    [Fact]
    public void A_list_without_identifier_columns_stops_the_command_saying_what_is_needed()
    {
        var list = Path.Combine(Path.GetTempPath(), $"aismonitor-list-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(list, "name,flag\nANGARA,Russia\n");
            var (exit, _, stderr) = CommandRunner.Run($"replay --no-database sample-tracks/angara-2024/angara-2024.nmea.gz --out /dev/null --watch-list \"{list}\"");
            Assert.Equal(2, exit);
            Assert.Contains("has no 'imo' or 'mmsi' column", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(list);
        }
    }
}
