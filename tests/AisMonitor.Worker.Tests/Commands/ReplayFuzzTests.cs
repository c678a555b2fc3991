using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using AisMonitor.Ingestion.Tests.Replay;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>
/// The whole replay pipeline (reading, decoding, ordering, detection, output) fed mutated real
/// lines and hostile CSV rows as a user would, in a process: it ends normally, with no trace,
/// and every line is accounted for. AISMONITOR_FUZZ_LINES raises the line count for a long run
/// (README, Reliability: 10,000,000).
/// </summary>
public sealed partial class ReplayFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static int Lines => int.TryParse(Environment.GetEnvironmentVariable("AISMONITOR_FUZZ_LINES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 200_000;

    [Fact]
    public void Mutated_NMEA_lines_replay_to_the_end_with_every_line_accounted_for()
    {
        var corpus = LineMutations.LoadCorpus();
        using (var angara = new StreamReader(new GZipStream(File.OpenRead(Core.Tests.Support.TestData.SampleTrack("angara-2024", "angara-2024.nmea.gz")), CompressionMode.Decompress), Encoding.Latin1))
        {
            while (angara.ReadLine() is { } line)
            {
                corpus.Add(Encoding.Latin1.GetBytes(line)); // real tag-blocked lines with times, so detection has work to do
            }
        }

        var random = new Random(20261204);
        var path = Path.Combine(Path.GetTempPath(), $"aismonitor-fuzz-{Guid.NewGuid():N}.nmea");
        try
        {
            using (var file = new BufferedStream(File.Create(path), 1 << 20))
            {
                file.Write([0xEF, 0xBB, 0xBF]); // and a byte order mark first
                for (var i = 0; i < Lines; i++)
                {
                    var mutated = LineMutations.Mutate(corpus[random.Next(corpus.Count)], random, corpus);
                    file.Write(random.Next(3) == 0 ? LineMutations.WithValidChecksum(mutated) : mutated);
                    file.WriteByte((byte)'\n');
                }
            }

            var (exit, _, stderr) = CommandRunner.Run($"replay --no-database --order as-is \"{path}\" --out /dev/null");
            output.WriteLine($"{Lines:N0} lines, {new FileInfo(path).Length:N0} bytes:\n{stderr}");

            Assert.True(exit == 0, stderr);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal); // no stack trace
            AssertEveryLineAccountedFor(stderr, Lines);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Hostile_CSV_rows_replay_to_the_end_with_every_line_accounted_for()
    {
        string[] times = ["2024-03-01T12:00:00Z", "0", "2", "-99999999999", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "1e308", "2030-01-01T00:00:00Z", "", "not a time", "1709294400", "1709294400000"];
        string[] names = ["ANGARA", "ANG\0ARA", "\"QUOTED, NAME\"", "\"UNBALANCED", new string('N', 1_100_000), "ÆØÅ", "\u0001\u0002"];
        var random = new Random(20261205);
        var path = Path.Combine(Path.GetTempPath(), $"aismonitor-fuzz-{Guid.NewGuid():N}.csv");
        var rows = Math.Max(1000, Lines / 4);
        try
        {
            using (var file = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                file.Write("mmsi,timestamp,lat,lon,sog,vessel_name\n");
                for (var i = 0; i < rows; i++)
                {
                    var name = i % 20_000 == 7 ? names[4] : names[random.Next(names.Length)]; // a 1.1 MB record now and then (disk: not often)
                    name = name.Length > 1000 && i % 20_000 != 7 ? names[0] : name;

                    var time = random.Next(4) == 0 ? times[random.Next(times.Length)] : $"2024-03-01T{i / 3600 % 24:00}:{i / 60 % 60:00}:{i % 60:00}Z";
                    file.Write(random.Next(50) == 0 ? "\n" : string.Create(CultureInfo.InvariantCulture,
                        $"{273210000 + random.Next(50)},{time},{34 + random.NextDouble():0.0000},{128 + random.NextDouble():0.0000},{random.Next(-5, 120)},{name}\n"));
                }
            }

            var (exit, _, stderr) = CommandRunner.Run($"replay --no-database \"{path}\" --out /dev/null");
            output.WriteLine($"{rows + 1:N0} lines, {new FileInfo(path).Length:N0} bytes:\n{stderr}");

            Assert.True(exit == 0, stderr);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            AssertEveryLineAccountedFor(stderr, rows + 1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_corrupt_gzip_gives_one_error_line_and_exit_3()
    {
        var bytes = File.ReadAllBytes(Core.Tests.Support.TestData.SampleTrack("angara-2024", "angara-2024.nmea.gz"));
        var random = new Random(7);
        for (var i = 0; i < 64; i++)
        {
            bytes[(bytes.Length / 3) + random.Next(4096)] ^= 0xFF;
        }

        var path = Path.Combine(Path.GetTempPath(), $"aismonitor-corrupt-{Guid.NewGuid():N}.nmea.gz");
        try
        {
            File.WriteAllBytes(path, bytes);
            var (exit, _, stderr) = CommandRunner.Run($"replay --no-database \"{path}\" --out /dev/null");

            Assert.True(exit == 3, stderr);
            Assert.Single(stderr.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The summary's input line: as many lines read as were written, split into messages, skipped and rejected.</summary>
    private static void AssertEveryLineAccountedFor(string stderr, int written)
    {
        var input = InputLine().Match(stderr);
        Assert.True(input.Success, stderr);
        Assert.True(long.Parse(input.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) >= written, stderr);
        Assert.DoesNotContain("NOT every line accounted for", stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"input \w+: ([\d,]+) lines")]
    private static partial Regex InputLine();
}
