using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using AisMonitor.Core.Geo;

namespace AisMonitor.Core.Ports;

/// <summary>
/// The gazetteer's spatial lookups. Points with a radius: nearest-port lookup over a one-degree
/// grid, the cells around a point searched ring by ring until the nearest port found is closer
/// than any unsearched cell can be (microseconds, no allocation, for a few thousand ports).
/// Polygons: NetTopologySuite's STR-tree over their envelopes and prepared geometries for the
/// containment test.
/// </summary>
public sealed class PortIndex
{
    private const double NauticalMilesPerDegreeLatitude = 60.0;
    private readonly Dictionary<int, List<Port>> _cells = [];
    private readonly STRtree<(Port Area, IPreparedGeometry Prepared)> _areas = new();
    private readonly List<Port> _all = [];
    private readonly List<Port> _superseded = [];
    private readonly Dictionary<string, Port> _byKey = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="ports"/>.</summary>
    public PortIndex(IEnumerable<Port> ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        // A polygon of kind Port is more precise than a point with a radius: World Port Index points
        // inside one are superseded by it.
        var given = ports.ToList();
        var portAreas = given.Where(p => p.Boundary is not null && p.Kind == PlaceKind.Port).Select(p => PreparedGeometryFactory.Prepare(p.Boundary!)).ToList();
        foreach (var port in given)
        {
            if (port.Boundary is null && portAreas.Any(a => a.Contains(new Point(port.Position.LongitudeDegrees, port.Position.LatitudeDegrees))))
            {
                _superseded.Add(port);
                continue;
            }

            _all.Add(port);
            _byKey.TryAdd(port.Key, port);
            Count++;
            if (port.Boundary is { } boundary)
            {
                _areas.Insert(boundary.EnvelopeInternal, (port, PreparedGeometryFactory.Prepare(boundary)));
                AreaCount++;
                continue;
            }

            var key = CellKey((int)Math.Floor(port.Position.LatitudeDegrees), (int)Math.Floor(port.Position.LongitudeDegrees));
            if (!_cells.TryGetValue(key, out var list))
            {
                _cells[key] = list = [];
            }

            list.Add(port);
        }

        _areas.Build();
    }

    /// <summary>Every port indexed.</summary>
    public IReadOnlyList<Port> All => _all;

    /// <summary>Number of ports and areas.</summary>
    public int Count { get; }

    /// <summary>Points with a radius left out because a port polygon contains them.</summary>
    public IReadOnlyList<Port> Superseded => _superseded;

    /// <summary>Number of polygon areas.</summary>
    public int AreaCount { get; }

    /// <summary>The place with this <see cref="Port.Key"/>, if indexed (the first one given).</summary>
    public Port? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The smallest polygon area containing <paramref name="point"/>, or null.</summary>
    public Port? Containing(GeoPoint point)
    {
        if (AreaCount == 0)
        {
            return null;
        }

        var location = new Point(point.LongitudeDegrees, point.LatitudeDegrees);
        Port? best = null;
        var bestArea = double.MaxValue;
        foreach (var (area, prepared) in _areas.Query(location.EnvelopeInternal))
        {
            if (prepared.Contains(location) && area.Boundary!.Area < bestArea)
            {
                (best, bestArea) = (area, area.Boundary.Area);
            }
        }

        return best;
    }

    /// <summary>Whether <paramref name="point"/> lies inside the polygon <paramref name="area"/> or within <paramref name="marginNauticalMiles"/> of it.</summary>
    public static bool IsInOrNear(Port area, GeoPoint point, double marginNauticalMiles)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (area.Boundary is not { } boundary)
        {
            throw new ArgumentException($"{area} is not a polygon area.", nameof(area));
        }

        // Degrees of latitude; east-west the margin is generous by 1/cos(latitude), which errs towards staying in.
        var location = new Point(point.LongitudeDegrees, point.LatitudeDegrees);
        var marginDegrees = marginNauticalMiles / NauticalMilesPerDegreeLatitude / Math.Max(0.1, Math.Cos(point.LatitudeDegrees * Math.PI / 180));
        return boundary.IsWithinDistance(location, marginDegrees);
    }

    /// <summary>An index with no ports (every lookup answers null).</summary>
    public static PortIndex Empty { get; } = new([]);

    /// <summary>
    /// The nearest place within <paramref name="maxDistanceNauticalMiles"/>, with its distance, or null:
    /// for a point with a radius the distance to its point, for a polygon 0 inside it and otherwise
    /// the distance to its nearest edge.
    /// </summary>
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

        // Polygons: 0 inside (the smallest containing one), else the distance to the nearest edge.
        if (AreaCount > 0)
        {
            if (Containing(point) is { } inside)
            {
                return (inside, 0);
            }

            var reach = Math.Min(bestDistance, maxDistanceNauticalMiles);
            var location = new Point(point.LongitudeDegrees, point.LatitudeDegrees);
            var search = location.EnvelopeInternal.Copy();
            search.ExpandBy(reach / NauticalMilesPerDegreeLatitude / narrowest, reach / NauticalMilesPerDegreeLatitude);
            foreach (var (area, _) in _areas.Query(search))
            {
                var edge = NetTopologySuite.Operation.Distance.DistanceOp.NearestPoints(area.Boundary!, location)[0];
                var distance = GreatCircle.DistanceNauticalMiles(point, new GeoPoint(edge.Y, edge.X));
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (area, distance);
                }
            }
        }

        return best is not null && bestDistance <= maxDistanceNauticalMiles ? (best, bestDistance) : null;
    }

    private static int CellKey(int latitude, int longitude) => ((latitude + 90) * 360) + longitude + 180;
}
