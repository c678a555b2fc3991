using AisMonitor.Core.Detection;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>
/// Silences still under way count as evidence (right-censoring): where most vessels of a block have
/// been silent as long as the one judged, its silence is not rare, even before any of theirs has ended.
/// </summary>
public sealed class OpenSilenceTests
{
    private const long Hour = 3_600_000;
    private const uint Judged = 273_000_001;
    private static readonly long Now = Instant.FromUtc(2024, 3, 4, 0, 0).ToUnixTimeMilliseconds();

    /// <summary>
    /// Fifty vessels heard every 3 minutes for two days in the cell 21N 61E, and one in 20N 60E where
    /// silences are judged: its cell has heard too little to outweigh the 4° block (18N–22N, 60E–64E).
    /// </summary>
    private static ReceptionModel WellHeard()
    {
        var model = new ReceptionModel();
        for (var vessel = 0; vessel < 51; vessel++)
        {
            for (var t = Now - (48 * Hour); t < Now; t += 180_000)
            {
                model.Observe(vessel == 0 ? 20.5 : 21.5, vessel == 0 ? 60.5 : 61.5, 180, 12, t);
            }
        }

        return model;
    }

    private static double Chance(ReceptionModel model, double hours) =>
        model.ChancePerVesselDay(20.5, 60.5, hours * 3600, out _, new JudgedSilence(Judged, Now - (long)(hours * Hour), Now));

    [Fact]
    public void Vessels_silent_at_least_as_long_in_the_same_block_make_a_silence_ordinary_and_the_judged_ones_own_does_not_count()
    {
        var model = WellHeard();
        var alone = Chance(model, 12);
        for (var i = 0u; i < 40; i++)
        {
            model.SilenceBegan(21.5, 62.5, Now - (13 * Hour) - i, 273_100_000 + i); // another cell, the same 4° block
        }

        var withThem = Chance(model, 12);
        model.SilenceBegan(20.5, 60.5, Now - (12 * Hour), Judged);
        var withItsOwnToo = Chance(model, 12);

        Assert.True(-Math.Log10(alone) > 2.5, $"alone {alone}");
        Assert.True(-Math.Log10(withThem) < 1, $"with forty vessels silent 13 h: {withThem}");
        Assert.Equal(withThem, withItsOwnToo);
        Assert.Equal(41, model.OpenSilenceCount);
        var evidence = model.Assess(20.5, 60.5, 12 * 3600, new JudgedSilence(Judged, Now - (12 * Hour), Now));
        Assert.Equal(40, evidence.Levels[1].StillSilent);
        Assert.Equal(0, evidence.Levels[0].StillSilent);
    }

    [Fact]
    public void Shorter_silences_elsewhere_or_ended_ones_change_nothing()
    {
        var model = WellHeard();
        var alone = Chance(model, 12);
        for (var i = 0u; i < 40; i++)
        {
            model.SilenceBegan(21.5, 61.5, Now - (5 * Hour), 273_100_000 + i); // not yet as long
            model.SilenceBegan(29.5, 61.5, Now - (20 * Hour), 273_200_000 + i); // as long, but another block
            model.SilenceBegan(21.5, 62.5, Now - (14 * Hour), 273_300_000 + i); // as long, but heard again below
        }

        for (var i = 0u; i < 40; i++)
        {
            model.SilenceEnded(21.5, 62.5, Now - (14 * Hour), 273_300_000 + i);
        }

        Assert.Equal(alone, Chance(model, 12));
        Assert.Equal(80, model.OpenSilenceCount);
        Assert.Equal(alone, model.ChancePerVesselDay(20.5, 60.5, 12 * 3600, out _)); // and without a judged silence, none count
    }

    [Fact]
    public void Silences_under_way_are_kept_in_the_snapshot_and_merged()
    {
        var model = WellHeard();
        for (var i = 0u; i < 40; i++)
        {
            model.SilenceBegan(21.5, 61.5, Now - (13 * Hour), 273_100_000 + i);
        }

        var restored = new ReceptionModel();
        restored.Restore(model.ToSnapshot());
        var merged = WellHeard();
        var other = new ReceptionModel();
        for (var i = 0u; i < 40; i++)
        {
            other.SilenceBegan(21.5, 61.5, Now - (13 * Hour), 273_100_000 + i);
        }

        merged.Merge(other);

        Assert.Equal(40, restored.OpenSilenceCount);
        Assert.Equal(Chance(model, 12), Chance(restored, 12));
        Assert.Equal(Chance(model, 12), Chance(merged, 12));
    }

    [Fact]
    public void Silences_older_than_the_longest_interval_learnt_are_forgotten()
    {
        var model = WellHeard();
        var alone = Chance(model, 12);
        for (var i = 0u; i < 40; i++)
        {
            model.SilenceBegan(21.5, 61.5, Now - (31 * 24 * Hour), 273_100_000 + i); // laid up for a month: not reception
        }

        Assert.Equal(alone, Chance(model, 12));
        Assert.Equal(0, model.OpenSilenceCount);
    }

    [Fact]
    public void Halfway_is_found_across_the_antimeridian()
    {
        var (latitude, longitude) = SilencePath.Midway(10, 179, 12, -179);
        Assert.Equal(11, latitude, 9);
        Assert.Equal(180, Math.Abs(longitude), 9);
    }

    [Fact]
    public void A_silent_vessel_is_followed_on_its_last_course_at_its_last_speed()
    {
        var start = Instant.FromUtc(2024, 3, 1, 0, 0);
        var before = new TrackPoint(start, 20, 60, 12, TrackPointQuality.Good);
        var last = new TrackPoint(start + Duration.FromMinutes(10), 20, 60 + (2.0 / 60 / Math.Cos(20 * Math.PI / 180)), 12, TrackPointQuality.Good); // 2 nm east

        var (latitude, longitude) = SilencePath.DeadReckoned(before, last, 10, 25)!.Value;

        Assert.Equal(20, latitude, 6);
        Assert.Equal(120, Geo.GreatCircle.DistanceNauticalMiles(last.LatitudeDegrees, last.LongitudeDegrees, latitude, longitude), 0); // 12 kn for 10 h
        Assert.True(longitude > last.LongitudeDegrees);
        Assert.Null(SilencePath.DeadReckoned(before, before, 10, 25)); // no course
        Assert.Null(SilencePath.DeadReckoned(before, new TrackPoint(start + Duration.FromHours(3), 20, 61, 12, TrackPointQuality.Good), 10, 25)); // too old a course
    }
}
