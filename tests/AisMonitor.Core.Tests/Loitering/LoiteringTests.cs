using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using NetTopologySuite.Geometries;
using AisMonitor.Core.Tests.Support;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Loitering;

/// <summary>Loitering: under 2 kn on average, hour after hour, for 4 h, 20 nm or more from shore (the RFMO transshipment reports' definition).</summary>
public sealed class LoiteringTests
{
    private const uint Carrier = 538_000_101;
    private static readonly Duration Minute = Duration.FromMinutes(1), Hour = Duration.FromHours(1);

    /// <summary>An island from 11° to 11.5° N, 61° to 61.5° E: (12, 62) is about 42 nm from its shore.</summary>
    private static readonly Coastline Island = new([new GeometryFactory().CreatePolygon([new(61, 11), new(61.5, 11), new(61.5, 11.5), new(61, 11.5), new(61, 11)])]);

    private static List<Alert> Run(IEnumerable<DecodedMessage> messages, Coastline? land = null, DetectionOptions? options = null)
    {
        var updates = new List<Alert>();
        var engine = new DetectionEngine(options ?? new DetectionOptions(), PortIndex.Empty, updates.Add) { Land = land ?? Island };
        foreach (var message in messages)
        {
            engine.Process(message);
        }

        engine.Complete();
        return [.. updates.Where(a => a.Kind == AlertKind.Loitering).GroupBy(a => a.Id).Select(g => g.Last())];
    }

    /// <summary>Drifting north at <paramref name="knots"/>, a report every 5 minutes, with a type 5 of <paramref name="shipType"/> now and then.</summary>
    private static IEnumerable<DecodedMessage> Drifting(Instant from, Duration length, double latitude = 12, double longitude = 62, double knots = 0.5, byte shipType = 70, uint mmsi = Carrier)
    {
        for (var time = from; time < from + length; time += Minute * 5)
        {
            yield return Position(mmsi, time, latitude + ((time - from).TotalHours * knots / 60), longitude, knots);
            if ((time - from).TotalMinutes % 60 == 0)
            {
                yield return Voyage(mmsi, time, "CARRIER", shipType: shipType);
            }
        }
    }

    [Fact]
    public void A_carrier_drifting_six_hours_40_nm_offshore_is_loitering_with_its_evidence()
    {
        var alert = Assert.Single(Run(Drifting(Start, Hour * 6)));

        Assert.Equal(Severity.Medium, alert.Severity); // a candidate transshipment
        Assert.True(alert.Rules.Single(r => r.Name == "CarrierTankerOrCargo").Fired);
        var evidence = alert.Loitering!;
        Assert.InRange(evidence.DurationHours, 4.9, 5.9); // whole intervals judged slow
        Assert.InRange(evidence.AverageSpeedKnots, 0.45, 0.55);
        Assert.InRange(evidence.DistanceFromShoreNauticalMiles, 40, 44); // to the island's north-east corner
        Assert.True(evidence.Track.Count >= 5);
        Assert.Equal(Start, alert.Start);
    }

    [Theory]
    [InlineData(11.6, 61.5)] // 6 nm off the island
    [InlineData(11.25, 61.25)] // on it (a position on land)
    public void Slow_near_or_on_the_shore_is_not_loitering(double latitude, double longitude) =>
        Assert.Empty(Run(Drifting(Start, Hour * 6, latitude, longitude)));

    [Fact]
    public void Three_hours_slow_is_not_loitering() => Assert.Empty(Run(Drifting(Start, Hour * 3)));

    [Fact]
    public void A_ship_under_way_is_not_loitering() => Assert.Empty(Run(Drifting(Start, Hour * 8, knots: 10)));

    [Fact]
    public void A_fishing_vessel_slow_on_its_grounds_is_not_raised() => Assert.Empty(Run(Drifting(Start, Hour * 8, shipType: 30)));

    [Fact]
    public void Slow_after_a_ten_hour_silence_is_dark_loitering_and_high()
    {
        var messages = Merge(Steaming(Carrier, Start, Start + Hour, Minute * 5, 12, 61.8), Drifting(Start + (Hour * 11), Hour * 6));

        var alert = Assert.Single(Run(messages));

        Assert.Equal(Severity.High, alert.Severity); // carrier +2, dark +2
        Assert.InRange(alert.Loitering!.SilentBeforeHours!.Value, 9.9, 10.1);
    }

    [Fact]
    public void Without_a_coastline_nothing_is_looked_for() => Assert.Empty(Run(Drifting(Start, Hour * 6), Coastline.None));

    [Fact]
    public void Disabled_there_is_none() =>
        Assert.Empty(Run(Drifting(Start, Hour * 6), options: new DetectionOptions { Loitering = new() { Enabled = false } }));

    [Fact]
    public void Snapshot_and_restore_in_the_middle_gives_the_updates_of_an_uninterrupted_run()
    {
        var messages = Merge(Drifting(Start, Hour * 6), Steaming(Carrier, Start + (Hour * 6), Start + (Hour * 8), Minute * 5, 12.05, 62)).ToList();
        var (uninterrupted, resumed, snapshot) = SnapshotRuns.WholeAndResumed(messages, messages.FindIndex(m => m.Metadata.Received >= Start + (Hour * 5)), Island);

        Assert.Contains("\"loiter\":{", snapshot, StringComparison.Ordinal);
        Assert.Contains(uninterrupted, u => u.Contains("\"kind\":\"loitering\"", StringComparison.Ordinal));
        Assert.Equal(uninterrupted, resumed);
    }
}
