using System.IO.Compression;
using System.Text;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Nmea;
using AisMonitor.Core.Tests.Support;
using AisMonitor.Ingestion.Replay;
using NodaTime;
using Xunit.Abstractions;

namespace AisMonitor.Ingestion.Tests.Replay;

/// <summary>
/// Over a million lines mutated from the real logs (bit flips, truncation, duplicated fields,
/// random bytes, overlong lines, spliced fragments) go through the whole stack: line splitting,
/// tag blocks, checksums, reassembly and the 6-bit decode. Nothing may throw, every line must be
/// accounted for, and whatever decodes must hold values in their valid ranges.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private const int MutatedLines = 1_050_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // mutated payloads then reach the 6-bit decoder instead of stopping at the checksum
    public void A_million_mutated_lines_never_throw_and_every_line_is_accounted_for(bool acceptBadChecksum)
    {
        var corpus = LoadCorpus();
        var random = new Random(20261123); // fixed seed: the same run every time
        using var input = new MemoryStream();
        for (var i = 0; i < MutatedLines; i++)
        {
            var line = corpus[random.Next(corpus.Count)];
            var mutated = Mutate(line, random, corpus);
            input.Write(random.Next(3) == 0 ? WithValidChecksum(mutated) : mutated); // a third pass the checksum gate and reach deeper
            input.WriteByte((byte)'\n');
        }

        input.Position = 0;
        using var reader = new NmeaLogReader(input, new NmeaDecoderOptions { AcceptBadChecksum = acceptBadChecksum });
        var messages = 0L;
        while (reader.TryRead(out var message))
        {
            messages++;
            AssertPlausible(message);
        }

        var summary = reader.Summary;
        output.WriteLine($"{summary.LinesRead} lines: {summary.Messages} messages, {summary.FragmentLines} fragment lines, skipped {summary.Skipped.Values.Sum()}, rejected {summary.Rejected.Values.Sum()}");
        output.WriteLine(string.Join(", ", summary.Rejected.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}")));
        Assert.True(summary.LinesRead >= MutatedLines);
        Assert.True(summary.AddsUp);
        Assert.Equal(summary.Messages, messages);
        Assert.InRange(summary.Messages, 1, summary.LinesRead);
        Assert.True(summary.Rejected.Values.Sum() + summary.Skipped.Values.Sum() > MutatedLines / 4, "the mutations should break most lines");
    }

    private static void AssertPlausible(DecodedMessage message)
    {
        Assert.InRange(message.MessageType, 1, 27);
        if (message.TryGetPosition(out var p))
        {
            Assert.True(p.LatitudeDegrees is null or >= -90 and <= 90);
            Assert.True(p.LongitudeDegrees is null or >= -180 and <= 180);
            Assert.True(p.SpeedOverGroundKnots is null or >= 0 and < 102.3);
            Assert.True(p.CourseOverGroundDegrees is null or >= 0 and < 360);
            Assert.True(p.TrueHeadingDegrees is null or >= 0 and < 360);
        }

        message.WriteFields(new NullFieldWriter());
    }

    private static byte[] Mutate(byte[] line, Random random, List<byte[]> corpus)
    {
        var bytes = (byte[])line.Clone();
        switch (random.Next(9))
        {
            case 0: // one bit flipped
                if (bytes.Length > 0)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 1: // truncated
                return bytes[..random.Next(bytes.Length + 1)];
            case 2: // a field duplicated
                var text = Encoding.Latin1.GetString(bytes).Split(',');
                var at = random.Next(text.Length);
                return Encoding.Latin1.GetBytes(string.Join(',', text.Take(at + 1).Append(text[at]).Concat(text.Skip(at + 1))));
            case 3: // a run of random bytes
                var start = random.Next(bytes.Length + 1);
                var noise = new byte[random.Next(1, 12)];
                random.NextBytes(noise);
                return [.. bytes[..start], .. noise, .. bytes[Math.Min(bytes.Length, start + noise.Length)..]];
            case 4: // overlong
                return [.. Enumerable.Repeat(bytes, 20 + random.Next(40)).SelectMany(b => b)];
            case 5: // a delimiter inserted
                var position = random.Next(bytes.Length + 1);
                byte[] delimiters = [(byte)',', (byte)'*', (byte)'\\', (byte)'!', (byte)'$', 0];
                return [.. bytes[..position], delimiters[random.Next(delimiters.Length)], .. bytes[position..]];
            case 6: // two lines spliced
                var other = corpus[random.Next(corpus.Count)];
                return [.. bytes[..random.Next(bytes.Length + 1)], .. other[random.Next(other.Length + 1)..]];
            case 7: // several bit flips
                for (var k = 0; k < 4 && bytes.Length > 0; k++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            default: // unchanged: real lines must still decode among the noise
                return bytes;
        }
    }

    /// <summary>Recomputes the checksum of the sentence part ('!' or '$' up to the first '*').</summary>
    private static byte[] WithValidChecksum(byte[] line)
    {
        var start = Array.FindIndex(line, b => b is (byte)'!' or (byte)'$');
        var star = start < 0 ? -1 : Array.IndexOf(line, (byte)'*', start);
        if (star < 0 || star + 3 > line.Length)
        {
            return line;
        }

        var checksum = Encoding.ASCII.GetBytes(Core.Nmea.NmeaChecksum.Format(Core.Nmea.NmeaChecksum.Compute(line.AsSpan(start + 1, star - start - 1))));
        var fixedLine = (byte[])line.Clone();
        fixedLine[star + 1] = checksum[0];
        fixedLine[star + 2] = checksum[1];
        return fixedLine;
    }

    private static List<byte[]> LoadCorpus()
    {
        var lines = new List<byte[]>();
        foreach (var file in Directory.GetFiles(TestData.File("nmea-logs")).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
        {
            using var stream = File.OpenRead(file);
            using Stream content = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            using var reader = new StreamReader(content, Encoding.Latin1);
            while (reader.ReadLine() is { } line)
            {
                lines.Add(Encoding.Latin1.GetBytes(line));
            }
        }

        return lines;
    }

    private sealed class NullFieldWriter : IAisFieldWriter
    {
        public void WriteInteger(string name, long? value)
        {
        }

        public void WriteNumber(string name, double? value)
        {
        }

        public void WriteBoolean(string name, bool? value)
        {
        }

        public void WriteText(string name, string? value)
        {
        }

        public void WriteInstant(string name, Instant? value)
        {
        }
    }
}
