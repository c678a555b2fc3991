using System.Text;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tests.Support;
using AisMonitor.Ingestion.Ports;

namespace AisMonitor.Ingestion.Tests.Ports;

public sealed class GeoJsonPlacesTests
{
    private static readonly string AmsaPortLimits = Path.Combine(TestData.RepositoryRoot, "tests", "data", "ports", "amsa-port-limits", "au_port_limits.geojson");

    [Fact]
    public void The_AMSA_port_limits_load_as_polygon_areas_and_answer_containment()
    {
        var (places, rejected) = GeoJsonPlaces.ReadFile(AmsaPortLimits);
        Assert.Equal(41, places.Count + rejected.Count);
        Assert.True(places.Count >= 38, string.Join("; ", rejected));
        Assert.All(places, p => Assert.NotNull(p.Boundary));
        var index = new PortIndex(places);
        Assert.Equal(places.Count, index.AreaCount);

        Assert.Equal("Sydney", index.Containing(new GeoPoint(-33.857, 151.213))?.Name); // Sydney Cove, inside the harbour
        Assert.Equal("Brisbane", index.Containing(new GeoPoint(-27.38, 153.17))?.Name); // the Port of Brisbane's wharves
        Assert.Null(index.Containing(new GeoPoint(-33.85, 152.5))); // 70 km off Sydney, in the Tasman Sea
        var sydney = places.First(p => p.Name == "Sydney");
        Assert.True(PortIndex.IsInOrNear(sydney, new GeoPoint(-33.857, 151.213), 0.5));
        Assert.False(PortIndex.IsInOrNear(sydney, new GeoPoint(-33.85, 152.5), 0.5));
    }

    [Fact]
    public void Inside_a_port_polygon_the_nearest_place_is_that_polygon_at_distance_zero()
    {
        // With --places, a vessel inside the Brisbane port limits was told its nearest port was
        // Ballina, 90 nm south, and its in-port silences became gap alerts.
        var (places, _) = GeoJsonPlaces.ReadFile(AmsaPortLimits);
        var index = new PortIndex(WorldPortIndex.WithDefaults.Concat(places));
        var nearest = index.Nearest(new GeoPoint(-27.38, 153.17));
        Assert.NotNull(nearest);
        Assert.Equal("Brisbane", nearest.Value.Port.Name);
        Assert.Equal(0, nearest.Value.DistanceNauticalMiles);

        // Outside every polygon, the distance is to the nearest edge, and a nearer point port still wins.
        var offshore = index.Nearest(new GeoPoint(-27.2, 153.6));
        Assert.NotNull(offshore);
        Assert.InRange(offshore.Value.DistanceNauticalMiles, 0.1, 30);
    }

    [Fact]
    public void Points_need_a_radius_and_every_bad_feature_is_rejected_with_its_reason()
    {
        const string json = """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": "Xinya yard", "kind": "shipyard", "tags": ["of-concern", "repair"], "radius_nm": 0.8 },
                "geometry": { "type": "Point", "coordinates": [122.11, 30.005] } },
              { "type": "Feature", "properties": { "name": "No radius" }, "geometry": { "type": "Point", "coordinates": [122.0, 30.0] } },
              { "type": "Feature", "properties": { "kind": "port" }, "geometry": { "type": "Point", "coordinates": [122.0, 30.0] } },
              { "type": "Feature", "properties": { "name": "A line" }, "geometry": { "type": "LineString", "coordinates": [[0, 0], [1, 1]] } },
              { "type": "Feature", "properties": { "name": "Odd kind", "kind": "harbour", "radius_nm": 1 }, "geometry": { "type": "Point", "coordinates": [0, 0] } }
            ] }
            """;
        var (places, rejected) = GeoJsonPlaces.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.geojson");
        var yard = Assert.Single(places);
        Assert.Equal((PlaceKind.Shipyard, 0.8), (yard.Kind, yard.RadiusNauticalMiles));
        Assert.Equal(["of-concern", "repair"], yard.Tags);
        Assert.Equal(4, rejected.Count);
        Assert.Contains(rejected, r => r.Contains("(No radius): a point needs a positive 'radius_nm'", StringComparison.Ordinal));
        Assert.Contains(rejected, r => r.Contains("feature 3: it has no 'name' property", StringComparison.Ordinal));
        Assert.Contains(rejected, r => r.Contains("LineString is not supported", StringComparison.Ordinal));
        Assert.Contains(rejected, r => r.Contains("kind 'harbour' is not one of", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_GeoJSON_is_refused_with_a_message() =>
        Assert.Contains("is not a GeoJSON FeatureCollection", Assert.Throws<FormatException>(() => GeoJsonPlaces.Read(new MemoryStream("[1, 2"u8.ToArray()), "bad.geojson")).Message, StringComparison.Ordinal);
}
