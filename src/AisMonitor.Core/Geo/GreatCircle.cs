namespace AisMonitor.Core.Geo;

/// <summary>Great-circle distances on a sphere of the mean Earth radius (haversine; error under 0.5 % against WGS-84).</summary>
public static class GreatCircle
{
    /// <summary>Mean Earth radius in nautical miles (6371.0088 km / 1.852).</summary>
    public const double EarthRadiusNauticalMiles = 6371.0088 / 1.852;

    /// <summary>Kilometres per nautical mile.</summary>
    public const double KilometresPerNauticalMile = 1.852;

    /// <summary>Distance between two points in nautical miles.</summary>
    public static double DistanceNauticalMiles(GeoPoint a, GeoPoint b) =>
        DistanceNauticalMiles(a.LatitudeDegrees, a.LongitudeDegrees, b.LatitudeDegrees, b.LongitudeDegrees);

    /// <summary>Distance between two coordinate pairs in nautical miles.</summary>
    public static double DistanceNauticalMiles(double latitudeA, double longitudeA, double latitudeB, double longitudeB)
    {
        const double radians = Math.PI / 180;
        var dLat = (latitudeB - latitudeA) * radians;
        var dLon = (longitudeB - longitudeA) * radians;
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(latitudeA * radians) * Math.Cos(latitudeB * radians) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusNauticalMiles * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
