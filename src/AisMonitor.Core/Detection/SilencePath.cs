using AisMonitor.Core.Tracking;

namespace AisMonitor.Core.Detection;

/// <summary>
/// Where a vessel was while it was silent: halfway between where it went quiet and where it
/// reappeared, or, while it is still silent, where its last course and speed would have taken it.
/// Flat-earth arithmetic on degrees (longitude scaled by the cosine of latitude), which is within a
/// cell of the great circle for the hundreds of miles a silence spans.
/// </summary>
internal static class SilencePath
{
    private const double NauticalMilesPerDegree = 60;

    /// <summary>The point halfway between two positions (across the antimeridian when that is shorter).</summary>
    public static (double Latitude, double Longitude) Midway(double latitudeA, double longitudeA, double latitudeB, double longitudeB)
    {
        return ((latitudeA + latitudeB) / 2, Wrap(longitudeA + (Wrap(longitudeB - longitudeA) / 2)));
    }

    /// <summary>
    /// Where <paramref name="last"/> would be after <paramref name="hours"/> on the course from
    /// <paramref name="before"/> to it, at its reported speed (or the speed between the two); null when
    /// the two are not a usable course (too far apart in time, or no movement).
    /// </summary>
    public static (double Latitude, double Longitude)? DeadReckoned(TrackPoint before, TrackPoint last, double hours, double maximumSpeedKnots)
    {
        var legHours = (last.UnixMilliseconds - before.UnixMilliseconds) / 3_600_000.0;
        if (legHours <= 0 || legHours > 1)
        {
            return null;
        }

        var cos = Math.Cos(last.LatitudeDegrees * Math.PI / 180);
        var (north, east) = ((last.LatitudeDegrees - before.LatitudeDegrees) * NauticalMilesPerDegree, Wrap(last.LongitudeDegrees - before.LongitudeDegrees) * cos * NauticalMilesPerDegree);
        var legMiles = Math.Sqrt((north * north) + (east * east));
        if (legMiles < 0.05)
        {
            return null;
        }

        var speed = Math.Min(last.SpeedKnots ?? (legMiles / legHours), maximumSpeedKnots);
        var miles = speed * hours;
        var latitude = Math.Clamp(last.LatitudeDegrees + (north / legMiles * miles / NauticalMilesPerDegree), -90, 90);
        var longitude = Wrap(last.LongitudeDegrees + (east / legMiles * miles / NauticalMilesPerDegree / Math.Max(cos, 0.01)));
        return (latitude, longitude);
    }

    /// <summary>A longitude, or a difference of two, brought into [−180, 180] (the shorter way round).</summary>
    private static double Wrap(double longitude) => longitude > 180 ? longitude - 360 : longitude < -180 ? longitude + 360 : longitude;
}
