using AisMonitor.Core.Geo;
using NodaTime;

namespace AisMonitor.Core.Tracking;

/// <summary>
/// One position in a vessel's bounded history, stored compactly (24 bytes): milliseconds since
/// the Unix epoch, single-precision coordinates (about 1 m), speed in tenths of a knot.
/// </summary>
public readonly record struct TrackPoint
{
    private readonly long _unixMilliseconds;
    private readonly float _latitude;
    private readonly float _longitude;
    private readonly short _speedTenthsOfKnot;
    private readonly TrackPointQuality _quality;

    /// <summary>Creates a point; <paramref name="speedKnots"/> null when not available.</summary>
    public TrackPoint(Instant time, double latitudeDegrees, double longitudeDegrees, double? speedKnots, TrackPointQuality quality)
    {
        _unixMilliseconds = time.ToUnixTimeMilliseconds();
        _latitude = (float)latitudeDegrees;
        _longitude = (float)longitudeDegrees;
        _speedTenthsOfKnot = speedKnots is { } s ? (short)Math.Round(Math.Clamp(s, 0, 3000) * 10) : (short)-1;
        _quality = quality;
    }

    /// <summary>Event time.</summary>
    public Instant Time => Instant.FromUnixTimeMilliseconds(_unixMilliseconds);

    /// <summary>Event time in milliseconds since the Unix epoch (for arithmetic on the hot path).</summary>
    public long UnixMilliseconds => _unixMilliseconds;

    /// <summary>Latitude in degrees.</summary>
    public double LatitudeDegrees => _latitude;

    /// <summary>Longitude in degrees.</summary>
    public double LongitudeDegrees => _longitude;

    /// <summary>Position.</summary>
    public GeoPoint Position => new(_latitude, _longitude);

    /// <summary>Speed over ground in knots, when reported.</summary>
    public double? SpeedKnots => _speedTenthsOfKnot < 0 ? null : _speedTenthsOfKnot / 10.0;

    /// <summary>Whether the point is trusted for gap detection.</summary>
    public TrackPointQuality Quality => _quality;

    /// <summary>Returns the same point with another quality.</summary>
    public TrackPoint WithQuality(TrackPointQuality quality) => new(Time, _latitude, _longitude, SpeedKnots, quality);
}
