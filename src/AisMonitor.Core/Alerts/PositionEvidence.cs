using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Alerts;

/// <summary>A position as shown in an alert's evidence.</summary>
public sealed record PositionEvidence(
    Instant Time,
    [property: System.Text.Json.Serialization.JsonPropertyName("lat")] double LatitudeDegrees,
    [property: System.Text.Json.Serialization.JsonPropertyName("lon")] double LongitudeDegrees,
    double? SpeedKnots,
    bool Suspect)
{
    /// <summary>When, to the second.</summary>
    public Instant Time { get; init; } = Presentation.ToWholeSecond(Time);

    /// <summary>From a track point.</summary>
    public static PositionEvidence From(TrackPoint point) =>
        new(point.Time, Math.Round(point.LatitudeDegrees, 5), Math.Round(point.LongitudeDegrees, 5), point.SpeedKnots, point.Quality == TrackPointQuality.Suspect);
}
