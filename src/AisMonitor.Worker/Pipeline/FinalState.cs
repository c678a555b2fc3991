using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.PortCalls;

namespace AisMonitor.Worker.Pipeline;

/// <summary>The latest state of every alert and port call, in the deterministic order of the files a replay writes (start, MMSI, kind).</summary>
internal sealed class FinalState : IDetectionOutput
{
    private readonly Dictionary<string, Alert> _alerts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PortCall> _calls = new(StringComparer.Ordinal);

    public IReadOnlyCollection<Alert> Alerts => _alerts.Values;

    public IReadOnlyCollection<PortCall> PortCalls => _calls.Values;

    public void AlertChanged(Alert alert) => _alerts[alert.Id] = alert;

    public void PortCallChanged(PortCall portCall) => _calls[portCall.Id] = portCall;

    public List<Alert> OrderedAlerts() => [.. _alerts.Values.OrderBy(a => a.Start).ThenBy(a => a.Mmsi.Value).ThenBy(a => a.Kind)];

    public List<PortCall> OrderedPortCalls() => [.. _calls.Values.OrderBy(c => c.Arrival).ThenBy(c => c.Mmsi.Value)];
}
