using System.Text.Json;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;

namespace AisMonitor.Core.Tests.Support;

/// <summary>Runs messages through an engine whole, and again snapshotted (through JSON) and restored at a cut: a detector that keeps state must give the same alert updates both ways.</summary>
public static class SnapshotRuns
{
    /// <summary>The alert updates (as exact JSON) of an uninterrupted run, of the run cut before message <paramref name="cut"/>, and the snapshot taken there.</summary>
    public static (List<string> Uninterrupted, List<string> Resumed, string Snapshot) WholeAndResumed(IReadOnlyList<DecodedMessage> messages, int cut, Coastline? land = null)
    {
        static string Json(Alert a) => JsonSerializer.Serialize(a, AlertJson.ExactOptions);
        var uninterrupted = new List<string>();
        var whole = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, a => uninterrupted.Add(Json(a))) { Land = land ?? Coastline.None };
        foreach (var message in messages)
        {
            whole.Process(message);
        }

        whole.Complete();

        var resumed = new List<string>();
        var output = new DelegateOutput(a => resumed.Add(Json(a)));
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, output) { Land = land ?? Coastline.None };
        foreach (var message in messages.Take(cut))
        {
            engine.Process(message);
        }

        var snapshot = JsonSerializer.Serialize(engine.Snapshot(), AlertJson.ExactOptions);
        engine = DetectionEngine.Restore(new DetectionOptions(), PortIndex.Empty, output, JsonSerializer.Deserialize<EngineSnapshot>(snapshot, AlertJson.ExactOptions)!, land);
        foreach (var message in messages.Skip(cut))
        {
            engine.Process(message);
        }

        engine.Complete();
        return (uninterrupted, resumed, snapshot);
    }
}
