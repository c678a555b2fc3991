using System.Globalization;
using System.Text.Json;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace AisMonitor.Ingestion.Ports;

/// <summary>
/// User places from a GeoJSON FeatureCollection (read with NetTopologySuite.IO.GeoJSON4STJ):
/// polygons and multipolygons (port limits, anchorages, shipyards), and points with a radius.
/// Properties: <c>name</c> (required), <c>kind</c> (<c>port</c>, <c>anchorage</c>, <c>shipyard</c>,
/// <c>terminal</c>, <c>area_of_interest</c>; default <c>port</c>), <c>tags</c> (an array or a
/// comma-separated string; <c>of-concern</c> makes calls there notable), <c>unlocode</c>,
/// <c>country</c>, and for points <c>radius_nm</c> (required). Coordinates are longitude, latitude
/// (WGS-84). A feature that breaks these rules is rejected with its reason and counted.
/// </summary>
public static class GeoJsonPlaces
{
    /// <summary>GeoJSON through NetTopologySuite's converters.</summary>
    internal static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads a file; the places and the rejected features with their reasons.</summary>
    public static (IReadOnlyList<Port> Places, IReadOnlyList<string> Rejected) ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    /// <summary>Reads a FeatureCollection; <see cref="FormatException"/> when it is not one.</summary>
    public static (IReadOnlyList<Port> Places, IReadOnlyList<string> Rejected) Read(Stream stream, string source)
    {
        FeatureCollection? features;
        try
        {
            features = JsonSerializer.Deserialize<FeatureCollection>(stream, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source} is not a GeoJSON FeatureCollection: {e.Message}", e);
        }

        if (features is null)
        {
            throw new FormatException($"{source} is not a GeoJSON FeatureCollection.");
        }

        var places = new List<Port>();
        var rejected = new List<string>();
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            var name = Text(feature, "name");
            try
            {
                places.Add(Place(feature, name ?? throw new FormatException("it has no 'name' property")));
            }
            catch (FormatException e)
            {
                rejected.Add($"{source} feature {i + 1}{(name is null ? "" : $" ({name})")}: {e.Message}");
            }
        }

        return (places, rejected);
    }

    private static Port Place(IFeature feature, string name)
    {
        var kind = Text(feature, "kind") is { } k
            ? Enum.TryParse<PlaceKind>(k.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) ? parsed : throw new FormatException($"kind '{k}' is not one of port, anchorage, shipyard, terminal, area_of_interest")
            : PlaceKind.Port;
        var tags = Tags(feature);
        var country = Text(feature, "country") ?? "";
        var locode = Text(feature, "unlocode");
        switch (feature.Geometry)
        {
            case Point point:
                var radius = Text(feature, "radius_nm") is { } r && double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var nm) && nm > 0
                    ? nm : throw new FormatException("a point needs a positive 'radius_nm'");
                return new Port(name, locode, country, Position(point.Coordinate), radius) { Kind = kind, Tags = tags };
            case Polygon or MultiPolygon when feature.Geometry.IsValid:
                var inside = Position(feature.Geometry.InteriorPoint.Coordinate);
                var farthest = feature.Geometry.Envelope.Coordinates.Max(c => GreatCircle.DistanceNauticalMiles(inside, Position(c)));
                return new Port(name, locode, country, inside, farthest) { Kind = kind, Tags = tags, Boundary = feature.Geometry };
            case Polygon or MultiPolygon:
                throw new FormatException("its polygon is not valid (self-intersecting or badly nested rings)");
            default:
                throw new FormatException($"geometry {feature.Geometry?.GeometryType ?? "none"} is not supported (Point with radius_nm, Polygon, MultiPolygon)");
        }
    }

    private static GeoPoint Position(Coordinate c) =>
        GeoPoint.IsValid(c.Y, c.X) ? new GeoPoint(c.Y, c.X) : throw new FormatException($"({c.X}, {c.Y}) is not a longitude, latitude pair");

    private static string? Text(IFeature feature, string property) =>
        feature.Attributes?.Exists(property) == true ? feature.Attributes[property] switch
        {
            null => null,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            JsonElement e => e.GetRawText(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        } : null;

    private static string[] Tags(IFeature feature)
    {
        if (feature.Attributes?.Exists("tags") != true)
        {
            return [];
        }

        return feature.Attributes["tags"] switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(t => t.ToString())],
            IEnumerable<object> items => [.. items.Select(t => t?.ToString() ?? "")],
            var value => (value?.ToString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
