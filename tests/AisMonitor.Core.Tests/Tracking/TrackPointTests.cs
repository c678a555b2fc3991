using System.Runtime.CompilerServices;
using AisMonitor.Core.Tracking;
using CsCheck;
using NodaTime;

namespace AisMonitor.Core.Tests.Tracking;

/// <summary>A track point packs time, speed and quality into one word: what goes in comes out, across the plausible years.</summary>
public sealed class TrackPointTests
{
    [Fact]
    public void A_point_is_sixteen_bytes() => Assert.Equal(16, Unsafe.SizeOf<TrackPoint>());

    [Fact]
    public void Time_speed_and_quality_come_back_as_they_went_in_from_1970_to_the_last_plausible_year() =>
        Gen.Select(Gen.Long[0, Instant.FromUtc(9999, 12, 31, 23, 59).ToUnixTimeMilliseconds()], Gen.Int[-1, 30_000], Gen.Bool).Sample((milliseconds, tenths, suspect) =>
        {
            var time = Instant.FromUnixTimeMilliseconds(milliseconds);
            double? speed = tenths < 0 ? null : tenths / 10.0;
            var quality = suspect ? TrackPointQuality.Suspect : TrackPointQuality.Good;
            var point = new TrackPoint(time, -33.25, 151.5, speed, quality);
            return point.Time == time && point.UnixMilliseconds == milliseconds && point.SpeedKnots == speed && point.Quality == quality
                && point.LatitudeDegrees == -33.25 && point.LongitudeDegrees == 151.5
                && point.WithQuality(TrackPointQuality.Good) == new TrackPoint(time, -33.25, 151.5, speed, TrackPointQuality.Good);
        }, iter: 100_000);

    [Fact]
    public void Speeds_past_3000_knots_are_3000_and_times_before_1970_are_refused()
    {
        Assert.Equal(3000, new TrackPoint(Instant.FromUtc(2024, 1, 1, 0, 0), 0, 0, 1e9, TrackPointQuality.Good).SpeedKnots);
        Assert.Equal(0, new TrackPoint(Instant.FromUtc(2024, 1, 1, 0, 0), 0, 0, -5, TrackPointQuality.Good).SpeedKnots);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrackPoint(Instant.FromUtc(1969, 12, 31, 23, 59), 0, 0, null, TrackPointQuality.Good));
    }
}
