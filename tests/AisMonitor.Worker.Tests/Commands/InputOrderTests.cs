namespace AisMonitor.Worker.Tests.Commands;

/// <summary>Exports grouped by vessel replay to the alerts of the same rows in time order, and nothing is dropped as too late.</summary>
public sealed class InputOrderTests
{
    [Fact]
    public void Rows_grouped_by_vessel_give_the_same_alerts_and_port_calls_as_rows_in_time_order()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-order-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            // The Angara reconstruction's positions as CSV (decode's own output), in time order and grouped by vessel.
            var (exit, csv, _) = CommandRunner.Run("decode --format csv sample-tracks/angara-2024/angara-2024.nmea.gz");
            Assert.Equal(0, exit);
            var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var inOrder = Path.Combine(folder, "in-order.csv");
            var byVessel = Path.Combine(folder, "by-vessel.csv");
            File.WriteAllLines(inOrder, lines);
            File.WriteAllLines(byVessel, [lines[0], .. lines.Skip(1).OrderBy(l => l.Split(',')[4], StringComparer.Ordinal)]);
            var environment = new Dictionary<string, string> { ["AisMonitor__DataFolder"] = folder };

            var ordered = CommandRunner.Run($"replay --no-database \"{inOrder}\" --out \"{folder}/a.jsonl\" --port-calls \"{folder}/a.calls.jsonl\"", environment: environment);
            var grouped = CommandRunner.Run($"replay --no-database \"{byVessel}\" --out \"{folder}/b.jsonl\" --port-calls \"{folder}/b.calls.jsonl\"", environment: environment);

            Assert.True(grouped.ExitCode == 0, grouped.StandardError);
            Assert.Contains("not in time order", grouped.StandardError, StringComparison.Ordinal);
            Assert.Contains("0 too late to reorder", grouped.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("not in time order", ordered.StandardError, StringComparison.Ordinal);
            Assert.NotEmpty(File.ReadAllLines($"{folder}/a.jsonl"));
            Assert.Equal(File.ReadAllText($"{folder}/a.jsonl"), File.ReadAllText($"{folder}/b.jsonl"));
            Assert.Equal(File.ReadAllText($"{folder}/a.calls.jsonl"), File.ReadAllText($"{folder}/b.calls.jsonl"));
            Assert.False(Directory.Exists(Path.Combine(folder, "sort")) && Directory.EnumerateFileSystemEntries(Path.Combine(folder, "sort")).Any(), "sort spill left behind");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Messages_dropped_as_too_late_are_a_loud_warning()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-late-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "late.csv");
            // Twenty reports agree the feed is past noon (the feed's time needs 16), then one from 11:00.
            File.WriteAllLines(path, ["mmsi,timestamp,lat,lon", .. Enumerable.Range(0, 20).Select(i => $"273210440,2024-03-01T12:{i:00}:00Z,34.5,128.5"), "273210441,2024-03-01T11:00:00Z,34.5,128.5"]);
            var (exit, _, stderr) = CommandRunner.Run($"replay --no-database --order as-is \"{path}\" --out /dev/null");
            Assert.Equal(0, exit);
            Assert.Contains("warning: 1 message was more than", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
