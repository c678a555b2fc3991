namespace AisMonitor.Worker.Tests.Commands;

/// <summary>A truncated compressed input is an error that says where it ended, after everything before it was used.</summary>
public sealed class IncompleteInputTests
{
    [Theory]
    [InlineData("decode")]
    [InlineData("replay --no-database")]
    public void A_truncated_gzip_input_exits_3_with_one_error_line_after_using_what_was_read(string command)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Core.Tests.Support.TestData.RepositoryRoot, "sample-tracks", "angara-2024", "angara-2024.nmea.gz"));
        var path = Path.Combine(Path.GetTempPath(), $"aismonitor-truncated-{Guid.NewGuid():N}.nmea.gz");
        var output = Path.ChangeExtension(path, ".out");
        try
        {
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            var (exit, stdout, stderr) = CommandRunner.Run($"{command} \"{path}\"" + (command.StartsWith("replay", StringComparison.Ordinal) ? $" --out \"{output}\"" : string.Empty));

            Assert.Equal(3, exit);
            var error = Assert.Single(stderr.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
            Assert.Contains(path, error, StringComparison.Ordinal);
            Assert.Contains("truncated gzip", error, StringComparison.Ordinal);
            Assert.Contains("line", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            if (command == "decode")
            {
                Assert.True(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 10_000); // what was read is written
            }
            else
            {
                Assert.True(File.Exists(output)); // the alerts of what was read are written
                Assert.Contains("messages    ", stderr, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(path);
            File.Delete(output);
        }
    }

    /// <summary>
    /// A log without times (a plain capture: no tag blocks, no $PGHP, no receive-time fields) cannot be replayed: it
    /// says so and exits 2 instead of reporting "alerts none" as if the sea had been quiet; some lines without a time
    /// among timed ones are a warning with their count.
    /// </summary>
    [Theory]
    [InlineData(0, 2)]
    [InlineData(3, 0)]
    public void Messages_without_an_event_time_are_a_loud_warning_and_none_with_one_exits_2(int timedLines, int expectedExit)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-untimed-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            // Real sentences of the Angara reconstruction, their tag blocks cut off, after a few kept whole.
            var lines = new List<string>();
            using (var angara = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(Core.Tests.Support.TestData.SampleTrack("angara-2024", "angara-2024.nmea.gz")), System.IO.Compression.CompressionMode.Decompress)))
            {
                while (angara.ReadLine() is { } line && lines.Count < 200)
                {
                    if (!line.Contains("!AIVDM,1,1,", StringComparison.Ordinal))
                    {
                        continue; // one message a line, so that lines and messages are counted alike
                    }

                    lines.Add(lines.Count < timedLines ? line : line[(line.LastIndexOf('\\') + 1)..]);
                }
            }

            var path = Path.Combine(folder, "plain.nmea");
            File.WriteAllLines(path, lines);
            var (exit, _, stderr) = CommandRunner.Run($"replay --no-database \"{path}\" --out \"{folder}/a.jsonl\"");

            Assert.True(exit == expectedExit, stderr);
            Assert.Contains($"warning: {200 - timedLines} messages carried no event time", stderr, StringComparison.Ordinal);
            Assert.Equal(expectedExit == 2, stderr.Contains("error: none of the 200 messages carried an event time", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
