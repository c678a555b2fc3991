using System.IO.Compression;
using System.Text.Json;
using AisMonitor.Core.Geo;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace AisMonitor.Ingestion.Coastline;

/// <summary>
/// The built-in land: Natural Earth 1:50m land polygons (public domain), from the world-atlas npm
/// package (ISC), converted by scripts/coastline (attribution in Coastline/Data/SOURCE.md). About
/// 1,400 polygons; islands smaller than a few square kilometres are not in it.
/// </summary>
public static class NaturalEarthLand
{
    private static readonly Lazy<Core.Geo.Coastline> Land = new(Read);

    /// <summary>The land polygons, indexed (read once, on first use).</summary>
    public static Core.Geo.Coastline Coastline => Land.Value;

    private static Core.Geo.Coastline Read()
    {
        using var resource = typeof(NaturalEarthLand).Assembly.GetManifestResourceStream("AisMonitor.Ingestion.Coastline.land-50m.geojson.gz")
            ?? throw new InvalidOperationException("The land polygon resource is missing from the build.");
        using var json = new GZipStream(resource, CompressionMode.Decompress);
        var features = JsonSerializer.Deserialize<FeatureCollection>(json, Ports.GeoJsonPlaces.Options)
            ?? throw new InvalidDataException("The land polygon resource holds no features.");
        return new Core.Geo.Coastline(features.SelectMany(f => Polygons(f.Geometry)));
    }

    private static IEnumerable<Polygon> Polygons(Geometry geometry) => geometry switch
    {
        Polygon polygon => [polygon],
        MultiPolygon multi => multi.Geometries.Cast<Polygon>(),
        _ => [],
    };
}
