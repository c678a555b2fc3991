using System.Text.Json;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tests.Support;

namespace AisMonitor.Storage.Tests;

/// <summary>The Angara reconstruction's approved alerts, as the storage tests store them.</summary>
internal static class SampleAlerts
{
    public static List<Alert> Angara() =>
        [.. File.ReadAllLines(TestData.SampleTrack("angara-2024", "approved.alerts.jsonl")).Select(l => JsonSerializer.Deserialize<Alert>(l, AlertJson.Options)!)];
}
