using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tracking;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>Memory stays bounded: vessels long silent are retired, and a hard cap evicts the longest silent first.</summary>
public sealed class VesselRetirementTests
{
    private static readonly Duration TenMinutes = Duration.FromMinutes(10);

    private static (List<Alert> Alerts, DetectionEngine Engine) Run(DetectionOptions options, params IEnumerable<DecodedMessage>[] streams)
    {
        var updates = new List<Alert>();
        var engine = new DetectionEngine(options, PortIndex.Empty, updates.Add);
        foreach (var message in Merge(streams))
        {
            engine.Process(message);
        }

        engine.Complete();
        return (updates, engine);
    }

    private static IEnumerable<DecodedMessage> Busy(int days) =>
        Merge(Enumerable.Range(0, 30).Select(i => Circling((uint)(440_100_000 + i), Start, Start + Duration.FromDays(days), Duration.FromMinutes(30), 34.5, 128.5, phase: i)).ToArray());

    [Fact]
    public void A_vessel_silent_longer_than_the_retirement_age_is_no_longer_tracked()
    {
        var options = new DetectionOptions { Tracking = new TrackingOptions { RetireAfterSilence = Duration.FromDays(10) } };
        var brief = Circling(273_210_441, Start, Start + Duration.FromDays(1), TenMinutes, 34.5, 128.5);

        var (_, engine) = Run(options, Busy(15), brief);

        Assert.Null(engine.Vessel(new Mmsi(273_210_441)));
        Assert.Equal(1, engine.Statistics.VesselsRetired);
        Assert.Equal(30, engine.Statistics.Vessels);
    }

    [Fact]
    public void A_retired_vessel_with_an_open_gap_closes_it_when_it_returns()
    {
        var options = new DetectionOptions { Tracking = new TrackingOptions { RetireAfterSilence = Duration.FromDays(10) } };
        var dark = Circling(273_210_440, Start, Start + Duration.FromDays(2), TenMinutes, 34.5, 128.5)
            .Concat(Circling(273_210_440, Start + Duration.FromDays(14), Start + Duration.FromDays(15), TenMinutes, 34.5, 128.5));

        var (alerts, engine) = Run(options, Busy(15), dark);

        var gap = alerts.Where(a => a.Kind == AlertKind.TransponderGap && a.Mmsi.Value == 273_210_440).GroupBy(a => a.Id).Select(g => g.Last()).ToList();
        var closed = Assert.Single(gap);
        Assert.Equal(Start + Duration.FromDays(14), closed.End);
        Assert.Equal(1, engine.Statistics.VesselsRetired);
    }

    [Fact]
    public void Beyond_the_cap_the_longest_silent_vessels_are_evicted_first()
    {
        var options = new DetectionOptions { Tracking = new TrackingOptions { MaximumTrackedVessels = 100 } };
        // 400 vessels heard once each, an hour apart in groups of 10: far more than the cap.
        var flood = Enumerable.Range(0, 400).Select(i => Position((uint)(273_100_001 + i), Start + Duration.FromMinutes(6 * i), 34.5, 128.5));

        var (_, engine) = Run(options, flood);

        Assert.InRange(engine.Statistics.Vessels, 1, 100);
        Assert.Equal(400 - engine.Statistics.Vessels, engine.Statistics.VesselsEvicted);
        Assert.NotNull(engine.Vessel(new Mmsi(273_100_400))); // the latest heard stays
        Assert.Null(engine.Vessel(new Mmsi(273_100_001))); // the longest silent went first
    }
}
