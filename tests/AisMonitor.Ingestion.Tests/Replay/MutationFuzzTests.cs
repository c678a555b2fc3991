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
/// Over a million lines mutated from the real logs (<see cref="LineMutations"/>: bit flips, truncation,
/// duplicated fields, random bytes, overlong lines, spliced fragments, times at the ends of the
/// calendar, byte order marks, NUL bytes) go through the decoding stack: line splitting,
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
        var corpus = LineMutations.LoadCorpus();
        var random = new Random(20261123); // fixed seed: the same run every time
        using var input = new MemoryStream();
        for (var i = 0; i < MutatedLines; i++)
        {
            var line = corpus[random.Next(corpus.Count)];
            var mutated = LineMutations.Mutate(line, random, corpus);
            input.Write(random.Next(3) == 0 ? LineMutations.WithValidChecksum(mutated) : mutated); // a third pass the checksum gate and reach deeper
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
