using System.IO.Compression;
using System.Text;
using AisMonitor.Core.Tests.Support;

namespace AisMonitor.Ingestion.Tests.Replay;

/// <summary>
/// Mutations of real log lines for fuzzing, shared by the decoder's and the replay pipeline's
/// fuzz tests: what broken receivers, links, editors and hostile senders produce.
/// </summary>
public static class LineMutations
{
    public static byte[] Mutate(byte[] line, Random random, List<byte[]> corpus)
    {
        var bytes = (byte[])line.Clone();
        switch (random.Next(12))
        {
            case 9: // a tag-block time at the ends of the calendar, or none at all
                return ExtremeTime(bytes, random);
            case 10: // a byte order mark or a NUL byte where an editor or a broken link puts them
                return random.Next(2) == 0 ? [0xEF, 0xBB, 0xBF, .. bytes] : [.. bytes[..(bytes.Length / 2)], 0, .. bytes[(bytes.Length / 2)..]];
            case 11: // now and then, longer than the 64 KiB read buffer (rare: memory)
                return random.Next(200) == 0 ? [.. bytes, .. Enumerable.Repeat((byte)'x', 70_000 + random.Next(10_000))] : bytes;
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
    public static byte[] WithValidChecksum(byte[] line)
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

    private static readonly string[] LoggedTimes =
        ["1704844800", "1704844800.123", "1704844800123", "2024-01-10T00:00:00Z,", "[2024-01-10 00:00:00.5]", "9999-12-31T23:59:59-18:00", "0001-01-01 00:00:00+18:00", "9999999999.999999999999", "2024/02/30 00:00:00;"];

    public static List<byte[]> LoadCorpus()
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
                if (line.StartsWith('!') && lines.Count % 7 == 0)
                {
                    // A time the logger wrote before the sentence, ordinary or at the ends of the calendar.
                    lines.Add(Encoding.Latin1.GetBytes($"{LoggedTimes[lines.Count % LoggedTimes.Length]} {line}"));
                }
            }
        }

        return lines;
    }

    /// <summary>Replaces (or adds) the tag block's c: with a time from the ends of the calendar: 0, year 9999, milliseconds past it, negative, 2030.</summary>
    public static byte[] ExtremeTime(byte[] line, Random random)
    {
        string[] times = ["0", "2", "-62135596800", "253402300799", "253402300800", "999999999999999", "1906000000", "99999999999999999999", "1906000000000"];
        var text = Encoding.Latin1.GetString(line);
        var sentence = text.IndexOf('!', StringComparison.Ordinal) is var bang and >= 0 ? text[bang..] : text;
        var tag = $"s:fuzz,c:{times[random.Next(times.Length)]}";
        var checksum = Core.Nmea.NmeaChecksum.Format(Core.Nmea.NmeaChecksum.Compute(Encoding.ASCII.GetBytes(tag)));
        return Encoding.Latin1.GetBytes($"\\{tag}*{checksum}\\{sentence}");
    }
}
