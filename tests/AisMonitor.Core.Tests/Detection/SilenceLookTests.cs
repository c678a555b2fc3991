using AisMonitor.Core.Ais;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tests.Support;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>
/// When a silent vessel is next looked at: where the model knows nothing, its score cannot reach the
/// minimum, so only the intentional-disabling rule (which needs a silence of its minimum length)
/// could make it alert-worthy, and only for a vessel heard often enough before it went quiet. The
/// positions before a silence do not change while it lasts, so a vessel heard too seldom for the rule
/// is not looked at when the rule's length is reached.
/// </summary>
public sealed class SilenceLookTests
{
    private static readonly GapOptions Options = new();

    /// <summary>A vessel heard <paramref name="positions"/> times, every 40 minutes, before it went quiet.</summary>
    private static (VesselState Vessel, TrackPoint Last) Heard(int positions)
    {
        var vessel = new VesselState(new Mmsi(273_210_440));
        TrackPoint last = default;
        for (var i = 0; i < positions; i++)
        {
            last = new TrackPoint(Reports.Start + Duration.FromMinutes(40 * i), 20.0, 60.0 + (i * 0.1), 12, TrackPointQuality.Good);
            vessel.Remember(last);
        }

        vessel.LastGood = last;
        return (vessel, last);
    }

    private static Duration? NextLook(int positionsBefore, Duration silentFor, Duration latest)
    {
        var scorer = new GapScorer(Options, new ReceptionModel(), PortIndex.Empty);
        var (vessel, last) = Heard(positionsBefore);
        return scorer.EarliestAlertWorthy(vessel, last, silentFor, latest);
    }

    [Theory]
    [InlineData(14)] // the rule's minimum (GapOptions.DisablingMinimumPositionsBefore)
    [InlineData(16)]
    public void A_vessel_heard_often_enough_is_looked_at_when_the_disabling_rule_can_first_fire(int positionsBefore) =>
        Assert.Equal(Options.DisablingMinimumDuration, NextLook(positionsBefore, Duration.FromHours(9), Duration.FromHours(13.5)));

    [Theory]
    [InlineData(2)]
    [InlineData(13)]
    public void A_vessel_heard_too_seldom_for_the_disabling_rule_is_not_looked_at_for_it(int positionsBefore) =>
        Assert.Null(NextLook(positionsBefore, Duration.FromHours(9), Duration.FromHours(13.5)));

    [Fact]
    public void Before_the_rules_length_is_in_reach_neither_vessel_is_looked_at()
    {
        Assert.Null(NextLook(16, Duration.FromHours(6), Duration.FromHours(9)));
        Assert.Null(NextLook(2, Duration.FromHours(6), Duration.FromHours(9)));
    }
}
