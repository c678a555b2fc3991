using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tracking;
using AisMonitor.Core.WatchLists;
using NodaTime;

namespace AisMonitor.Core.Identity;

/// <summary>The identity-change detector's state as data: who last held each IMO, the open episodes, the recent silences.</summary>
public sealed record IdentitySnapshot(IReadOnlyList<ImoHolderSnapshot> ImoHolders, IReadOnlyList<IdentityEpisodeSnapshot> Episodes, IReadOnlyList<SilenceSnapshot> Silences)
{
    /// <summary>Handovers beside a still-heard holder, waiting to tell a new transponder from a second one on the same hull.</summary>
    public IReadOnlyList<PendingHandoverSnapshot> Pending { get; init; } = [];
}

/// <summary>An IMO that moved to <paramref name="Mmsi"/> at <paramref name="Time"/>, not yet raised.</summary>
public sealed record PendingHandoverSnapshot(Mmsi Mmsi, IdentityHandover Handover, Instant Time);

/// <summary>An MMSI that broadcast an IMO, from when to when.</summary>
public sealed record ImoHolderSnapshot(int Imo, Mmsi Mmsi, Instant FirstHeard, Instant LastHeard);

/// <summary>A vessel's reappearance after a silence.</summary>
public sealed record SilenceSnapshot(Mmsi Mmsi, IdentitySilence Silence);

/// <summary>A vessel reappeared at <paramref name="End"/> after <paramref name="Hours"/> silent.</summary>
public sealed record IdentitySilence(Instant End, double Hours);

/// <summary>An IMO moved to this MMSI from <paramref name="PreviousMmsi"/>: where that one was last heard, how far away, whether one ship could be both, and the flags of the IMO.</summary>
public sealed record IdentityHandover(Mmsi PreviousMmsi, PositionEvidence? OtherPosition, double? OtherDistanceNauticalMiles, bool ClaimedTwice, IReadOnlyList<string> Flags)
{
    /// <summary>How long the IMO was silent between its last position under the old MMSI and its first message under the new, when at least the silence minimum.</summary>
    public IdentitySilence? Silence { get; init; }
}

/// <summary>One vessel's changes less than the episode window apart, as far as they have gone.</summary>
public sealed record IdentityEpisodeSnapshot(
    Mmsi Mmsi,
    Instant Start,
    Instant LastChange,
    IReadOnlyList<IdentityChange> Changes,
    IReadOnlyList<string> Values,
    IdentityHandover? Handover,
    IdentitySilence? Silence,
    bool AtSea,
    string? Port,
    bool Returned,
    IReadOnlyList<WatchListMatch> ListedBefore,
    Instant? FirstRaised);
