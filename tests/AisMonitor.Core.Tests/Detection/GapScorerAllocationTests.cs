using AisMonitor.Core.Ais;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tests.Support;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>
/// A silence that is not alert-worthy is judged from numbers alone: on a satellite feed nearly every
/// vessel is looked at once per silence, so the judgement must not allocate (no closure, no iterator
/// over the history); only an alert is built with objects.
/// </summary>
public sealed class GapScorerAllocationTests
{
    private static (GapScorer Scorer, VesselState Vessel, TrackPoint Last) Silent()
    {
        var scorer = new GapScorer(new GapOptions(), new ReceptionModel(), PortIndex.Empty);
        var vessel = new VesselState(new Mmsi(273_210_440));
        TrackPoint last = default;
        for (var i = 0; i < 12; i++)
        {
            // Under way east at 12 kn: the silence is also judged where its course led.
            last = new TrackPoint(Reports.Start + Duration.FromMinutes(10 * i), 20.0, 60.0 + (i * 0.0355), 12, TrackPointQuality.Good);
            vessel.Remember(last);
        }

        vessel.LastGood = last;
        return (scorer, vessel, last);
    }

    /// <summary>Bytes allocated by 100 calls, the fewest of five rounds (the first call, before them, may initialise what it uses).</summary>
    private static long AllocatedBy(Action judge)
    {
        judge();
        return Allocations.FewestOfFiveRounds(_ =>
        {
            for (var i = 0; i < 100; i++)
            {
                judge();
            }
        });
    }

    [Fact]
    public void An_open_silence_that_is_not_alert_worthy_is_judged_without_allocating()
    {
        var (scorer, vessel, last) = Silent();
        var now = last.Time + Duration.FromHours(14);
        Assert.Null(scorer.Score(vessel, last, null, now, null));

        Assert.Equal(0, AllocatedBy(() => scorer.Score(vessel, last, null, now, null)));
    }

    [Fact]
    public void A_closed_silence_that_is_not_alert_worthy_is_judged_without_allocating()
    {
        var (scorer, vessel, last) = Silent();
        var after = new TrackPoint(last.Time + Duration.FromHours(3), 20.0, 60.6, 12, TrackPointQuality.Good);
        Assert.Null(scorer.Score(vessel, last, after, after.Time, null));

        Assert.Equal(0, AllocatedBy(() => scorer.Score(vessel, last, after, after.Time, null)));
    }

    [Fact]
    public void The_next_look_at_a_silent_vessel_is_found_without_allocating()
    {
        var (scorer, vessel, last) = Silent();

        Assert.Equal(0, AllocatedBy(() => scorer.EarliestAlertWorthy(vessel, last, Duration.FromHours(2), Duration.FromHours(20))));
    }
}
