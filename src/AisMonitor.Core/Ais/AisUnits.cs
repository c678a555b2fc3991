namespace AisMonitor.Core.Ais;

/// <summary>
/// Conversions from the raw integer units of ITU-R M.1371-5 to domain units, each turning the
/// protocol's "not available" value (and anything out of range) into null. Done once, here.
/// </summary>
public static class AisUnits
{
    private const long LongitudeNotAvailableTenThousandthMinutes = 181 * 600_000;
    private const long LatitudeNotAvailableTenThousandthMinutes = 91 * 600_000;

    /// <summary>Longitude from 1/10000 minute; 181° is "not available".</summary>
    public static double? LongitudeTenThousandthMinutes(long raw) =>
        raw == LongitudeNotAvailableTenThousandthMinutes ? null : Degrees(raw / 600_000.0, 180);

    /// <summary>Latitude from 1/10000 minute; 91° is "not available".</summary>
    public static double? LatitudeTenThousandthMinutes(long raw) =>
        raw == LatitudeNotAvailableTenThousandthMinutes ? null : Degrees(raw / 600_000.0, 90);

    /// <summary>Longitude from 1/10 minute (types 17, 22, 23, 27); 181° is "not available".</summary>
    public static double? LongitudeTenthMinutes(long raw) => raw == 181 * 600 ? null : Degrees(raw / 600.0, 180);

    /// <summary>Latitude from 1/10 minute; 91° is "not available".</summary>
    public static double? LatitudeTenthMinutes(long raw) => raw == 91 * 600 ? null : Degrees(raw / 600.0, 90);

    /// <summary>Speed over ground from 1/10 knot; 1023 is "not available".</summary>
    public static double? SpeedTenthsOfKnot(int raw) => raw == 1023 ? null : raw / 10.0;

    /// <summary>Course over ground from 1/10 degree; 3600 is "not available", above it is invalid.</summary>
    public static double? CourseTenthsOfDegree(int raw) => raw >= 3600 ? null : raw / 10.0;

    /// <summary>True heading in degrees; 511 is "not available", 360–510 are invalid.</summary>
    public static short? Heading(int raw) => raw >= 360 ? null : (short)raw;

    private static double? Degrees(double value, double limit) => value is >= -180 and <= 180 && Math.Abs(value) <= limit ? value : null;
}
