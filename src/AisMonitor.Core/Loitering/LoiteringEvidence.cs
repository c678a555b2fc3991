using AisMonitor.Core.Alerts;

namespace AisMonitor.Core.Loitering;

/// <summary>The facts behind a loitering alert.</summary>
public sealed record LoiteringEvidence
{
    /// <summary>Hours slow, from the first slow position to the last interval that was still slow.</summary>
    public required double DurationHours { get; init; }

    /// <summary>Distance travelled over the duration divided by it, knots.</summary>
    public required double AverageSpeedKnots { get; init; }

    /// <summary>Distance from the shore where it began, nautical miles, measured up to 200 (the coastline: Natural Earth 1:50m land).</summary>
    public required double DistanceFromShoreNauticalMiles { get; init; }

    /// <summary>Hours silent just before it began, when at least the dark silence.</summary>
    public double? SilentBeforeHours { get; init; }

    /// <summary>Hours silent that ended it, when at least the dark silence.</summary>
    public double? SilentAfterHours { get; init; }

    /// <summary>The positions at the start of each interval judged, and the last one.</summary>
    public required IReadOnlyList<PositionEvidence> Track { get; init; }
}
