using AisMonitor.Core.Geo;
using NodaTime;

namespace AisMonitor.Core.Simulation;

/// <summary>A route turned into timed legs and stays: where the vessel is, how fast and which way, at any instant.</summary>
internal sealed class RoutePlan
{
    private readonly List<Segment> _segments = [];

    public RoutePlan(IReadOnlyList<Waypoint> route, Instant start)
    {
        if (route.Count == 0)
        {
            throw new ArgumentException("A simulated vessel needs at least one waypoint.", nameof(route));
        }

        var time = start;
        for (var i = 0; i < route.Count; i++)
        {
            var here = route[i];
            var leave = here.DepartAt ?? time + Duration.FromHours(here.DwellHours);
            if (leave < time)
            {
                throw new ArgumentException($"Waypoint {here.Name ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)} is left at {leave}, before it is reached at {time}.", nameof(route));
            }

            _segments.Add(new Segment(time, leave, here, here, 0));
            time = leave;
            if (i + 1 < route.Count)
            {
                var next = route[i + 1];
                var distance = GreatCircle.DistanceNauticalMiles(here.Latitude, here.Longitude, next.Latitude, next.Longitude);
                var arrive = time + Duration.FromHours(distance / Math.Max(0.1, next.SpeedKnots));
                _segments.Add(new Segment(time, arrive, here, next, next.SpeedKnots));
                time = arrive;
            }
        }
    }

    /// <summary>Position, speed (0 when staying) and course at <paramref name="time"/>; after the route, the last waypoint.</summary>
    public (double Latitude, double Longitude, double SpeedKnots, double CourseDegrees) At(Instant time)
    {
        foreach (var segment in _segments)
        {
            if (time < segment.To || ReferenceEquals(segment, _segments[^1]))
            {
                var span = (segment.To - segment.From).TotalSeconds;
                var fraction = span <= 0 ? 1 : Math.Clamp((time - segment.From).TotalSeconds / span, 0, 1);
                var latitude = segment.A.Latitude + ((segment.B.Latitude - segment.A.Latitude) * fraction);
                var longitude = segment.A.Longitude + ((segment.B.Longitude - segment.A.Longitude) * fraction);
                var moving = segment.SpeedKnots > 0 && time < segment.To;
                return (latitude, longitude, moving ? segment.SpeedKnots : 0, Bearing(segment.A, segment.B));
            }
        }

        var last = _segments[^1].B;
        return (last.Latitude, last.Longitude, 0, 0);
    }

    private static double Bearing(Waypoint a, Waypoint b)
    {
        const double radians = Math.PI / 180;
        var y = Math.Sin((b.Longitude - a.Longitude) * radians) * Math.Cos(b.Latitude * radians);
        var x = (Math.Cos(a.Latitude * radians) * Math.Sin(b.Latitude * radians)) - (Math.Sin(a.Latitude * radians) * Math.Cos(b.Latitude * radians) * Math.Cos((b.Longitude - a.Longitude) * radians));
        return (Math.Atan2(y, x) / radians + 360) % 360;
    }

    private sealed record Segment(Instant From, Instant To, Waypoint A, Waypoint B, double SpeedKnots);
}
