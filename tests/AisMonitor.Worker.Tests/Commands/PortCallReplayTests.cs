using System.Text.Json;
using AisMonitor.Core.Alerts;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>Port calls in real tracks (GFW) and in the Angara reconstruction.</summary>
public sealed class PortCallReplayTests
{
    /// <summary>In-process, as <c>replay --no-database FILE [--mmsi N] --out … --port-calls …</c> writes them (its end-to-end test is in ReplayGoldenTests).</summary>
    private static async Task<(List<JsonElement> Alerts, List<JsonElement> Calls)> Replay(string file, uint? mmsi = null)
    {
        var final = await Golden.Replay([file], mmsi);
        return ([.. final.OrderedAlerts().Select(a => JsonSerializer.SerializeToElement(a, AlertJson.Options))],
            [.. final.OrderedPortCalls().Select(c => JsonSerializer.SerializeToElement(c, AlertJson.Options))]);
    }

    [Theory]
    [InlineData(204814000, "PTPDL")]
    [InlineData(205316000, "BEZEE,DKTHN,DKTHN,DKTHN")]
    [InlineData(230942350, "FIKAS,FINLI,FIKAS")]
    [InlineData(538004505, "GMBJL")]
    public async Task Real_port_stays_are_calls_at_the_right_World_Port_Index_ports_and_none_is_unusual_without_a_watch_list(long mmsi, string ports)
    {
        var (alerts, calls) = await Replay("sample-tracks/gfw-segmenter/positions.csv", (uint)mmsi);
        Assert.Equal(ports, string.Join(",", calls.Select(c => c.GetProperty("port").GetProperty("un_locode").GetString())));
        Assert.All(calls, c => Assert.Equal(mmsi, c.GetProperty("mmsi").GetInt64()));
        Assert.DoesNotContain(alerts, a => a.GetProperty("kind").GetString() == "unusual_port_call");
    }

    [Fact]
    public async Task A_call_still_in_progress_at_the_end_of_the_input_counts_every_hour_stopped()
    {
        // 204814000 lies at Ponta Delgada from 5 August 17:10 to the end of its track (10 August 11:42, 114.5 h), reporting 0–0.1 kn.
        var (_, calls) = await Replay("sample-tracks/gfw-segmenter/positions.csv", 204814000);
        var call = Assert.Single(calls);
        Assert.False(call.TryGetProperty("departure", out _));
        Assert.InRange(call.GetProperty("stopped_hours").GetDouble(), 100, 114.5);
    }

    [Fact]
    public async Task Angara_gives_its_sightings_both_calls_the_gap_the_possible_dark_call_at_Rajin_the_wait_off_Zhoushan_and_nothing_else()
    {
        var (alerts, _) = await Replay("sample-tracks/angara-2024/angara-2024.nmea.gz");
        Assert.Equal(["unusual_port_call", "watch_list_sighting", "transponder_gap", "possible_dark_port_call", "watch_list_sighting", "loitering", "unusual_port_call"],
            alerts.Select(a => a.GetProperty("kind").GetString()));
        Assert.All(alerts, a => Assert.Equal(273210440, a.GetProperty("mmsi").GetInt64()));

        // An OFAC-listed vessel: its ordinary call at Dunai is reported (medium), and it is sighted when
        // first heard and when heard again in the Korea Strait after eleven days of silence.
        Assert.Equal(("medium", "Dunai"), (alerts[0].GetProperty("severity").GetString(), alerts[0].GetProperty("port_call").GetProperty("port").GetProperty("name").GetString()));
        Assert.Equal("SightedAfterSilence", alerts[4].GetProperty("rules")[0].GetProperty("name").GetString());
        Assert.Equal("2024-02-05T06:00:19Z", alerts[4].GetProperty("start").GetString());

        var dark = alerts[3];
        Assert.Contains(dark.GetProperty("dark_port_call").GetProperty("ports").EnumerateArray(), p => p.GetProperty("port").GetProperty("un_locode").GetString() == "KPRJN");
        Assert.Equal("high", dark.GetProperty("severity").GetString());

        // The reconstruction's wait 60-odd nm off the Chinese coast before the shipyard: loitering, high for a listed cargo ship.
        var wait = alerts[5];
        Assert.Equal("high", wait.GetProperty("severity").GetString());
        Assert.InRange(wait.GetProperty("loitering").GetProperty("duration_hours").GetDouble(), 48, 60);
        Assert.InRange(wait.GetProperty("loitering").GetProperty("distance_from_shore_nautical_miles").GetDouble(), 40, 120);

        var call = alerts[6];
        Assert.Equal("CNZOS", call.GetProperty("port_call").GetProperty("port").GetProperty("un_locode").GetString());
        var fired = call.GetProperty("rules").EnumerateArray().Where(r => r.GetProperty("fired").GetBoolean()).Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Contains("WatchListedVessel", fired);
        Assert.Contains("AfterLongGap", fired);
        Assert.Contains("SilentOnArrival", fired);
        Assert.Equal("imo", call.GetProperty("watch_lists")[0].GetProperty("matched_on").GetString());
        Assert.Equal("high", call.GetProperty("severity").GetString());
    }
}
