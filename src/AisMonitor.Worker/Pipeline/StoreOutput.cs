using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.PortCalls;
using AisMonitor.Storage;

namespace AisMonitor.Worker.Pipeline;

/// <summary>Every alert and port-call update to PostgreSQL as it happens, through the buffered writer (memory, then the spool, through outages).</summary>
internal sealed class StoreOutput(BufferedStoreWriter updates) : IDetectionOutput
{
    public void AlertChanged(Alert alert) => updates.Add(alert);

    public void PortCallChanged(PortCall portCall) => updates.Add(portCall);
}
