using System.Text.Json;
using System.Text.RegularExpressions;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Messages;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using AisMonitor.Core.WatchLists;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>What an analyst reads: times to the second, no float noise, and a location on every alert that can have one.</summary>
public sealed partial class AlertPresentationTests
{
    private const uint Listed = 273_210_440;
    private const uint Placeholder = 111_111_111;
    private static readonly Duration TenMinutes = Duration.FromMinutes(10);

    [Fact]
    public void Alerts_from_millisecond_times_carry_whole_seconds_and_numbers_without_float_noise()
    {
        // Receive times with milliseconds (tag blocks with 13-digit c:, DMA suffixes), a far reappearance.
        var offset = Duration.FromMilliseconds(123);
        var before = Circling(Listed, Start + offset, Start + Duration.FromDays(2), TenMinutes, 34.5, 128.5);
        var after = Circling(Listed, Start + Duration.FromDays(2) + Duration.FromHours(8) + offset, Start + Duration.FromDays(3), TenMinutes, 24.5, 128.5);
        var busy = Merge(Enumerable.Range(0, 50).Select(i => Circling((uint)(440_100_000 + i), Start + offset, Start + Duration.FromDays(3), Duration.FromMinutes(30), 34.5, 128.5, phase: i)).ToArray());

        var alerts = Run(null, before, after, busy);

        var gap = Assert.Single(alerts, a => a.Kind == AlertKind.TransponderGap);
        var json = JsonSerializer.Serialize(gap, AlertJson.Options);
        Assert.DoesNotMatch(FractionalSeconds(), json);
        Assert.Contains(":00Z\"", gap.Id + "\"", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        foreach (var number in Numbers(document.RootElement))
        {
            Assert.True(IsTidy(number), $"{number} in {json}");
        }
    }

    [Fact]
    public void A_listed_vessel_first_heard_by_its_static_report_is_sighted_where_it_first_reports_a_position()
    {
        var list = new WatchList("test", "v1", [new WatchListEntry { Id = "7", Name = "LISTED", Mmsi = new Mmsi(Listed) }]);
        var firstPosition = Start + Duration.FromHours(1);

        var alerts = Run(list, [Voyage(Listed, Start)], Circling(Listed, firstPosition, Start + Duration.FromDays(1), TenMinutes, 34.5, 128.5));

        var sighting = Assert.Single(alerts, a => a.Kind == AlertKind.WatchListSighting);
        Assert.NotNull(sighting.Location);
        Assert.InRange(sighting.Location!.Value.LatitudeDegrees, 34.2, 34.8);
    }

    [Fact]
    public void A_listed_vessel_heard_only_by_static_reports_is_still_sighted_at_the_end_without_a_location()
    {
        var list = new WatchList("test", "v1", [new WatchListEntry { Id = "7", Name = "LISTED", Mmsi = new Mmsi(Listed) }]);

        var alerts = Run(list, [Voyage(Listed, Start), Voyage(Listed, Start + Duration.FromHours(6))]);

        var sighting = Assert.Single(alerts, a => a.Kind == AlertKind.WatchListSighting);
        Assert.Null(sighting.Location);
        Assert.Equal(Start, sighting.Start);
    }

    [Fact]
    public void An_identity_conflict_first_heard_by_a_static_report_is_placed_at_the_first_position_it_reports()
    {
        var alerts = Run(null, [Voyage(Placeholder, Start)], Circling(Placeholder, Start + Duration.FromHours(1), Start + Duration.FromHours(3), TenMinutes, 34.5, 128.5));

        var conflict = Assert.Single(alerts, a => a.Kind == AlertKind.IdentityConflict);
        Assert.Equal(Start, conflict.Start);
        Assert.NotNull(conflict.Location);
    }

    private static List<Alert> Run(WatchList? list, params IEnumerable<DecodedMessage>[] streams)
    {
        var updates = new List<Alert>();
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, updates.Add);
        if (list is not null)
        {
            engine.ReplaceWatchLists(new VesselWatchLists([list]));
        }

        foreach (var message in Merge(streams))
        {
            engine.Process(message);
        }

        engine.Complete();
        return updates.GroupBy(a => a.Id).Select(g => g.Last()).ToList();
    }

    private static DecodedMessage Voyage(uint mmsi, Instant time) =>
        new(new MessageMetadata { Received = time, ChecksumValid = true },
            new StaticAndVoyageData { MessageType = 5, Mmsi = new Mmsi(mmsi), ShipName = "LISTED", ShipType = 70 });

    private static IEnumerable<string> Numbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Numbers(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Numbers),
        JsonValueKind.Number => [element.GetRawText()],
        _ => [],
    };

    /// <summary>At most 5 decimals (coordinates), or at most 3 significant digits (rates and chances, also in E notation).</summary>
    private static bool IsTidy(string number)
    {
        var mantissa = number.Split('E', 'e')[0];
        var significant = mantissa.Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('-', '0').Length;
        return significant <= 3 || (!number.Contains('E', StringComparison.OrdinalIgnoreCase) && (!number.Contains('.', StringComparison.Ordinal) || number.Split('.')[1].Length <= 5));
    }

    [GeneratedRegex(@"T\d\d:\d\d:\d\d\.\d+Z")]
    private static partial Regex FractionalSeconds();
}
