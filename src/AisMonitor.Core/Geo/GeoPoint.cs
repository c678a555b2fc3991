namespace AisMonitor.Core.Geo;

/// <summary>A WGS-84 position. Only valid coordinates can be created (|lat| ≤ 90, |lon| ≤ 180).</summary>
public readonly record struct GeoPoint
{
    /// <summary>Creates a point; throws when a coordinate is out of range.</summary>
    public GeoPoint(double latitudeDegrees, double longitudeDegrees)
    {
        if (!IsValid(latitudeDegrees, longitudeDegrees))
        {
            throw new ArgumentOutOfRangeException(nameof(latitudeDegrees), $"({latitudeDegrees}, {longitudeDegrees}) is not a WGS-84 position.");
        }

        LatitudeDegrees = latitudeDegrees;
        LongitudeDegrees = longitudeDegrees;
    }

    /// <summary>Latitude in degrees, north positive.</summary>
    public double LatitudeDegrees { get; }

    /// <summary>Longitude in degrees, east positive.</summary>
    public double LongitudeDegrees { get; }

    /// <summary>True when the coordinates are finite and in range.</summary>
    public static bool IsValid(double latitudeDegrees, double longitudeDegrees) =>
        latitudeDegrees is >= -90 and <= 90 && longitudeDegrees is >= -180 and <= 180;

    /// <summary>"42.2333N 130.3000E".</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Math.Abs(LatitudeDegrees):0.0000}{(LatitudeDegrees >= 0 ? 'N' : 'S')} {Math.Abs(LongitudeDegrees):0.0000}{(LongitudeDegrees >= 0 ? 'E' : 'W')}");
}
