using AisMonitor.Core.Tests.Support;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>
/// DESIGN.md habit 12: every sample track is replayed through the real pipeline and its alerts are
/// compared byte for byte with the approved file. A mismatch writes a <c>.received.jsonl</c> file
/// beside the approved one to diff; approve a reviewed change by copying it over.
/// </summary>
public sealed class ReplayGoldenTests
{
    public static TheoryData<string> GfwVessels() => new(
        Directory.GetFiles(TestData.SampleTrack("gfw-segmenter", "approved"), "*.alerts.jsonl")
            .Select(f => Path.GetFileName(f).Split('.')[0])
            .Order());

    [Theory]
    [MemberData(nameof(GfwVessels))]
    public async Task Gfw_vessel_replays_to_its_approved_alerts(string mmsi)
    {
        await Golden.ReplayMatches(
            TestData.SampleTrack("gfw-segmenter", "approved", $"{mmsi}.alerts.jsonl"),
            ["sample-tracks/gfw-segmenter/positions.csv", "sample-tracks/gfw-segmenter/static.csv"],
            uint.Parse(mmsi, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_satellite_tracks_of_GFW_raise_no_gap_and_their_shared_MMSIs_are_identity_conflicts()
    {
        // Satellite revisits of hours to days are how these tracks were heard, not dark activity: no
        // rule may fire on duration and displacement alone (230942350's 162 h, 210 km silence in the
        // Gulf of Bothnia raised a DarkVoyage alert before the rule was weighed against reception).
        var files = Directory.GetFiles(TestData.SampleTrack("gfw-segmenter", "approved"), "*.alerts.jsonl");
        Assert.Equal(13, files.Length);
        Assert.All(files, file => Assert.DoesNotContain(File.ReadAllLines(file), line => line.Contains("\"kind\":\"transponder_gap\"", StringComparison.Ordinal)));
        foreach (var shared in new[] { "240000000", "416000000" })
        {
            var lines = File.ReadAllLines(TestData.SampleTrack("gfw-segmenter", "approved", $"{shared}.alerts.jsonl"));
            Assert.Single(lines);
            Assert.Contains("\"kind\":\"identity_conflict\"", lines[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_same_input_gives_a_byte_identical_alerts_file_every_time()
    {
        var first = Path.Combine(Path.GetTempPath(), $"aismonitor-replay-{Guid.NewGuid():N}.jsonl");
        var second = Path.Combine(Path.GetTempPath(), $"aismonitor-replay-{Guid.NewGuid():N}.jsonl");
        try
        {
            const string input = "replay --no-database sample-tracks/angara-2024/angara-2024.nmea.gz";
            Assert.Equal(0, CommandRunner.Run($"{input} --out \"{first}\"").ExitCode);
            Assert.Equal(0, CommandRunner.Run($"{input} --out \"{second}\"").ExitCode);
            Assert.True(File.ReadAllLines(first).Length >= 3);
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            Assert.Equal(File.ReadAllBytes(TestData.SampleTrack("angara-2024", "approved.alerts.jsonl")), File.ReadAllBytes(first)); // the command end to end gives what the in-process golden test approves
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Theory]
    [InlineData("replay --no-database --speed fast sample-tracks/gfw-segmenter/positions.csv", "--speed expects")]
    [InlineData("replay --no-database --from yesterday sample-tracks/gfw-segmenter/positions.csv", "--from expects an ISO-8601")]
    [InlineData("replay --no-database sample-tracks/gfw-segmenter/positions.csv --mmsi abc", "--mmsi expects")]
    [InlineData("replay --no-database no/such/file.csv", "Input file not found")]
    public void Bad_replay_arguments_stop_with_a_message(string arguments, string message)
    {
        var (exit, _, stderr) = CommandRunner.Run(arguments);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_prints_a_summary_by_kind_and_plain_progress_when_not_on_a_terminal()
    {
        var (exit, stdout, stderr) = CommandRunner.Run("replay --no-database sample-tracks/angara-2024/angara-2024.nmea.gz");
        Assert.Equal(0, exit);
        Assert.Equal(7, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // alerts on stdout without --out
        Assert.Contains("alerts      TransponderGap: 1 (High 1; 0 open)", stderr, StringComparison.Ordinal);
        Assert.Contains("messages/s", stderr, StringComparison.Ordinal);
    }
}
