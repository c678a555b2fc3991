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

    [Fact]
    public void An_eviction_cuts_to_the_millisecond_inside_the_second_it_falls_in()
    {
        // The tables keep when each vessel was heard in whole seconds; the cut must still fall between
        // two vessels heard in the same second, as it did when every vessel's own time was read.
        var options = new DetectionOptions { Tracking = new TrackingOptions { MaximumTrackedVessels = 100 } };
        var earlier = Enumerable.Range(0, 4).Select(i => Position((uint)(273_100_001 + i), Start + Duration.FromSeconds(9) + Duration.FromMilliseconds(100 * i), 34.5, 128.5));
        var sameSecond = Enumerable.Range(4, 96).Select(i => Position((uint)(273_100_001 + i), Start + Duration.FromSeconds(10) + Duration.FromMilliseconds(7 * i), 34.5, 128.5));
        var newcomer = Position(273_200_000, Start + Duration.FromHours(1), 34.5, 128.5);

        var (_, engine) = Run(options, earlier.Concat(sameSecond).Append(newcomer));

        // The longest silent tenth of 100: the four heard a second earlier and the six heard first in the next.
        Assert.Equal(10, engine.Statistics.VesselsEvicted);
        Assert.All(Enumerable.Range(0, 10), i => Assert.Null(engine.Vessel(new Mmsi((uint)(273_100_001 + i)))));
        Assert.All(Enumerable.Range(10, 90), i => Assert.NotNull(engine.Vessel(new Mmsi((uint)(273_100_001 + i)))));
        Assert.NotNull(engine.Vessel(new Mmsi(273_200_000)));
    }

    [Fact]
    public void An_evicted_vessels_state_is_reused_for_a_new_one_that_inherits_nothing_of_it()
    {
        var options = new DetectionOptions { Tracking = new TrackingOptions { MaximumTrackedVessels = 100 } };
        var engine = new DetectionEngine(options, PortIndex.Empty, _ => { });
        // The first vessel is known by name and track, then 150 others are heard once each: it is the first evicted, and
        // the vessels heard after that eviction take the states it freed (the later evictions take older vessels than theirs).
        engine.Process(Voyage(273_100_000, Start + TenMinutes, "FIRST", imo: 9_074_729));
        foreach (var message in Circling(273_100_000, Start, Start + Duration.FromHours(1), TenMinutes, 34.5, 128.5))
        {
            engine.Process(message);
        }

        VesselState? first = null; // once out of the reordering window
        foreach (var i in Enumerable.Range(1, 150))
        {
            engine.Process(Position((uint)(273_100_000 + i), Start + Duration.FromHours(1) + Duration.FromMinutes(6 * i), 35.5, 129.5));
            first ??= engine.Vessel(new Mmsi(273_100_000)) is { Identity.Name: "FIRST" } known ? known : null;
        }

        Assert.NotNull(first);
        Assert.Null(engine.Vessel(new Mmsi(273_100_000)));
        var heir = Assert.Single(engine.Vessels(), v => ReferenceEquals(v, first));
        Assert.NotEqual(273_100_000u, heir.Mmsi.Value);
        Assert.Null(heir.Identity);
        Assert.Equal(heir.LastGood, Assert.Single(heir.History)); // its own one report, none of the first vessel's
        Assert.Empty(heir.IdentityChanges);
    }

    [Fact]
    public void A_reused_state_is_in_every_field_a_new_one()
    {
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, _ => { });
        engine.Process(Voyage(273_100_000, Start, "FIRST", imo: 9_876_543));
        engine.Process(Voyage(273_100_000, Start + TenMinutes, "RENAMED", imo: 9_876_543));
        foreach (var message in Circling(273_100_000, Start, Start + Duration.FromDays(1), TenMinutes, 34.5, 128.5, phase: 1))
        {
            engine.Process(message);
        }

        engine.Process(Position(273_100_000, Start + Duration.FromDays(1) + Duration.FromMinutes(1), 36.5, 128.5, speedKnots: 0)); // held as suspect
        engine.Complete();
        var used = engine.Vessel(new Mmsi(273_100_000))!;
        Assert.NotNull(used.PendingSuspect);
        Assert.NotEmpty(used.IdentityChanges);

        var reused = used.Reuse(new Mmsi(636_000_001));
        var fresh = new VesselState(new Mmsi(636_000_001));

        foreach (var field in typeof(VesselState).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
        {
            Assert.True(SameValue(field.GetValue(reused), field.GetValue(fresh)), $"VesselState.{field.Name} is not reset by Reuse");
        }
    }

    /// <summary>Equal, or for a value type its bytes equal (an inline array's equality sees its first element only).</summary>
    private static bool SameValue(object? a, object? b)
    {
        if (a is null || b is null || !a.GetType().IsValueType)
        {
            return Equals(a, b);
        }

        var bytes = typeof(VesselRetirementTests).GetMethod(nameof(Bytes), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(a.GetType());
        return ((byte[])bytes.Invoke(null, [a])!).AsSpan().SequenceEqual((byte[])bytes.Invoke(null, [b])!);
    }

    private static byte[] Bytes<T>(object boxed)
    {
        var value = (T)boxed;
        var bytes = new byte[System.Runtime.CompilerServices.Unsafe.SizeOf<T>()];
        System.Runtime.CompilerServices.Unsafe.WriteUnaligned(ref bytes[0], value);
        return bytes;
    }
}
