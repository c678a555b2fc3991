using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Geo;
using NodaTime;

namespace AisMonitor.Core.Encounters;

/// <summary>The encounter detector's state as data: the slow vessels' latest positions and the pairs together now.</summary>
/// <param name="Fixes">Slow vessels away from ports, by MMSI.</param>
/// <param name="Pairs">Pairs close together, by MMSIs.</param>
public sealed record EncounterSnapshot(IReadOnlyList<SlowFixSnapshot> Fixes, IReadOnlyList<EncounterPairSnapshot> Pairs);

/// <summary>A slow vessel's latest position away from ports.</summary>
public sealed record SlowFixSnapshot(Mmsi Mmsi, double LatitudeDegrees, double LongitudeDegrees, Instant Time, double? SilentBeforeHours);

/// <summary>A pair of vessels together, as far as it has gone.</summary>
public sealed record EncounterPairSnapshot(
    Mmsi First,
    Mmsi Second,
    Instant Start,
    Instant LastClose,
    double ClosestMetres,
    Instant ClosestAt,
    GeoPoint ClosestPoint,
    double? FirstSilentBeforeHours,
    double? SecondSilentBeforeHours,
    Instant? FirstRaised,
    IReadOnlyList<PositionEvidence> FirstTrack,
    IReadOnlyList<PositionEvidence> SecondTrack);
