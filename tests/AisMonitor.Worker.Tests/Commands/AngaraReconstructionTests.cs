using System.IO.Compression;
using System.Text.Json;
using AisMonitor.Core.Tests.Support;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>The Angara reconstruction (sample-tracks/angara-2024): simulated, replayed, and judged against the scenario facts.</summary>
public sealed class AngaraReconstructionTests
{
    [Fact]
    public void Simulating_the_scenario_gives_the_committed_feed_byte_for_byte()
    {
        var output = Path.Combine(Path.GetTempPath(), $"aismonitor-angara-{Guid.NewGuid():N}.nmea");
        try
        {
            var (exit, _, stderr) = CommandRunner.Run($"simulate sample-tracks/angara-2024/scenario.json --out \"{output}\"");
            Assert.True(exit == 0, stderr);
            using var committed = new GZipStream(File.OpenRead(TestData.SampleTrack("angara-2024", "angara-2024.nmea.gz")), CompressionMode.Decompress);
            using var expected = new MemoryStream();
            committed.CopyTo(expected);
            Assert.True(expected.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(output)), "the simulator no longer reproduces angara-2024.nmea.gz; regenerate it (README) if the change is intended");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Replaying_the_reconstruction_gives_the_approved_alerts()
    {
        await Golden.ReplayMatches(TestData.SampleTrack("angara-2024", "approved.alerts.jsonl"), ["sample-tracks/angara-2024/angara-2024.nmea.gz"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    public void Lines_stamped_years_ahead_inserted_anywhere_change_no_alert(int count)
    {
        // Copies of real lines of the feed with their tag-block time moved to 2030, spread through it
        // before, one made 48 gap alerts and two made the rest "too late".
        using var committed = new StreamReader(new GZipStream(File.OpenRead(TestData.SampleTrack("angara-2024", "angara-2024.nmea.gz")), CompressionMode.Decompress));
        var lines = committed.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var original = lines.Count;
        for (var i = 0; i < count; i++)
        {
            var at = (int)((long)original * (i + 1) / (count + 1)) + i;
            var copied = lines.FindIndex(at, l => l.Contains("!AIVDM,1,1,", StringComparison.Ordinal)); // a whole message, not a fragment
            lines.Insert(at, Restamp(lines[copied], 1_906_000_000 + i)); // 2030-05-26
        }

        var input = Path.Combine(Path.GetTempPath(), $"aismonitor-ahead-{Guid.NewGuid():N}.nmea");
        var output = Path.ChangeExtension(input, ".jsonl");
        try
        {
            File.WriteAllLines(input, lines);
            var (exit, _, stderr) = CommandRunner.Run($"replay --no-database \"{input}\" --out \"{output}\"");
            Assert.True(exit == 0, stderr);
            Assert.Equal(File.ReadAllLines(TestData.SampleTrack("angara-2024", "approved.alerts.jsonl")), File.ReadAllLines(output));
            Assert.True(stderr.Contains($"{count} with implausible times, 0 too late", StringComparison.Ordinal), stderr);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    /// <summary>The line with its tag block's c: replaced and the tag block's checksum recomputed.</summary>
    private static string Restamp(string line, long unixSeconds)
    {
        var end = line.IndexOf('*', StringComparison.Ordinal);
        var parameters = System.Text.RegularExpressions.Regex.Replace(line[1..end], @"c:\d+", $"c:{unixSeconds}");
        var checksum = parameters.Aggregate(0, (x, ch) => x ^ ch);
        return $"\\{parameters}*{checksum:X2}{line[line.IndexOf('\\', 1)..]}";
    }

    [Fact]
    public void The_dark_passage_from_Dunai_to_the_Korea_Strait_is_one_high_severity_gap_and_ambient_traffic_raises_nothing()
    {
        var alerts = File.ReadAllLines(TestData.SampleTrack("angara-2024", "approved.alerts.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(alerts, a => Assert.Equal(273210440, a.GetProperty("mmsi").GetInt64())); // the ambient traffic raises nothing
        var gap = Assert.Single(alerts, a => a.GetProperty("kind").GetString() == "transponder_gap");
        Assert.Equal("transponder_gap", gap.GetProperty("kind").GetString());
        Assert.Equal(273210440, gap.GetProperty("mmsi").GetInt64());
        Assert.Equal(9179842, gap.GetProperty("imo").GetInt32());
        Assert.Equal("high", gap.GetProperty("severity").GetString());
        var evidence = gap.GetProperty("gap");
        var before = evidence.GetProperty("last_before");
        var after = evidence.GetProperty("first_after");
        Assert.InRange(before.GetProperty("lat").GetDouble(), 42.8, 42.9); // at Dunai
        Assert.InRange(after.GetProperty("lat").GetDouble(), 34.5, 35.3); // in the Korea Strait
        Assert.True(evidence.GetProperty("displacement_nautical_miles").GetDouble() > 450);
        Assert.Contains(gap.GetProperty("rules").EnumerateArray(), r => r.GetProperty("name").GetString() == "DarkVoyage" && r.GetProperty("fired").GetBoolean());
    }
}
