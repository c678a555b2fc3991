using System.IO.Compression;
using System.Text.RegularExpressions;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>A log whose lines start with the time its logger received them replays like the same sentences with tag-block times.</summary>
public sealed partial class LoggedTimeReplayTests
{
    [Theory]
    [InlineData("unix")]
    [InlineData("iso")]
    public void The_Angara_reconstruction_with_logged_times_before_its_sentences_gives_the_same_alerts(string form)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-logged-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var original = Core.Tests.Support.TestData.SampleTrack("angara-2024", "angara-2024.nmea.gz");
            var logged = Path.Combine(folder, "logged.nmea");
            using (var reader = new StreamReader(new GZipStream(File.OpenRead(original), CompressionMode.Decompress)))
            using (var writer = new StreamWriter(logged))
            {
                while (reader.ReadLine() is { } line)
                {
                    // \s:Korea-Strait,c:1704844800*68\!AIVDM,… becomes 1704844800 !AIVDM,… or 2024-01-10T00:00:00Z,!AIVDM,…
                    var tagged = TagBlock().Match(line);
                    var seconds = long.Parse(tagged.Groups["time"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    writer.WriteLine(form == "unix"
                        ? $"{seconds} {tagged.Groups["sentence"].Value}"
                        : $"{DateTimeOffset.FromUnixTimeSeconds(seconds):yyyy-MM-dd'T'HH:mm:ss'Z'},{tagged.Groups["sentence"].Value}");
                }
            }

            var expected = CommandRunner.Run($"replay --no-database \"{original}\" --out \"{folder}/expected.jsonl\"");
            var replayed = CommandRunner.Run($"replay --no-database \"{logged}\" --out \"{folder}/logged.jsonl\"");

            Assert.True(replayed.ExitCode == 0, replayed.StandardError);
            Assert.Contains("input Nmea:", replayed.StandardError, StringComparison.Ordinal);
            Assert.Contains(" 0 without event time", replayed.StandardError, StringComparison.Ordinal);
            Assert.NotEmpty(File.ReadAllLines($"{folder}/expected.jsonl"));
            Assert.Equal(File.ReadAllText($"{folder}/expected.jsonl"), File.ReadAllText($"{folder}/logged.jsonl"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"^\\[^\\]*c:(?<time>\d+)[^\\]*\\(?<sentence>.*)$")]
    private static partial Regex TagBlock();
}
