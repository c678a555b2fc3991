using NodaTime;

namespace AisMonitor.Core.PortCalls;

/// <summary>Port-call detection and scoring (DESIGN.md §4), with their documented defaults.</summary>
public sealed record PortCallOptions
{
    /// <summary>A vessel enters a port within its radius (World Port Index: by harbour size, at least this). Default 1.6 nm (3 km).</summary>
    public double MinimumEntryRadiusNauticalMiles { get; init; } = 1.6;

    /// <summary>It leaves when further than its entry radius plus this (hysteresis). Default 0.54 nm (1 km).</summary>
    public double ExitMarginNauticalMiles { get; init; } = 0.54;

    /// <summary>Stopped below this speed. Default 0.2 kn.</summary>
    public double StopSpeedKnots { get; init; } = 0.2;

    /// <summary>Moving again above this speed. Default 0.5 kn.</summary>
    public double MoveSpeedKnots { get; init; } = 0.5;

    /// <summary>A visit is a call when the vessel stopped at least this long in total (or went silent in port). Default 30 minutes.</summary>
    public Duration MinimumStop { get; init; } = Duration.FromMinutes(30);

    /// <summary>A silence inside a port at least this long is a port gap. Default 4 h.</summary>
    public Duration PortGapMinimum { get; init; } = Duration.FromHours(4);

    /// <summary>A port gap that starts within this time of arrival is "silent on arrival". Default 12 h.</summary>
    public Duration SilentOnArrivalWithin { get; init; } = Duration.FromHours(12);

    /// <summary>A call is "after a long gap" when it is the first call since a transponder gap at least this long. Default 24 h.</summary>
    public Duration LongGapMinimum { get; init; } = Duration.FromHours(24);

    /// <summary>… and that gap ended at most this long before the arrival. Default 7 days.</summary>
    public Duration LongGapWithin { get; init; } = Duration.FromDays(7);

    /// <summary>An unusual-call alert needs this score (the sum of the factors' weights). Default 3.</summary>
    public double UnusualMinimumScore { get; init; } = 3;

    /// <summary>High severity from this score. Default 4.</summary>
    public double UnusualHighScore { get; init; } = 4;

    /// <summary>Dark port calls: the speed a vessel is assumed able to hold while dark. Default 16 kn (cargo ships; the scenario's Angara sails at 10–14).</summary>
    public double DarkCallTopSpeedKnots { get; init; } = 16;

    /// <summary>
    /// Dark port calls: how much longer than the great circle a route by sea is taken to be. Great
    /// circles cross land (from the Baltic to the Black Sea, half of Europe); real routes between
    /// ports are typically 1.1–1.5 times longer. Default 1.3.
    /// </summary>
    public double DarkCallRouteFactor { get; init; } = 1.3;

    /// <summary>Dark port calls: the shortest stay that counts as a call. Default 6 h.</summary>
    public Duration DarkCallMinimumStay { get; init; } = Duration.FromHours(6);

    /// <summary>Dark port calls are looked for in gaps at least this long. Default 12 h.</summary>
    public Duration DarkCallMinimumGap { get; init; } = Duration.FromHours(12);

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        if (MinimumEntryRadiusNauticalMiles <= 0 || ExitMarginNauticalMiles < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumEntryRadiusNauticalMiles), "PortCalls: the entry radius must be positive and the exit margin not negative.");
        }

        if (StopSpeedKnots < 0 || MoveSpeedKnots < StopSpeedKnots)
        {
            throw new ArgumentOutOfRangeException(nameof(MoveSpeedKnots), "PortCalls: need 0 ≤ StopSpeedKnots ≤ MoveSpeedKnots.");
        }

        if (PortGapMinimum <= Duration.Zero || DarkCallTopSpeedKnots <= 0 || UnusualHighScore < UnusualMinimumScore)
        {
            throw new ArgumentOutOfRangeException(nameof(PortGapMinimum), "PortCalls: PortGapMinimum and DarkCallTopSpeedKnots must be positive, UnusualHighScore ≥ UnusualMinimumScore.");
        }

        if (DarkCallRouteFactor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(DarkCallRouteFactor), "PortCalls:DarkCallRouteFactor must be at least 1 (a route is never shorter than the great circle).");
        }
    }
}
