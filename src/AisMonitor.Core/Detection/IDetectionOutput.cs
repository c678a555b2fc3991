using AisMonitor.Core.Alerts;
using AisMonitor.Core.PortCalls;
using AisMonitor.Core.Tracking;

namespace AisMonitor.Core.Detection;

/// <summary>
/// Where the engine's results go, in event-time order and deterministically: every new or changed
/// alert, every new or changed port call and, when <see cref="KeepsPositions"/>, every position
/// the tracker keeps (good or suspect: the position archive). Called on the engine's thread; an
/// implementation must not call back into the engine.
/// </summary>
public interface IDetectionOutput
{
    /// <summary>A new alert, or a new state of one already given (same <see cref="Alert.Id"/>).</summary>
    void AlertChanged(Alert alert);

    /// <summary>A new port call, or a new state of one already given (same <see cref="PortCall.Id"/>).</summary>
    void PortCallChanged(PortCall portCall);

    /// <summary>Whether <see cref="PositionKept"/> is wanted: read once, when the engine is created (it costs a call per position).</summary>
    bool KeepsPositions => false;

    /// <summary>A position the tracker kept for <paramref name="mmsi"/>.</summary>
    void PositionKept(Ais.Mmsi mmsi, TrackPoint point)
    {
    }
}
