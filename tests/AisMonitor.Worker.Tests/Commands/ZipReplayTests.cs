using System.IO.Compression;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>AIS as its publishers zip it (a day, or a month in daily files) replays like the files themselves.</summary>
public sealed class ZipReplayTests
{
    private static readonly string Original = Core.Tests.Support.TestData.SampleTrack("angara-2024", "angara-2024.nmea.gz");

    [Fact]
    public void The_Angara_reconstruction_zipped_gives_the_same_alerts_as_unzipped() =>
        ReplaysLikeTheOriginal(lines => [("angara-2024.nmea", string.Join('\n', lines) + "\n")]);

    [Fact]
    public void The_Angara_reconstruction_in_two_files_of_one_archive_gives_the_same_alerts_as_unzipped()
    {
        var output = ReplaysLikeTheOriginal(lines =>
        [
            ("part-1.nmea", string.Join('\n', lines[..(lines.Length / 2)])), // no line break at its end
            ("README.md", "# The Angara, 2024\n"),
            ("part-2.nmea", string.Join('\n', lines[(lines.Length / 2)..]) + "\n"),
        ]);

        Assert.Contains("1 file of another kind in the archive passed over", output, StringComparison.Ordinal);
    }

    /// <summary>Zips the entries made from the reconstruction's lines, replays the archive and the original, asserts the same alerts; gives the archive replay's output.</summary>
    private static string ReplaysLikeTheOriginal(Func<string[], (string Name, string Content)[]> entries)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-zip-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string[] lines;
            using (var content = new StreamReader(new GZipStream(File.OpenRead(Original), CompressionMode.Decompress)))
            {
                lines = content.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }

            var zipped = Path.Combine(folder, "angara-2024.zip");
            using (var archive = ZipFile.Open(zipped, ZipArchiveMode.Create))
            {
                foreach (var (name, text) in entries(lines))
                {
                    using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                    writer.Write(text);
                }
            }

            var expected = CommandRunner.Run($"replay --no-database \"{Original}\" --out \"{folder}/expected.jsonl\"");
            var replayed = CommandRunner.Run($"replay --no-database \"{zipped}\" --out \"{folder}/zipped.jsonl\"");

            Assert.True(replayed.ExitCode == 0, replayed.StandardError);
            Assert.Equal(0, expected.ExitCode);
            Assert.NotEmpty(File.ReadAllLines($"{folder}/expected.jsonl"));
            Assert.Equal(File.ReadAllText($"{folder}/expected.jsonl"), File.ReadAllText($"{folder}/zipped.jsonl"));
            return replayed.StandardOutput + replayed.StandardError;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
