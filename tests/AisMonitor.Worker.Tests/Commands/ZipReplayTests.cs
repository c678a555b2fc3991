using System.IO.Compression;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>A day of AIS as its publishers zip it replays like the file itself.</summary>
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
}
