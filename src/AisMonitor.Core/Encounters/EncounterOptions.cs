using NodaTime;

namespace AisMonitor.Core.Encounters;

/// <summary>
/// Encounters (possible ship-to-ship transfers). The defaults are Global Fishing Watch's
/// definition (Miller et al. 2018, "Identifying Global Patterns of Transshipment Behavior",
/// Frontiers in Marine Science 5:240): two vessels within 500 m of each other for at least 2 h,
/// both under 2 kn, at least 10 km from a coastal anchorage, with no interpolation across a
/// silence of more than an hour.
/// </summary>
public sealed record EncounterOptions
{
    /// <summary>Whether encounters are looked for at all (default true).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Two vessels are together within this distance, in metres (default 500, GFW).</summary>
    public double MaximumDistanceMetres { get; init; } = 500;

    /// <summary>Both vessels are slower than this, in knots (default 2, GFW).</summary>
    public double MaximumSpeedKnots { get; init; } = 2;

    /// <summary>Together for at least this long (default 2 h, GFW).</summary>
    public Duration MinimumDuration { get; init; } = Duration.FromHours(2);

    /// <summary>
    /// Not within this distance of a port or place of the gazetteer, in kilometres (default 10, GFW's
    /// distance from a coastal anchorage; the World Port Index and the places given stand for anchorages).
    /// </summary>
    public double MinimumDistanceFromPortKilometres { get; init; } = 10;

    /// <summary>
    /// Not within this distance of the shore of the coastline in use, in nautical miles (default 1): vessels
    /// together in a harbour, channel or marina that no port of the gazetteer stands for. Transfers at sea,
    /// even in sheltered STS areas a few miles off a coast, are farther out. No effect without a coastline.
    /// </summary>
    public double MinimumDistanceFromShoreNauticalMiles { get; init; } = 1;

    /// <summary>
    /// Closeness is not carried across a silence of either vessel longer than this (default 1 h, GFW's
    /// limit on interpolation): an encounter ends at the last time both were heard close together.
    /// </summary>
    public Duration MaximumSilence { get; init; } = Duration.FromHours(1);

    /// <summary>Positions of each vessel kept as the encounter's track: at most one per this interval (default 10 min, GFW's grid).</summary>
    public Duration TrackInterval { get; init; } = Duration.FromMinutes(10);

    /// <summary>A silence of a vessel at least this long just before the encounter, or one that starts at its end, makes it a dark encounter (default 6 h, the gap minimum).</summary>
    public Duration DarkSilence { get; init; } = Duration.FromHours(6);

    /// <summary>
    /// Whether an encounter with a service craft is raised (default false): a tug or tow (ITU ship types 31,
    /// 32, 52), pilot boat (50), search and rescue (51), port tender (53), anti-pollution vessel (54), law
    /// enforcement (55) or medical transport (58) alongside a ship is its work, not a transfer of cargo.
    /// </summary>
    public bool IncludeServiceCraft { get; init; }

    /// <summary>
    /// Whether two fishing vessels (ITU type 30) together are raised (default false): a fleet working a
    /// ground, pair trawlers. A fishing vessel with a carrier or any other type is raised.
    /// </summary>
    public bool IncludeFishingPairs { get; init; }

    /// <summary>True for the ITU ship types of <see cref="IncludeServiceCraft"/>.</summary>
    public static bool IsServiceCraft(byte shipType) => shipType is 31 or 32 or 50 or 51 or 52 or 53 or 54 or 55 or 58;

    /// <summary>A port of concern within this distance of the encounter, in nautical miles, raises its severity (default 100).</summary>
    public double PortOfConcernNauticalMiles { get; init; } = 100;

    /// <summary>Throws, naming the first option out of range.</summary>
    public void Validate()
    {
        if (MaximumDistanceMetres <= 0 || MaximumDistanceMetres > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumDistanceMetres), "Encounters:MaximumDistanceMetres must be above 0 and at most 10000.");
        }

        if (MaximumSpeedKnots <= 0 || MinimumDistanceFromPortKilometres < 0 || MinimumDistanceFromShoreNauticalMiles < 0 || PortOfConcernNauticalMiles < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumSpeedKnots), "Encounters:MaximumSpeedKnots must be positive, MinimumDistanceFromPortKilometres, MinimumDistanceFromShoreNauticalMiles and PortOfConcernNauticalMiles not negative.");
        }

        if (MinimumDuration <= Duration.Zero || MaximumSilence <= Duration.Zero || TrackInterval <= Duration.Zero || DarkSilence <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumDuration), "Encounters:MinimumDuration, MaximumSilence, TrackInterval and DarkSilence must be positive.");
        }
    }
}
