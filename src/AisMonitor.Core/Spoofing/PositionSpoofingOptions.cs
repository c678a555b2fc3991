using NodaTime;

namespace AisMonitor.Core.Spoofing;

/// <summary>
/// Position manipulation: positions that jump where no ship could go and come back, again and again,
/// and tracks drawn as circles. The tracker already holds a position that implies more than
/// <see cref="Tracking.TrackingOptions.ImpossibleSpeedKnots"/> as suspect; here the suspects that were
/// never confirmed (the track came back) are counted. Circles: the course made good of a vessel under
/// way turns through 360° again and again around one place, each loop within an hour, the signature of
/// the GNSS spoofing reported off Shanghai in 2019 (SkyTruth; C4ADS, "Above Us Only Stars", 2019).
/// </summary>
public sealed record PositionSpoofingOptions
{
    /// <summary>Whether position manipulation is looked for at all (default true).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Raised from this many jumps that came back within <see cref="JumpWindow"/> (default 3: one is a glitch, two can be one stale position).</summary>
    public int MinimumJumps { get; init; } = 3;

    /// <summary>Jumps are counted over this window; a vessel with none for this long starts afresh (default 24 h).</summary>
    public Duration JumpWindow { get; init; } = Duration.FromHours(24);

    /// <summary>Raised from this many loops in a row (default 3: a turning circle or a man-overboard turn is one).</summary>
    public int MinimumLoops { get; init; } = 3;

    /// <summary>A loop is a turn of 360° within this long (default 1 h; a slower turn is a course change).</summary>
    public Duration MaximumLoopDuration { get; init; } = Duration.FromHours(1);

    /// <summary>Loops in a row may wander this far from the first, nautical miles (default 5): circles around one place, not a track that meanders.</summary>
    public double MaximumLoopDriftNauticalMiles { get; init; } = 5;

    /// <summary>Turning is followed only under way: at least this speed, knots (default 2; below it GNSS noise turns at random).</summary>
    public double MinimumTurningSpeedKnots { get; init; } = 2;

    /// <summary>Legs shorter than this do not turn the course, nautical miles (default 0.02, about 37 m: GNSS noise).</summary>
    public double MinimumLegNauticalMiles { get; init; } = 0.02;

    /// <summary>A port of concern within this distance raises its severity, nautical miles (default 100).</summary>
    public double PortOfConcernNauticalMiles { get; init; } = 100;

    /// <summary>Throws, naming the first option out of range.</summary>
    public void Validate()
    {
        if (MinimumJumps < 1 || MinimumLoops < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumJumps), "PositionSpoofing:MinimumJumps and MinimumLoops must be at least 1.");
        }

        if (JumpWindow <= Duration.Zero || MaximumLoopDuration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(JumpWindow), "PositionSpoofing:JumpWindow and MaximumLoopDuration must be positive.");
        }

        if (MaximumLoopDriftNauticalMiles < 0 || MinimumTurningSpeedKnots < 0 || MinimumLegNauticalMiles < 0 || PortOfConcernNauticalMiles < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumLoopDriftNauticalMiles), "PositionSpoofing:MaximumLoopDriftNauticalMiles, MinimumTurningSpeedKnots, MinimumLegNauticalMiles and PortOfConcernNauticalMiles must not be negative.");
        }
    }
}
