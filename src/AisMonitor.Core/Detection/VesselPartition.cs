using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tracking;

namespace AisMonitor.Core.Detection;

/// <summary>
/// One partition of the vessels, by MMSI hash, with everything that belongs to them alone: their
/// state, the queue of silence checks over them, and the open gaps of those retired. Nothing in it
/// refers to another partition, so a partition can be snapshotted, restored and (later) run in
/// another process by itself; what the whole feed shares (the clock, feed outages, the learnt
/// models, which merge) stays with the engine.
/// </summary>
internal sealed class VesselPartition
{
    public VesselTable Vessels { get; } = new();

    /// <summary>When each vessel next needs a look while silent, in Unix milliseconds.</summary>
    public SilenceCheckQueue SilenceChecks { get; } = new();

    /// <summary>States of retired vessels, kept to be reused for new ones (see <see cref="VesselState.Reuse"/>), oldest first, up to a tenth of the partition's share of the cap.</summary>
    public Queue<VesselState> Reusable { get; } = new();

    /// <summary>Retired vessels' open gaps by MMSI, closed if they return.</summary>
    public Dictionary<uint, CarriedGap> CarriedGaps { get; } = [];
}

/// <summary>A retired vessel's open gap: its last position and the alert, to close if it returns.</summary>
internal sealed record CarriedGap(TrackPoint LastGood, Alert OpenGap);
