using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.PortCalls;
using AisMonitor.Core.Tracking;

namespace AisMonitor.Worker.Pipeline;

/// <summary>The engine's results given to several outputs in turn (the final state, storage, metrics).</summary>
internal sealed class DetectionOutputs(params IDetectionOutput[] outputs) : IDetectionOutput
{
    private readonly IDetectionOutput[] _positions = [.. outputs.Where(o => o.KeepsPositions)];

    public bool KeepsPositions => _positions.Length > 0;

    public void AlertChanged(Alert alert)
    {
        foreach (var output in outputs)
        {
            output.AlertChanged(alert);
        }
    }

    public void PortCallChanged(PortCall portCall)
    {
        foreach (var output in outputs)
        {
            output.PortCallChanged(portCall);
        }
    }

    public void PositionKept(Mmsi mmsi, TrackPoint point)
    {
        foreach (var output in _positions)
        {
            output.PositionKept(mmsi, point);
        }
    }
}
