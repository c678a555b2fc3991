using AisMonitor.Core.Geo;
using AisMonitor.Ingestion.Coastline;

namespace AisMonitor.Ingestion.Tests.Coastline;

/// <summary>The built-in land polygons (Natural Earth 1:50m) answer where the land and the shore are.</summary>
public sealed class NaturalEarthLandTests
{
    [Theory]
    [InlineData(48.86, 2.35, true)] // Paris
    [InlineData(-23.55, -46.63, true)] // São Paulo
    [InlineData(35.7, 139.7, true)] // Tokyo
    [InlineData(10.0, 32.5, true)] // Sudan: where a longliner's sign-flipped longitudes put it
    [InlineData(30.0, -40.0, false)] // the mid-Atlantic
    [InlineData(51.0, 1.45, false)] // the Strait of Dover
    [InlineData(42.88, 132.34, false)] // Dunai's bay, Primorsky Krai
    public void Land_and_sea_are_where_they_are(double latitude, double longitude, bool land) =>
        Assert.Equal(land, NaturalEarthLand.Coastline.IsOnLand(new GeoPoint(latitude, longitude)));

    [Theory]
    [InlineData(51.0, 1.45, 0, 12)] // the Strait of Dover: under 12 nm to either side
    [InlineData(39.5, -9.95, 18, 32)] // off Portugal, about 25 nm out
    [InlineData(30.0, -40.0, 100, 100)] // the mid-Atlantic: farther than asked
    public void Distances_to_the_shore_are_nautical_miles(double latitude, double longitude, double atLeast, double atMost) =>
        Assert.InRange(NaturalEarthLand.Coastline.DistanceToShoreNauticalMiles(new GeoPoint(latitude, longitude), 100), atLeast, atMost);

    [Fact]
    public void Every_polygon_is_read() => Assert.InRange(NaturalEarthLand.Coastline.Count, 1000, 3000);
}
