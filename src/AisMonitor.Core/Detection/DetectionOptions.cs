using AisMonitor.Core.Tracking;

namespace AisMonitor.Core.Detection;

/// <summary>All options of the detection engine, with their documented defaults.</summary>
public sealed record DetectionOptions
{
    /// <summary>Tracking options.</summary>
    public TrackingOptions Tracking { get; init; } = new();

    /// <summary>Reception model options.</summary>
    public ReceptionOptions Reception { get; init; } = new();

    /// <summary>Transponder-gap options.</summary>
    public GapOptions Gaps { get; init; } = new();

    /// <summary>Watch-list sighting options.</summary>
    public WatchLists.WatchListOptions WatchLists { get; init; } = new();

    /// <summary>Port-call options.</summary>
    public PortCalls.PortCallOptions PortCalls { get; init; } = new();

    /// <summary>Encounter (possible ship-to-ship transfer) options.</summary>
    public Encounters.EncounterOptions Encounters { get; init; } = new();

    /// <summary>Identity-change options.</summary>
    public Identity.IdentityOptions Identity { get; init; } = new();

    /// <summary>Loitering options.</summary>
    public Loitering.LoiteringOptions Loitering { get; init; } = new();

    /// <summary>Position manipulation options (jumps and circles).</summary>
    public Spoofing.PositionSpoofingOptions PositionSpoofing { get; init; } = new();

    /// <summary>Validates every part.</summary>
    public void Validate()
    {
        Tracking.Validate();
        Reception.Validate();
        Gaps.Validate();
        PortCalls.Validate();
        WatchLists.Validate();
        Encounters.Validate();
        Identity.Validate();
        Loitering.Validate();
        PositionSpoofing.Validate();
    }
}
