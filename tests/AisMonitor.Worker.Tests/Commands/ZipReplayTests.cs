using System.IO.Compression;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>AIS as its publishers zip it (a day, or a month in daily files) replays like the files themselves.</summary>
public sealed class ZipReplayTests
{
    [Fact]
    public void The_Angara_reconstruction_zipped_gives_the_same_alerts_as_unzipped()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-zip-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var original = Core.Tests.Support.TestData.SampleTrack("angara-2024", "angara-2024.nmea.gz");
            var zipped = Path.Combine(folder, "angara-2024.zip");
            using (var archive = ZipFile.Open(zipped, ZipArchiveMode.Create))
            using (var entry = archive.CreateEntry("angara-2024.nmea").Open())
            using (var content = new GZipStream(File.OpenRead(original), CompressionMode.Decompress))
            {
                content.CopyTo(entry);
            }

            var expected = CommandRunner.Run($"replay --no-database \"{original}\" --out \"{folder}/expected.jsonl\"");
            var replayed = CommandRunner.Run($"replay --no-database \"{zipped}\" --out \"{folder}/zipped.jsonl\"");

            Assert.True(replayed.ExitCode == 0, replayed.StandardError);
            Assert.Equal(0, expected.ExitCode);
            Assert.NotEmpty(File.ReadAllLines($"{folder}/expected.jsonl"));
            Assert.Equal(File.ReadAllText($"{folder}/expected.jsonl"), File.ReadAllText($"{folder}/zipped.jsonl"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_Angara_reconstruction_in_two_files_of_one_archive_gives_the_same_alerts_as_unzipped()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-zip-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var original = Core.Tests.Support.TestData.SampleTrack("angara-2024", "angara-2024.nmea.gz");
            string[] lines;
            using (var content = new StreamReader(new GZipStream(File.OpenRead(original), CompressionMode.Decompress)))
            {
                lines = content.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }

            var zipped = Path.Combine(folder, "angara-2024.zip");
            using (var archive = ZipFile.Open(zipped, ZipArchiveMode.Create))
            {
                Write(archive, "part-1.nmea", string.Join('\n', lines[..(lines.Length / 2)])); // no line break at its end
                Write(archive, "README.md", "# The Angara, 2024\n");
                Write(archive, "part-2.nmea", string.Join('\n', lines[(lines.Length / 2)..]) + "\n");
            }

            var expected = CommandRunner.Run($"replay --no-database \"{original}\" --out \"{folder}/expected.jsonl\"");
            var replayed = CommandRunner.Run($"replay --no-database \"{zipped}\" --out \"{folder}/zipped.jsonl\"");

            Assert.True(replayed.ExitCode == 0, replayed.StandardError);
            Assert.Contains("1 file of another kind in the archive passed over", replayed.StandardOutput + replayed.StandardError, StringComparison.Ordinal);
            Assert.NotEmpty(File.ReadAllLines($"{folder}/expected.jsonl"));
            Assert.Equal(File.ReadAllText($"{folder}/expected.jsonl"), File.ReadAllText($"{folder}/zipped.jsonl"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Write(ZipArchive archive, string name, string content)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open());
        writer.Write(content);
    }
}
