using AisMonitor.Core.Alerts;
using AisMonitor.Core.PortCalls;

namespace AisMonitor.Core.Detection;

/// <summary>An <see cref="IDetectionOutput"/> from two actions (port calls optional, no positions): for tests and small tools.</summary>
public sealed class DelegateOutput(Action<Alert> alerts, Action<PortCall>? portCalls = null) : IDetectionOutput
{
    /// <inheritdoc/>
    public void AlertChanged(Alert alert) => alerts(alert);

    /// <inheritdoc/>
    public void PortCallChanged(PortCall portCall) => portCalls?.Invoke(portCall);
}
