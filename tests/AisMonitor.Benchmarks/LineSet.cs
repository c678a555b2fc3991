using System.IO.Compression;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Nmea;

namespace AisMonitor.Benchmarks;

/// <summary>Lines of a real log held in one array, repeated to a given count, so that a benchmark measures decoding and not I/O.</summary>
public sealed class LineSet
{
    private LineSet(byte[] bytes, int[] starts, int[] lengths, int positionMessages)
    {
        Bytes = bytes;
        Starts = starts;
        Lengths = lengths;
        PositionMessages = positionMessages;
    }

    public byte[] Bytes { get; }

    public int[] Starts { get; }

    public int[] Lengths { get; }

    public int Count => Starts.Length;

    /// <summary>Position reports (types 1, 2, 3, 18) the lines decode to.</summary>
    public int PositionMessages { get; }

    public ReadOnlySpan<byte> this[int i] => Bytes.AsSpan(Starts[i], Lengths[i]);

    /// <summary>
    /// Loads a log; with <paramref name="positionsOnly"/> keeps only the lines that decode on their
    /// own to a type 1, 2, 3 or 18 report, then repeats the lines until there are <paramref name="lineCount"/>.
    /// </summary>
    public static LineSet Load(string path, int lineCount, bool positionsOnly)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (!positionsOnly || IsPositionLine(line))
            {
                lines.Add(line);
            }
        }

        var bytes = new List<byte>();
        var starts = new int[lineCount];
        var lengths = new int[lineCount];
        for (var i = 0; i < lineCount; i++)
        {
            var line = System.Text.Encoding.Latin1.GetBytes(lines[i % lines.Count] + "\n");
            starts[i] = bytes.Count;
            lengths[i] = line.Length - 1;
            bytes.AddRange(line);
        }

        var set = new LineSet(bytes.ToArray(), starts, lengths, 0);
        var decoder = new NmeaAisDecoder();
        var positions = 0;
        for (var i = 0; i < set.Count; i++)
        {
            if (decoder.Decode(set[i], out var message) == LineOutcome.Message && message.Message is null && message.MessageType is 1 or 2 or 3 or 18)
            {
                positions++;
            }
        }

        return new LineSet(set.Bytes, starts, lengths, positions);
    }

    private static bool IsPositionLine(string line)
    {
        var decoder = new NmeaAisDecoder();
        return decoder.Decode(line, out DecodedMessage message) == LineOutcome.Message && message.Message is null && message.MessageType is 1 or 2 or 3 or 18;
    }
}
