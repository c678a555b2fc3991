using System.Text.Json;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>Port calls in real tracks (GFW) and in the Angara reconstruction.</summary>
public sealed class PortCallReplayTests
{
    private static (List<JsonElement> Alerts, List<JsonElement> Calls) Replay(string arguments)
    {
        var alerts = Path.Combine(Path.GetTempPath(), $"aismonitor-alerts-{Guid.NewGuid():N}.jsonl");
        var calls = Path.ChangeExtension(alerts, ".calls.jsonl");
        try
        {
            var (exit, _, stderr) = CommandRunner.Run($"{arguments} --out \"{alerts}\" --port-calls \"{calls}\"");
            Assert.True(exit == 0, stderr);
            static List<JsonElement> Read(string path) => [.. File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement)];
            return (Read(alerts), Read(calls));
        }
        finally
        {
            File.Delete(alerts);
            File.Delete(calls);
        }
    }

    [Theory]
    [InlineData(204814000, "PTPDL")]
    [InlineData(205316000, "BEZEE,DKTHN,DKTHN,DKTHN")]
    [InlineData(230942350, "FIKAS,FINLI,FIKAS")]
    [InlineData(538004505, "GMBJL")]
    public void Real_port_stays_are_calls_at_the_right_World_Port_Index_ports_and_none_is_unusual_without_a_watch_list(long mmsi, string ports)
    {
        var (alerts, calls) = Replay($"replay --no-database sample-tracks/gfw-segmenter/positions.csv --mmsi {mmsi}");
        Assert.Equal(ports, string.Join(",", calls.Select(c => c.GetProperty("port").GetProperty("un_locode").GetString())));
        Assert.All(calls, c => Assert.Equal(mmsi, c.GetProperty("mmsi").GetInt64()));
        Assert.DoesNotContain(alerts, a => a.GetProperty("kind").GetString() == "unusual_port_call");
    }

    [Fact]
    public void A_call_still_in_progress_at_the_end_of_the_input_counts_every_hour_stopped()
    {
        // 204814000 lies at Ponta Delgada from 5 August 17:10 to the end of its track (10 August 11:42, 114.5 h), reporting 0–0.1 kn.
        var (_, calls) = Replay("replay --no-database sample-tracks/gfw-segmenter/positions.csv --mmsi 204814000");
        var call = Assert.Single(calls);
        Assert.False(call.TryGetProperty("departure", out _));
        Assert.InRange(call.GetProperty("stopped_hours").GetDouble(), 100, 114.5);
    }

    [Fact]
    public void Angara_gives_the_gap_the_possible_dark_call_at_Rajin_and_the_unusual_call_at_Zhoushan_and_nothing_else()
    {
        var (alerts, _) = Replay("replay --no-database sample-tracks/angara-2024/angara-2024.nmea.gz");
        Assert.Equal(["transponder_gap", "possible_dark_port_call", "unusual_port_call"], alerts.Select(a => a.GetProperty("kind").GetString()));
        Assert.All(alerts, a => Assert.Equal(273210440, a.GetProperty("mmsi").GetInt64()));

        var dark = alerts[1];
        Assert.Contains(dark.GetProperty("dark_port_call").GetProperty("ports").EnumerateArray(), p => p.GetProperty("port").GetProperty("un_locode").GetString() == "KPRJN");
        Assert.Equal("high", dark.GetProperty("severity").GetString());

        var call = alerts[2];
        Assert.Equal("CNZOS", call.GetProperty("port_call").GetProperty("port").GetProperty("un_locode").GetString());
        var fired = call.GetProperty("rules").EnumerateArray().Where(r => r.GetProperty("fired").GetBoolean()).Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Contains("WatchListedVessel", fired);
        Assert.Contains("AfterLongGap", fired);
        Assert.Contains("SilentOnArrival", fired);
        Assert.Equal("imo", call.GetProperty("watch_lists")[0].GetProperty("matched_on").GetString());
        Assert.Equal("high", call.GetProperty("severity").GetString());
    }
}

/// <summary>Calls at user places from GeoJSON: the polygon wins over the World Port Index point.</summary>
public sealed class PlaceReplayTests
{
    private const string Scenario = """
        { "name": "sydney-call", "start": "2024-03-01T00:00:00Z", "end": "2024-03-02T12:00:00Z", "seed": 5,
          "vessels": [ { "mmsi": 503000530, "name": "HARBOUR TEST", "report_interval_seconds": 120,
            "route": [
              { "latitude": -33.95, "longitude": 151.45, "depart_at": "2024-03-01T02:00:00Z" },
              { "latitude": -33.84, "longitude": 151.29, "speed_knots": 10 },
              { "name": "White Bay berth", "latitude": -33.866, "longitude": 151.185, "speed_knots": 6, "dwell_hours": 10 },
              { "latitude": -33.84, "longitude": 151.29, "speed_knots": 8 },
              { "latitude": -33.95, "longitude": 151.45, "speed_knots": 12 } ] } ],
          "default_reception_probability": 1 }
        """;

    [Fact]
    public void A_stay_inside_a_port_limit_polygon_is_a_call_at_that_area()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-places-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "scenario.json"), Scenario);
            var feed = Path.Combine(folder, "feed.nmea");
            var (exit, _, stderr) = CommandRunner.Run($"simulate \"{Path.Combine(folder, "scenario.json")}\" --out \"{feed}\"");
            Assert.True(exit == 0, stderr);

            string[] Calls(string extra)
            {
                var calls = Path.Combine(folder, "calls.jsonl");
                var (code, _, error) = CommandRunner.Run($"replay --no-database \"{feed}\" --out /dev/null --port-calls \"{calls}\" {extra}");
                Assert.True(code == 0, error);
                return [.. File.ReadAllLines(calls).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("port"))
                    .Select(p => $"{p.GetProperty("name").GetString()} {(p.TryGetProperty("un_locode", out var code) ? code.GetString() : "(area)")}")];
            }

            Assert.Equal(["Sydney (area)"], Calls("--places tests/data/ports/amsa-port-limits/au_port_limits.geojson"));
            Assert.Equal(["Sydney AUSYD"], Calls("")); // the World Port Index point, when no polygon is given
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
