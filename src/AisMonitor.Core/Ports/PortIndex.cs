using AisMonitor.Core.Geo;

namespace AisMonitor.Core.Ports;

/// <summary>
/// Nearest-port lookup over a one-degree grid: the cells around a point are searched ring by ring
/// until the nearest port found is closer than any unsearched cell can be. A port list of a few
/// thousand entries answers in microseconds without allocating.
/// </summary>
public sealed class PortIndex
{
    private const double NauticalMilesPerDegreeLatitude = 60.0;
    private readonly Dictionary<int, List<Port>> _cells = [];

    /// <summary>Indexes <paramref name="ports"/>.</summary>
    public PortIndex(IEnumerable<Port> ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        foreach (var port in ports)
        {
            var key = CellKey((int)Math.Floor(port.Position.LatitudeDegrees), (int)Math.Floor(port.Position.LongitudeDegrees));
            if (!_cells.TryGetValue(key, out var list))
            {
                _cells[key] = list = [];
            }

            list.Add(port);
            Count++;
        }
    }

    /// <summary>Every port indexed.</summary>
    public IEnumerable<Port> All => _cells.Values.SelectMany(list => list);

    /// <summary>Number of ports.</summary>
    public int Count { get; }

    /// <summary>An index with no ports (every lookup answers null).</summary>
    public static PortIndex Empty { get; } = new([]);

    /// <summary>The nearest port within <paramref name="maxDistanceNauticalMiles"/>, with its distance, or null.</summary>
    public (Port Port, double DistanceNauticalMiles)? Nearest(GeoPoint point, double maxDistanceNauticalMiles = 600)
    {
        var cellLatitude = (int)Math.Floor(point.LatitudeDegrees);
        var cellLongitude = (int)Math.Floor(point.LongitudeDegrees);
        Port? best = null;
        var bestDistance = double.MaxValue;
        // A degree of longitude shrinks with latitude: bound distances by the narrowest degree in reach.
        var narrowest = Math.Max(0.02, Math.Cos(Math.Min(89.9, Math.Abs(point.LatitudeDegrees) + (maxDistanceNauticalMiles / NauticalMilesPerDegreeLatitude) + 1) * Math.PI / 180));
        var maxRing = Math.Min(180, (int)Math.Ceiling(maxDistanceNauticalMiles / (NauticalMilesPerDegreeLatitude * narrowest)) + 1);
        for (var ring = 0; ring <= maxRing; ring++)
        {
            // Every cell of this ring is at least (ring - 1) narrowest degrees away.
            if (best is not null && (ring - 1) * NauticalMilesPerDegreeLatitude * narrowest > bestDistance)
            {
                break;
            }

            for (var dLat = -ring; dLat <= ring; dLat++)
            {
                var longitudeSpan = Math.Min(ring, 180);
                for (var dLon = -longitudeSpan; dLon <= longitudeSpan; dLon++)
                {
                    if (Math.Max(Math.Abs(dLat), Math.Abs(dLon)) != ring)
                    {
                        continue;
                    }

                    var longitude = cellLongitude + dLon;
                    longitude = longitude < -180 ? longitude + 360 : longitude >= 180 ? longitude - 360 : longitude;
                    if (!_cells.TryGetValue(CellKey(cellLatitude + dLat, longitude), out var ports))
                    {
                        continue;
                    }

                    foreach (var port in ports)
                    {
                        var distance = GreatCircle.DistanceNauticalMiles(point, port.Position);
                        if (distance < bestDistance)
                        {
                            (best, bestDistance) = (port, distance);
                        }
                    }
                }
            }
        }

        return best is not null && bestDistance <= maxDistanceNauticalMiles ? (best, bestDistance) : null;
    }

    private static int CellKey(int latitude, int longitude) => ((latitude + 90) * 360) + longitude + 180;
}
