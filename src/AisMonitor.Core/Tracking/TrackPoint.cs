using AisMonitor.Core.Geo;
using NodaTime;

namespace AisMonitor.Core.Tracking;

/// <summary>
/// One position in a vessel's bounded history, stored compactly (16 bytes): single-precision
/// coordinates (about 1 m) and one 64-bit word holding milliseconds since the Unix epoch (48 bits:
/// 1970 to past year 10000), speed in tenths of a knot (15 bits, up to 3,000 kn) and the quality
/// (1 bit). Every vessel keeps sixteen of them inline: at 24 bytes they were two thirds of its state.
/// </summary>
public readonly record struct TrackPoint
{
    private const int TimeBits = 48, SpeedShift = 48, QualityShift = 63;
    private const long TimeMask = (1L << TimeBits) - 1;
    private const int NoSpeed = 0x7FFF;
    private readonly long _packed;
    private readonly float _latitude;
    private readonly float _longitude;

    /// <summary>Creates a point; <paramref name="speedKnots"/> null when not available. The time must be from 1970 on (the plausible years).</summary>
    public TrackPoint(Instant time, double latitudeDegrees, double longitudeDegrees, double? speedKnots, TrackPointQuality quality)
    {
        var milliseconds = time.ToUnixTimeMilliseconds();
        if ((ulong)milliseconds > TimeMask)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "A track point's time must be from 1970 on.");
        }

        long speed = speedKnots is { } s ? (long)Math.Round(Math.Clamp(s, 0, 3000) * 10) : NoSpeed;
        _packed = milliseconds | (speed << SpeedShift) | ((long)quality << QualityShift);
        _latitude = (float)latitudeDegrees;
        _longitude = (float)longitudeDegrees;
    }

    private TrackPoint(long packed, float latitude, float longitude) => (_packed, _latitude, _longitude) = (packed, latitude, longitude);

    /// <summary>Event time.</summary>
    public Instant Time => Instant.FromUnixTimeMilliseconds(UnixMilliseconds);

    /// <summary>Event time in milliseconds since the Unix epoch (for arithmetic on the hot path).</summary>
    public long UnixMilliseconds => _packed & TimeMask;

    /// <summary>Latitude in degrees.</summary>
    public double LatitudeDegrees => _latitude;

    /// <summary>Longitude in degrees.</summary>
    public double LongitudeDegrees => _longitude;

    /// <summary>Position.</summary>
    public GeoPoint Position => new(_latitude, _longitude);

    /// <summary>Speed over ground in knots, when reported.</summary>
    public double? SpeedKnots => SpeedTenthsOfKnot == NoSpeed ? null : SpeedTenthsOfKnot / 10.0;

    /// <summary>Whether the point is trusted for gap detection.</summary>
    public TrackPointQuality Quality => (TrackPointQuality)((ulong)_packed >> QualityShift);

    private int SpeedTenthsOfKnot => (int)((_packed >> SpeedShift) & NoSpeed);

    /// <summary>Returns the same point with another quality.</summary>
    public TrackPoint WithQuality(TrackPointQuality quality) =>
        new((_packed & ~(1L << QualityShift)) | ((long)quality << QualityShift), _latitude, _longitude);
}
