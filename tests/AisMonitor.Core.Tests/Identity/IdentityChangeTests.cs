using System.Text.Json;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.WatchLists;
using AisMonitor.Core.Tests.Support;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Identity;

/// <summary>Identity changes: names, call signs, IMOs and flags, judged by where, when and how often they change.</summary>
public sealed class IdentityChangeTests
{
    private const uint Russian = 273_456_780, Cameroonian = 613_456_780, Comorian = 620_456_780;
    private const uint Imo = 9_074_729, OtherImo = 9_176_187; // valid check digits
    private const double Latitude = 35.0, Longitude = 129.8; // the Korea Strait
    private static readonly Duration Minute = Duration.FromMinutes(1), Hour = Duration.FromHours(1);

    private static List<Alert> Run(IEnumerable<DecodedMessage> messages, PortIndex? ports = null, VesselWatchLists? lists = null, DetectionOptions? options = null)
    {
        var updates = new List<Alert>();
        var engine = new DetectionEngine(options ?? new DetectionOptions(), ports ?? PortIndex.Empty, updates.Add);
        if (lists is not null)
        {
            engine.ReplaceWatchLists(lists);
        }

        foreach (var message in messages)
        {
            engine.Process(message);
        }

        engine.Complete();
        return [.. updates.Where(a => a.Kind == AlertKind.IdentityChange).GroupBy(a => a.Id).Select(g => g.Last())];
    }

    /// <summary>Steaming at 12 kn with a static report every 6 minutes under one identity.</summary>
    private static IEnumerable<DecodedMessage> Sailing(uint mmsi, Instant from, Instant to, string name, uint imo, string callSign, double latitude = Latitude, double longitude = Longitude) =>
        Merge(
            Steaming(mmsi, from, to, Minute * 3, latitude, longitude),
            Every(from, to, Minute * 6).Select(t => Voyage(mmsi, t, name, imo, callSign)));

    /// <summary>Moored: positions at one spot at 0 kn with static reports.</summary>
    private static IEnumerable<DecodedMessage> Moored(uint mmsi, Instant from, Instant to, string name, uint imo, string callSign, double latitude, double longitude) =>
        Merge(
            Every(from, to, Minute * 3).Select(t => Position(mmsi, t, latitude, longitude, 0)),
            Every(from, to, Minute * 6).Select(t => Voyage(mmsi, t, name, imo, callSign)));

    /// <summary>The longitude a ship steaming east at 12 kn from <see cref="Longitude"/> reaches after <paramref name="hours"/>.</summary>
    private static double Along(double hours) => Longitude + (hours * 12 / 60 / Math.Cos(Latitude * Math.PI / 180));

    private static IEnumerable<Instant> Every(Instant from, Instant to, Duration step)
    {
        for (var t = from; t < to; t += step)
        {
            yield return t;
        }
    }

    [Fact]
    public void The_first_identity_and_changes_of_destination_or_type_are_not_changes()
    {
        var messages = Merge(
            Steaming(Russian, Start, Start + (Hour * 6), Minute * 3, Latitude, Longitude),
            [Voyage(Russian, Start + Hour, "ANGARA", Imo, "UBCT5", shipType: 70), Voyage(Russian, Start + (Hour * 3), "ANGARA", Imo, "UBCT5", shipType: 79)]);
        Assert.Empty(Run(messages));
    }

    [Fact]
    public void One_hull_with_two_transponders_broadcasting_one_IMO_at_once_is_not_a_handover()
    {
        // Real: the yacht GRAN FINALE (IMO 9022180) on MMSIs 377039000 and 377039001, 25 m apart, both
        // heard all the time (NOAA MarineCadastre, Los Angeles, 2022-01-03).
        var messages = Merge(
            Moored(377_039_000, Start, Start + (Hour * 6), "GRAN FINALE", 9022180, "J8Y2969", 33.61813, -117.92525),
            Moored(377_039_001, Start + Minute, Start + (Hour * 6), "GRAN FINALE", 9022180, "J8Y2969", 33.61814, -117.92553));
        Assert.Empty(Run(messages));
    }

    [Fact]
    public void A_new_transponder_at_the_berth_replacing_the_old_one_is_a_handover_raised_as_of_when_it_happened()
    {
        // Reflagged alongside: the old MMSI's last position a minute before the new one's first, at the same berth.
        var messages = Merge(
            Moored(Russian, Start, Start + (Hour * 4), "ANGARA", Imo, "UBCT5", 29.95, 122.1),
            Moored(Cameroonian, Start + (Hour * 4) + Minute, Start + (Hour * 8), "ANGARA", Imo, "TJA1", 29.95, 122.1));

        var alert = Assert.Single(Run(messages));

        Assert.Equal(Cameroonian, alert.Mmsi.Value);
        Assert.Equal(Russian, alert.IdentityChange!.PreviousMmsi!.Value.Value);
        Assert.Equal(Start + (Hour * 4) + Minute, alert.Start);
    }

    [Fact]
    public void Snapshot_and_restore_while_a_handover_waits_to_tell_one_hull_from_a_new_transponder_gives_the_updates_of_an_uninterrupted_run()
    {
        var messages = Merge(
            Moored(Russian, Start, Start + (Hour * 4), "ANGARA", Imo, "UBCT5", 29.95, 122.1),
            Moored(Cameroonian, Start + (Hour * 4) + Minute, Start + (Hour * 8), "ANGARA", Imo, "TJA1", 29.95, 122.1),
            Moored(377_039_000, Start, Start + (Hour * 8), "GRAN FINALE", 9022180, "J8Y2969", 33.61813, -117.92525),
            Moored(377_039_001, Start + (Hour * 4) + Minute, Start + (Hour * 8), "GRAN FINALE", 9022180, "J8Y2969", 33.61814, -117.92553)).ToList();
        var (uninterrupted, resumed, snapshot) = SnapshotRuns.WholeAndResumed(messages, messages.FindIndex(m => m.Metadata.Received >= Start + (Hour * 4) + (Minute * 25)));

        Assert.Contains("\"pending\":[{", snapshot[snapshot.IndexOf("\"identity\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Single(uninterrupted, u => u.Contains("\"kind\":\"identity_change\"", StringComparison.Ordinal) && u.Contains("\"start\":", StringComparison.Ordinal));
        Assert.Equal(uninterrupted, resumed);
    }

    [Fact]
    public void A_rename_in_port_with_nothing_else_is_low_and_says_where()
    {
        var port = new Port("Zhoushan", "CNZOS", "China", new GeoPoint(29.95, 122.1), 1);
        var messages = Merge(
            Moored(Russian, Start, Start + (Hour * 4), "ANGARA", Imo, "UBCT5", 29.95, 122.1),
            Moored(Russian, Start + (Hour * 4), Start + (Hour * 8), "LAURA", Imo, "UBCT5", 29.95, 122.1));

        var alert = Assert.Single(Run(messages, new PortIndex([port])));

        Assert.Equal(Severity.Low, alert.Severity);
        var change = Assert.Single(alert.IdentityChange!.Changes);
        Assert.Equal(("name", "ANGARA", "LAURA"), (change.Field, change.From, change.To));
        Assert.Equal("Zhoushan", alert.IdentityChange.InPort);
        Assert.False(alert.Rules.Single(r => r.Name == "ChangedAtSea").Fired);
        Assert.Equal("LAURA", alert.VesselName);
    }

    [Fact]
    public void A_new_name_and_IMO_at_sea_after_a_long_silence_is_high_with_the_silence_in_evidence()
    {
        var messages = Merge(
            Sailing(Russian, Start, Start + (Hour * 6), "ANGARA", Imo, "UBCT5"),
            Sailing(Russian, Start + (Hour * 26), Start + (Hour * 30), "LAURA", OtherImo, "UBCT5", longitude: Longitude + 4));

        var alert = Assert.Single(Run(messages));

        Assert.Equal(Severity.High, alert.Severity);
        Assert.Equal(["name", "imo"], alert.IdentityChange!.Changes.Select(c => c.Field));
        Assert.InRange(alert.IdentityChange.SilentBeforeHours!.Value, 19.9, 20.1);
        Assert.True(alert.Rules.Single(r => r.Name == "ImoChanged").Fired);
        Assert.True(alert.Rules.Single(r => r.Name == "ChangedAfterSilence").Fired);
        Assert.True(alert.Rules.Single(r => r.Name == "ChangedAtSea").Fired);
        Assert.Null(alert.IdentityChange.InPort);
    }

    [Fact]
    public void An_IMO_heard_under_a_new_flag_names_the_old_MMSI_and_both_flags_and_a_third_flag_is_flag_hopping()
    {
        var messages = Merge(
            Sailing(Russian, Start, Start + (Hour * 6), "ANGARA", Imo, "UBCT5"),
            Sailing(Cameroonian, Start + (Hour * 7), Start + (Hour * 12), "ANGARA", Imo, "TJA1", longitude: Along(7)),
            Sailing(Comorian, Start + (Hour * 13), Start + (Hour * 18), "ANGARA", Imo, "D6A2", longitude: Along(13)));

        var alerts = Run(messages);

        var cameroon = Assert.Single(alerts, a => a.Mmsi.Value == Cameroonian);
        Assert.Equal(Russian, cameroon.IdentityChange!.PreviousMmsi!.Value.Value);
        Assert.Equal(["RU", "CM"], cameroon.IdentityChange.Flags!);
        Assert.False(cameroon.Rules.Single(r => r.Name == "FlagHopping").Fired);
        Assert.False(cameroon.Rules.Single(r => r.Name == "ImoClaimedTwice").Fired); // an hour apart, within reach of one ship
        var comoros = Assert.Single(alerts, a => a.Mmsi.Value == Comorian);
        Assert.Equal(["RU", "CM", "KM"], comoros.IdentityChange!.Flags!);
        Assert.True(comoros.Rules.Single(r => r.Name == "FlagHopping").Fired);
        Assert.True(comoros.Severity >= Severity.Medium);
        Assert.DoesNotContain(alerts, a => a.Mmsi.Value == Russian);
    }

    [Fact]
    public void One_IMO_broadcast_by_two_transponders_500_nm_apart_at_once_is_claimed_twice()
    {
        var messages = Merge(
            Sailing(Russian, Start, Start + (Hour * 6), "ANGARA", Imo, "UBCT5"),
            Sailing(Cameroonian, Start + (Hour * 2), Start + (Hour * 6), "ANGARA", Imo, "TJA1", latitude: Latitude - 8));

        var alert = Assert.Single(Run(messages), a => a.Mmsi.Value == Cameroonian);

        Assert.True(alert.Rules.Single(r => r.Name == "ImoClaimedTwice").Fired);
        Assert.False(alert.Rules.Single(r => r.Name == "ChangedAtSea").Fired); // neither changed anything: each has always said so
        Assert.Equal(Severity.Medium, alert.Severity); // a false IMO or a clone; high with a watch list or a silence
        Assert.InRange(alert.IdentityChange!.OtherDistanceNauticalMiles!.Value, 470, 490);
        Assert.NotNull(alert.IdentityChange.OtherPosition);
    }

    [Fact]
    public void Two_names_alternating_on_one_MMSI_are_one_alert_updated_that_says_they_went_back()
    {
        // Two class B units sharing an MMSI, or two ships: the name flips every two hours for a day.
        var messages = Merge(
            Steaming(Russian, Start, Start + (Hour * 24), Minute * 3, Latitude, Longitude),
            Every(Start, Start + (Hour * 24), Minute * 30).Select(t => Voyage(Russian, t, (int)((t - Start).TotalHours / 2) % 2 == 0 ? "SEA STAR" : "OCEAN STAR", Imo, "UBCT5")));

        var alert = Assert.Single(Run(messages));

        Assert.True(alert.Rules.Single(r => r.Name == "BackToEarlierValue").Fired);
        Assert.Equal(11, alert.IdentityChange!.Changes.Count);
        Assert.Equal(Start + (Hour * 2), alert.Start);
        Assert.Equal(Start + (Hour * 22), alert.End);
        Assert.Equal(Severity.Medium, alert.Severity); // at sea (+1), back to an earlier value (+1)
    }

    [Fact]
    public void Changes_a_week_apart_are_two_alerts() =>
        Assert.Equal(2, Run(Merge(
            Sailing(Russian, Start, Start + (Hour * 2), "ONE", Imo, "UBCT5"),
            Sailing(Russian, Start + (Hour * 2), Start + (Hour * 4), "TWO", Imo, "UBCT5"),
            Sailing(Russian, Start + Duration.FromDays(8), Start + Duration.FromDays(8) + (Hour * 2), "THREE", Imo, "UBCT5"))).Count);

    [Fact]
    public void A_listed_IMO_exchanged_for_a_clean_one_cites_the_list_entry_it_no_longer_matches()
    {
        var lists = new VesselWatchLists([new WatchList("ofac", "2024-05-03", [new WatchListEntry { Id = "42", Name = "ANGARA", Imo = Listed() }])]);
        var messages = Merge(
            Moored(Russian, Start, Start + (Hour * 4), "ANGARA", Imo, "UBCT5", Latitude, Longitude),
            Moored(Russian, Start + (Hour * 4), Start + (Hour * 8), "ANGARA", OtherImo, "UBCT5", Latitude, Longitude));

        var alert = Assert.Single(Run(messages, lists: lists));

        Assert.True(alert.Rules.Single(r => r.Name == "WatchListedIdentity").Fired);
        Assert.Equal("42", Assert.Single(alert.WatchLists!).EntryId);
        Assert.Equal(Severity.High, alert.Severity); // IMO changed (+2), listed (+2), at sea (+1)
    }

    private static Imo Listed() => AisMonitor.Core.Ais.Imo.TryCreate(Imo, out var imo) ? imo : throw new InvalidOperationException("bad test IMO");

    [Fact]
    public void Disabled_there_are_none() =>
        Assert.Empty(Run(
            Merge(Sailing(Russian, Start, Start + (Hour * 2), "ONE", Imo, "UBCT5"), Sailing(Russian, Start + (Hour * 2), Start + (Hour * 4), "TWO", Imo, "UBCT5")),
            options: new DetectionOptions { Identity = new() { Enabled = false } }));

    [Fact]
    public void Snapshot_and_restore_in_the_middle_of_an_episode_gives_the_updates_of_an_uninterrupted_run()
    {
        var messages = Merge(
            Sailing(Russian, Start, Start + (Hour * 4), "ANGARA", Imo, "UBCT5"),
            Sailing(Russian, Start + (Hour * 4), Start + (Hour * 8), "LAURA", Imo, "UBCT5", longitude: Along(4)),
            Sailing(Cameroonian, Start + (Hour * 9), Start + (Hour * 12), "ANGARA", Imo, "TJA1", longitude: Along(9)),
            Sailing(Russian, Start + (Hour * 12), Start + (Hour * 16), "ANGARA", Imo, "UBCT5", longitude: Along(12))).ToList();
        var (uninterrupted, resumed, snapshot) = SnapshotRuns.WholeAndResumed(messages, messages.FindIndex(m => m.Metadata.Received >= Start + (Hour * 10)));

        Assert.Contains("\"episodes\":[{", snapshot, StringComparison.Ordinal);
        Assert.Contains(uninterrupted, u => u.Contains("\"kind\":\"identity_change\"", StringComparison.Ordinal));
        Assert.Equal(uninterrupted, resumed);
    }

    [Fact]
    public void A_silence_is_remembered_for_a_change_after_it_only_for_its_window_also_after_a_restore()
    {
        // Kept per vessel, they are forgotten from the oldest as the window passes, not by a pass over all.
        var messages = Merge(
            Sailing(Russian, Start, Start + (Hour * 6), "ANGARA", Imo, "UBCT5"),
            Sailing(Russian, Start + (Hour * 20), Start + (Hour * 50), "ANGARA", Imo, "UBCT5", longitude: Along(20))).ToList();
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, _ => { });
        var heldAt = new Dictionary<int, int>();
        foreach (var (message, i) in messages.Select((m, i) => (m, i)))
        {
            engine.Process(message);
            if (message.Metadata.Received is { } t && (t == Start + (Hour * 22) || t == Start + (Hour * 45)))
            {
                heldAt[(int)(t - Start).TotalHours] = engine.Snapshot().Identity!.Silences.Count;
                if (t == Start + (Hour * 22))
                {
                    var snapshot = JsonSerializer.Serialize(engine.Snapshot(), AlertJson.ExactOptions);
                    engine = DetectionEngine.Restore(new DetectionOptions(), PortIndex.Empty, _ => { }, JsonSerializer.Deserialize<EngineSnapshot>(snapshot, AlertJson.ExactOptions)!);
                }
            }
        }

        Assert.Equal(1, heldAt[22]); // the 14 h silence that ended at 20 h
        Assert.Equal(0, heldAt[45]); // 25 h after it ended, past AfterSilenceWithin (24 h)
    }
}
