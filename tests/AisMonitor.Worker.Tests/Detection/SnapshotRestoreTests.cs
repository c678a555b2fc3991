using System.Text.Json;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tests.Support;
using AisMonitor.Ingestion.Ports;
using AisMonitor.Ingestion.Replay;
using AisMonitor.Ingestion.WatchLists;
using AisMonitor.Core.WatchLists;
using AisMonitor.Worker.Output;

namespace AisMonitor.Worker.Tests.Detection;

/// <summary>
/// A restart loses nothing: half a feed is replayed, the engine is snapshotted to JSON, a fresh
/// engine is restored from the JSON and replays the rest, and the alerts are exactly those of one
/// uninterrupted run.
/// </summary>
public sealed class SnapshotRestoreTests
{
    private static readonly PortIndex Ports = new(WorldPortIndex.WithDefaults);
    private static readonly VesselWatchLists Lists = new([WatchListCsv.OfacSdn2024]);

    [Theory]
    [InlineData("sample-tracks/angara-2024/angara-2024.nmea.gz", 0.5)]
    [InlineData("sample-tracks/angara-2024/angara-2024.nmea.gz", 0.8)]
    [InlineData("sample-tracks/angara-2024/angara-2024.nmea.gz", 0.95)] // in the Zhoushan call, before its silence
    [InlineData("sample-tracks/gfw-segmenter/positions.csv", 0.5)]
    public void Snapshot_and_restore_in_the_middle_of_a_replay_gives_the_alerts_of_an_uninterrupted_run(string file, double split)
    {
        var path = Path.Combine(TestData.RepositoryRoot, file);
        var uninterrupted = new List<string>();
        var whole = new DetectionEngine(new DetectionOptions(), Ports, a => uninterrupted.Add(Json(a)), c => uninterrupted.Add(JsonSerializer.Serialize(c, AlertJson.Options)));
        whole.ReplaceWatchLists(Lists);
        var messages = 0L;
        using (var reader = ReplayInput.Open(path))
        {
            while (reader.TryRead(out var message))
            {
                whole.Process(message);
                messages++;
            }
        }

        whole.Complete();

        var resumed = new List<string>();
        var first = new DetectionEngine(new DetectionOptions(), Ports, a => resumed.Add(Json(a)), c => resumed.Add(JsonSerializer.Serialize(c, AlertJson.Options)));
        first.ReplaceWatchLists(Lists);
        using (var reader = ReplayInput.Open(path))
        {
            var index = 0L;
            DetectionEngine engine = first;
            while (reader.TryRead(out var message))
            {
                if (index++ == (long)(messages * split))
                {
                    var json = JsonSerializer.Serialize(engine.Snapshot(), AlertJson.Options);
                    var snapshot = JsonSerializer.Deserialize<EngineSnapshot>(json, AlertJson.Options)!;
                    engine = DetectionEngine.Restore(new DetectionOptions(), Ports, a => resumed.Add(Json(a)), snapshot, c => resumed.Add(JsonSerializer.Serialize(c, AlertJson.Options)));
                    engine.ReplaceWatchLists(Lists);
                }

                engine.Process(message);
            }

            engine.Complete();
            Assert.Equal(whole.Statistics.Positions, engine.Statistics.Positions);
            Assert.Equal(whole.Statistics.Late, engine.Statistics.Late);
        }

        Assert.NotEmpty(uninterrupted);
        Assert.Equal(uninterrupted, resumed);
    }

    private static string Json(Alert alert) => JsonSerializer.Serialize(alert, AlertJson.Options);
}
