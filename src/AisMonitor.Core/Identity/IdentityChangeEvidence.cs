using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tracking;

namespace AisMonitor.Core.Identity;

/// <summary>The facts behind an identity-change alert: what changed when, and what the vessel was doing.</summary>
public sealed record IdentityChangeEvidence
{
    /// <summary>Every change of the episode, oldest first (name, callsign, imo, mmsi); at most the latest 20.</summary>
    public required IReadOnlyList<IdentityChange> Changes { get; init; }

    /// <summary>The MMSI this vessel's IMO was last heard under, when it moved to this one.</summary>
    public Mmsi? PreviousMmsi { get; init; }

    /// <summary>The flags (ISO country codes by MMSI) this IMO has been heard under, oldest first, when it moved.</summary>
    public IReadOnlyList<string>? Flags { get; init; }

    /// <summary>Hours the vessel had been silent before it reappeared with the change (null: no silence of note).</summary>
    public double? SilentBeforeHours { get; init; }

    /// <summary>The port the vessel was in at the change, null at sea.</summary>
    public string? InPort { get; init; }

    /// <summary>The vessel's last trusted position at the change.</summary>
    public PositionEvidence? Position { get; init; }

    /// <summary>For an IMO claimed twice: the other transponder's last position, and how far apart they were.</summary>
    public PositionEvidence? OtherPosition { get; init; }

    /// <summary>Distance between the two claims of one IMO, nautical miles.</summary>
    public double? OtherDistanceNauticalMiles { get; init; }
}
