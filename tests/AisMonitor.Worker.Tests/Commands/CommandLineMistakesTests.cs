namespace AisMonitor.Worker.Tests.Commands;

/// <summary>Every mistake a new user makes gets one line that says what to fix, exit 2 and no stack trace.</summary>
public sealed class CommandLineMistakesTests
{
    private const string Angara = "sample-tracks/angara-2024/angara-2024.nmea.gz";

    [Theory]
    [InlineData($"replay --no-database --threads 3 {Angara}", "--threads")]
    [InlineData($"replay --no-database --from 2024-02-01T00:00:00Z --to 2024-01-01T00:00:00Z {Angara}", "--from must be before --to")]
    [InlineData("replay --no-database sample-tracks", "is a directory")]
    [InlineData($"replay --no-database --ouput x.jsonl {Angara}", "unknown option --ouput (did you mean --out?)")]
    [InlineData($"replay --no-database {Angara} --out /nonexistent/folder/alerts.jsonl", "--out /nonexistent/folder/alerts.jsonl cannot be written")]
    [InlineData("decode --formatt csv tests/data/dma/dma-sample.csv", "--formatt")]
    [InlineData("replay --no-database", "FILE")]
    public void A_mistake_stops_with_exit_2_and_one_line_that_says_what_to_fix(string arguments, string message)
    {
        var (exit, _, stderr) = CommandRunner.Run(arguments);
        Assert.True(exit == 2, $"exit {exit}: {stderr}");
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.StartsWith("error:", stderr.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_reads_standard_input_as_decode_does()
    {
        var nmea = string.Join('\n', File.ReadLines(Path.Combine(Core.Tests.Support.TestData.RepositoryRoot, "tests", "data", "nmea-logs", "aisnet-kystverket-Ais1000Lines.nm4")));
        var (exit, _, stderr) = CommandRunner.Run("replay --no-database - --out /dev/null", standardInput: nmea);
        Assert.True(exit == 0, stderr);
        Assert.Contains("877 read", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_input_is_refused_as_not_text_without_echoing_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aismonitor-binary-{Guid.NewGuid():N}.dat");
        try
        {
            File.WriteAllBytes(path, [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0x1b, (byte)'[', (byte)'2', (byte)'J', .. Enumerable.Range(0, 200).Select(i => (byte)i)]);
            foreach (var command in new[] { "decode", "replay --no-database" })
            {
                var (exit, _, stderr) = CommandRunner.Run($"{command} \"{path}\"");
                Assert.Equal(2, exit);
                Assert.Contains("not text", stderr, StringComparison.Ordinal);
                Assert.DoesNotContain(stderr, c => char.IsControl(c) && c is not '\n' and not '\r');
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
