using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Messages;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.WatchLists;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>Sanctions screening: every sighting of a listed vessel after a long silence, and every call it makes.</summary>
public sealed class WatchListAlertTests
{
    private const uint Listed = 273_210_440;
    private const uint ListedImo = 9_179_842; // Angara's IMO: check digit valid
    private static readonly Duration TenMinutes = Duration.FromMinutes(10);

    private static List<Alert> Run(PortIndex ports, WatchList list, params IEnumerable<DecodedMessage>[] streams)
    {
        var updates = new List<Alert>();
        var engine = new DetectionEngine(new DetectionOptions(), ports, updates.Add);
        engine.ReplaceWatchLists(new VesselWatchLists([list]));
        foreach (var message in Merge(streams))
        {
            engine.Process(message);
        }

        engine.Complete();
        return updates;
    }

    private static DecodedMessage Voyage(uint mmsi, Instant time, uint imo, string name) =>
        new(new MessageMetadata { Received = time, ChecksumValid = true },
            new StaticAndVoyageData { MessageType = 5, Mmsi = new Mmsi(mmsi), ImoRaw = imo, ShipName = name, ShipType = 70 });

    [Fact]
    public void A_listed_vessel_is_sighted_when_first_heard_and_again_after_a_week_of_silence_but_not_after_three_days()
    {
        var list = new WatchList("test", "v1", [new WatchListEntry { Id = "7", Name = "LISTED", Mmsi = new Mmsi(Listed) }]);
        var heard = Start + Duration.FromDays(1);
        var track = new[]
        {
            Circling(Listed, Start, heard, TenMinutes, 34.5, 128.5),
            Circling(Listed, heard + Duration.FromDays(3), heard + Duration.FromDays(4), TenMinutes, 34.5, 128.5), // 3 days silent
            Circling(Listed, heard + Duration.FromDays(12), heard + Duration.FromDays(13), TenMinutes, 34.5, 128.5), // 8 days silent
        };

        var sightings = Run(PortIndex.Empty, list, track).Where(a => a.Kind == AlertKind.WatchListSighting).ToList();

        Assert.Equal(2, sightings.Count);
        Assert.Equal(Start, sightings[0].Start);
        Assert.Equal(heard + Duration.FromDays(12), sightings[1].Start);
        Assert.All(sightings, s => Assert.Equal(Severity.Low, s.Severity));
        Assert.All(sightings, s => Assert.Equal("mmsi", Assert.Single(s.WatchLists!).MatchedOn));
        Assert.Contains("8.0 days", sightings[1].SeverityReason, StringComparison.Ordinal);
        Assert.NotNull(sightings[1].Location);
    }

    [Fact]
    public void A_vessel_listed_by_IMO_is_sighted_when_its_IMO_is_first_heard_with_the_name_it_sails_under()
    {
        var list = new WatchList("test", "v1", [new WatchListEntry { Id = "9", Name = "FORMER NAME", Imo = Imo.TryCreate(ListedImo, out var imo) ? imo : null }]);
        var identityAt = Start + Duration.FromHours(5);
        var sightings = Run(PortIndex.Empty, list,
            Circling(Listed, Start, Start + Duration.FromDays(1), TenMinutes, 34.5, 128.5),
            [Voyage(Listed, identityAt, ListedImo, "NEW NAME")]).Where(a => a.Kind == AlertKind.WatchListSighting).ToList();

        var sighting = Assert.Single(sightings);
        Assert.Equal(identityAt, sighting.Start);
        var match = Assert.Single(sighting.WatchLists!);
        Assert.Equal(("imo", "NEW NAME"), (match.MatchedOn, match.BroadcastName));
        Assert.Contains("NEW NAME", sighting.ScoreExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordinary_call_by_a_listed_vessel_is_a_medium_alert_and_high_at_a_port_of_concern()
    {
        var list = new WatchList("test", "v1", [new WatchListEntry { Id = "7", Name = "LISTED", Mmsi = new Mmsi(Listed) }]);
        IEnumerable<DecodedMessage> CallAt(double latitude, double longitude)
        {
            for (var t = Start; t < Start + Duration.FromHours(2); t += TenMinutes)
            {
                yield return Position(Listed, t, latitude + 0.3, longitude, speedKnots: 12); // approaching
            }

            for (var t = Start + Duration.FromHours(2); t < Start + Duration.FromHours(8); t += TenMinutes)
            {
                yield return Position(Listed, t, latitude, longitude, speedKnots: 0); // at the berth
            }

            for (var t = Start + Duration.FromHours(8); t < Start + Duration.FromHours(10); t += TenMinutes)
            {
                yield return Position(Listed, t, latitude - 0.3, longitude, speedKnots: 12); // gone
            }
        }

        var busan = new Port("Busan", "KRPUS", "Korea", new GeoPoint(35.1, 129.04), 2);
        var rajin = new Port("Najin", "KPRJN", "North Korea", new GeoPoint(42.24, 130.3), 2);

        var ordinary = Run(new PortIndex([busan]), list, CallAt(35.1, 129.04)).Where(a => a.Kind == AlertKind.UnusualPortCall).GroupBy(a => a.Id).Select(g => g.Last()).ToList();
        var concern = Run(new PortIndex([rajin]), list, CallAt(42.24, 130.3)).Where(a => a.Kind == AlertKind.UnusualPortCall).GroupBy(a => a.Id).Select(g => g.Last()).ToList();

        Assert.Equal(Severity.Medium, Assert.Single(ordinary).Severity);
        Assert.Contains(ordinary[0].Rules, r => r.Name == "WatchListedVessel" && r.Fired);
        Assert.Equal(Severity.High, Assert.Single(concern).Severity);
    }

    [Fact]
    public void A_departure_known_only_from_a_reappearance_far_away_says_so()
    {
        var calls = new List<AisMonitor.Core.PortCalls.PortCall>();
        var engine = new DetectionEngine(new DetectionOptions(), new PortIndex([new Port("Busan", "KRPUS", "Korea", new GeoPoint(35.1, 129.04), 2)]), _ => { }, calls.Add);
        var moored = Enumerable.Range(0, 36).Select(i => Position(Listed, Start + (TenMinutes * i), 35.1, 129.04, speedKnots: 0)); // 6 h at the berth
        var silentUntil = Start + Duration.FromHours(30);
        var away = Enumerable.Range(0, 12).Select(i => Position(Listed, silentUntil + (TenMinutes * i), 33.0, 127.0 + (i * 0.01)));
        foreach (var message in moored.Concat(away))
        {
            engine.Process(message);
        }

        engine.Complete();
        var call = calls.Last();
        Assert.False(call.DepartureKnown);
        Assert.Equal(Start + (TenMinutes * 35), call.LastSeenInPort);
        Assert.Equal(silentUntil, call.Departure); // the latest it can have been
    }
}
