using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;

namespace AisMonitor.Core.Geo;

/// <summary>
/// Land polygons (longitude/latitude), indexed: whether a point is on land, and how far it is from
/// the shore. Distances are great-circle nautical miles to the nearest point of the nearest
/// polygon's boundary, that point found in longitude/latitude (close to the true nearest at sea
/// level distances of tens of miles; the error grows toward the poles). Thread safe once built.
/// </summary>
public sealed class Coastline
{
    private readonly STRtree<Land> _index = new();
    private readonly int _count;

    /// <summary>Indexes <paramref name="land"/>.</summary>
    public Coastline(IEnumerable<Polygon> land)
    {
        ArgumentNullException.ThrowIfNull(land);
        foreach (var polygon in land)
        {
            _index.Insert(polygon.EnvelopeInternal, new Land(polygon));
            _count++;
        }

        _index.Build();
    }

    /// <summary>No land at all: every point is at sea, infinitely far from a shore.</summary>
    public static Coastline None { get; } = new([]);

    /// <summary>How many polygons.</summary>
    public int Count => _count;

    /// <summary>True when <paramref name="point"/> is inside a land polygon.</summary>
    public bool IsOnLand(GeoPoint point)
    {
        var coordinate = new Coordinate(point.LongitudeDegrees, point.LatitudeDegrees);
        foreach (var land in _index.Query(new Envelope(coordinate)))
        {
            if (land.Contains(coordinate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Distance from <paramref name="point"/> to the nearest shore in nautical miles (0 on land), or
    /// <paramref name="atMostNauticalMiles"/> when no shore is that close (only land within it is looked at).
    /// </summary>
    public double DistanceToShoreNauticalMiles(GeoPoint point, double atMostNauticalMiles)
    {
        var coordinate = new Coordinate(point.LongitudeDegrees, point.LatitudeDegrees);
        var latitudeDegrees = atMostNauticalMiles / 60;
        var longitudeDegrees = Math.Min(180, latitudeDegrees / Math.Max(0.01, Math.Cos(point.LatitudeDegrees * Math.PI / 180)));
        var around = new Envelope(coordinate.X - longitudeDegrees, coordinate.X + longitudeDegrees, coordinate.Y - latitudeDegrees, coordinate.Y + latitudeDegrees);
        var nearest = atMostNauticalMiles;
        foreach (var land in _index.Query(around))
        {
            if (land.Contains(coordinate))
            {
                return 0;
            }

            if (land.NearestShore(coordinate, longitudeDegrees) is { } shore)
            {
                nearest = Math.Min(nearest, GreatCircle.DistanceNauticalMiles(point.LatitudeDegrees, point.LongitudeDegrees, shore.Y, shore.X));
            }
        }

        return nearest;
    }

    /// <summary>One polygon with its indexes, built when first needed.</summary>
    private sealed class Land(Polygon polygon)
    {
        private IndexedPointInAreaLocator? _inside;
        private IndexedFacetDistance? _boundary;

        public bool Contains(Coordinate coordinate) =>
            polygon.EnvelopeInternal.Contains(coordinate)
            && LazyInitializer.EnsureInitialized(ref _inside, () => new IndexedPointInAreaLocator(polygon)).Locate(coordinate) != Location.Exterior;

        /// <summary>The nearest point of the boundary, when within <paramref name="withinDegrees"/> (planar, in degrees) of <paramref name="coordinate"/>.</summary>
        public Coordinate? NearestShore(Coordinate coordinate, double withinDegrees)
        {
            var boundary = LazyInitializer.EnsureInitialized(ref _boundary, () => new IndexedFacetDistance(polygon.Boundary));
            var point = new Point(coordinate);

            // Most points at sea inside a continent's bounding box are far from its shore: ruling that out prunes the
            // facet tree at once, where finding the nearest facet has to descend it.
            return boundary.IsWithinDistance(point, withinDegrees) ? boundary.NearestPoints(point)[0] : null;
        }
    }
}
