using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using NodaTime;

namespace AisMonitor.Core.Encounters;

/// <summary>The facts behind an encounter alert: who met whom, where, how close, for how long, and the silences around it.</summary>
public sealed record EncounterEvidence
{
    /// <summary>The other vessel (the alert's own is the alert's MMSI).</summary>
    public required EncounterVessel Other { get; init; }

    /// <summary>The alert's own vessel, as known at the encounter.</summary>
    public required EncounterVessel Vessel { get; init; }

    /// <summary>Hours together (to the latest time both were heard close while it goes on).</summary>
    public required double DurationHours { get; init; }

    /// <summary>The closest distance measured between them, in metres.</summary>
    public required double ClosestApproachMetres { get; init; }

    /// <summary>When they were closest.</summary>
    public required Instant ClosestAt { get; init; }

    /// <summary>The nearest port or place, and its distance in nautical miles (null when none within 600 nm).</summary>
    public string? NearestPort { get; init; }

    /// <summary>Distance to <see cref="NearestPort"/>, nautical miles.</summary>
    public double? NearestPortNauticalMiles { get; init; }

    /// <summary>The alert's vessel's positions during the encounter, one per track interval.</summary>
    public required IReadOnlyList<PositionEvidence> Track { get; init; }

    /// <summary>The other vessel's positions during it.</summary>
    public required IReadOnlyList<PositionEvidence> OtherTrack { get; init; }
}

/// <summary>One vessel of an encounter: its identity and the silences around the encounter.</summary>
public sealed record EncounterVessel
{
    /// <summary>MMSI.</summary>
    public required Mmsi Mmsi { get; init; }

    /// <summary>IMO, when broadcast.</summary>
    public Imo? Imo { get; init; }

    /// <summary>Name, when broadcast.</summary>
    public string? Name { get; init; }

    /// <summary>AIS ship type, when broadcast.</summary>
    public int? ShipType { get; init; }

    /// <summary>Hours it had been silent when it was first heard in the encounter (null: first heard in the feed there).</summary>
    public double? SilentBeforeHours { get; init; }

    /// <summary>True when the encounter ended because this vessel fell silent while the other was still there.</summary>
    public bool FellSilent { get; init; }
}
