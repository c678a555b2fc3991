using NodaTime;

namespace AisMonitor.Core.Loitering;

/// <summary>
/// Loitering: hours spent slow far from shore, where nothing is. The defaults are the definition of
/// the RFMO transshipment reports that Global Fishing Watch's loitering events follow: consecutive
/// hours with an average implied speed under 2 kn, at least 4 h (GFW's raw table keeps 2 h), at
/// least 20 nm from shore. Needs a coastline (the built-in Natural Earth land); without one nothing
/// is looked for.
/// </summary>
public sealed record LoiteringOptions
{
    /// <summary>Whether loitering is looked for at all (default true).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Slow means an average implied speed under this over each <see cref="SpeedInterval"/>, knots (default 2).</summary>
    public double MaximumSpeedKnots { get; init; } = 2;

    /// <summary>The speed is judged over consecutive intervals this long (default 1 h: "consecutive hours").</summary>
    public Duration SpeedInterval { get; init; } = Duration.FromHours(1);

    /// <summary>Slow for at least this long (default 4 h).</summary>
    public Duration MinimumDuration { get; init; } = Duration.FromHours(4);

    /// <summary>At least this far from the shore, nautical miles (default 20).</summary>
    public double MinimumDistanceFromShoreNauticalMiles { get; init; } = 20;

    /// <summary>A silence longer than this ends the loitering (default 3 h: satellite passes are 1–3 h apart).</summary>
    public Duration MaximumSilence { get; init; } = Duration.FromHours(3);

    /// <summary>A silence at least this long just before or ending it makes it dark loitering (default 6 h, the gap minimum).</summary>
    public Duration DarkSilence { get; init; } = Duration.FromHours(6);

    /// <summary>A port of concern within this distance raises its severity, nautical miles (default 100).</summary>
    public double PortOfConcernNauticalMiles { get; init; } = 100;

    /// <summary>Throws, naming the first option out of range.</summary>
    public void Validate()
    {
        if (MaximumSpeedKnots <= 0 || MinimumDistanceFromShoreNauticalMiles < 0 || PortOfConcernNauticalMiles < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumSpeedKnots), "Loitering:MaximumSpeedKnots must be positive, MinimumDistanceFromShoreNauticalMiles and PortOfConcernNauticalMiles not negative.");
        }

        if (SpeedInterval <= Duration.Zero || MinimumDuration <= Duration.Zero || MaximumSilence <= Duration.Zero || DarkSilence <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumDuration), "Loitering:SpeedInterval, MinimumDuration, MaximumSilence and DarkSilence must be positive.");
        }
    }
}
