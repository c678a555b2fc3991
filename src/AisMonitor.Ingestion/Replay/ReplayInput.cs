using AisMonitor.Core.Nmea;
using AisMonitor.Ingestion.Csv;

namespace AisMonitor.Ingestion.Replay;

/// <summary>
/// Opens replay input: a file or "-" for standard input, gzip and zip detected by their magic bytes (not
/// the file name), the format detected from the first lines (<see cref="DetectFormat"/>).
/// </summary>
public static class ReplayInput
{
    private const int SniffBytes = 8192;

    /// <summary>Opens <paramref name="path"/> ("-" = stdin) as a message reader of its detected (or the forced) format.</summary>
    public static IMessageReader Open(string path, ReplayFormat? format = null, IReadOnlyDictionary<string, string>? csvMapping = null, NmeaDecoderOptions? nmeaOptions = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Open(path == "-" ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), format, csvMapping, nmeaOptions, filePath: path == "-" ? null : path);
    }

    /// <summary>
    /// Opens a stream (which the reader disposes) as a message reader of its detected (or the forced)
    /// format; <paramref name="filePath"/>, when the stream is that file, lets a gzip file of several
    /// members be told from a truncated one.
    /// </summary>
    public static IMessageReader Open(Stream stream, ReplayFormat? format = null, IReadOnlyDictionary<string, string>? csvMapping = null, NmeaDecoderOptions? nmeaOptions = null, string? filePath = null, string? csvTimeFormat = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            var head = Peek(ref stream);
            GZipInput? gzip = null;
            ZipInput? zip = null;
            if (head.Span is [0x1f, 0x8b, ..])
            {
                stream = gzip = new GZipInput(stream, filePath);
                head = Peek(ref stream);
            }
            else if (head.Span is [(byte)'P', (byte)'K', 3, 4, ..])
            {
                stream = zip = new ZipInput(stream);
                head = Peek(ref stream);
            }

            if (head.Span.Length >= 262 && head.Span[257..262].SequenceEqual("ustar"u8))
            {
                throw new FormatException($"the {(gzip is null && zip is null ? "file" : "decompressed content")} is a tar archive: replay reads plain, gzip and zip files; extract it (tar xf) and give the files it holds.");
            }

            if (BinaryAt(head.Span) is { } offset)
            {
                throw new FormatException($"the content is not text (a control byte 0x{head.Span[offset]:x2} at byte {offset:N0} of the {(gzip is null && zip is null ? "file" : "decompressed content")}): not an NMEA log or a CSV export.");
            }

            var detected = format ?? DetectFormat(head.Span);
            if (detected == ReplayFormat.Nmea && head.Span.IndexOf("$PGHP,"u8) >= 0)
            {
                // Gatehouse times may follow their sentence: let the first sentences wait for theirs too.
                nmeaOptions = (nmeaOptions ?? new NmeaDecoderOptions()) with { ExpectTimeSentences = true };
            }

            IMessageReader reader = detected == ReplayFormat.Nmea
                ? new NmeaLogReader(stream, nmeaOptions)
                : new CsvMessageReader(stream, detected, csvMapping, csvTimeFormat, Csv.CsvSeparator.Detect(head.Span));
            return gzip is not null ? new CheckedReader(reader, () => gzip.Incomplete)
                : zip is not null ? new CheckedReader(reader, () => zip.Incomplete, () => zip.PassedOver)
                : reader;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Where the first bytes show binary content, or null: more than 1 % of them (and at least 8) are
    /// control characters no text log has (NUL, ESC, …; tab, CR, LF and form feed are text). A few
    /// damaged lines in a real log stay lines to count and reject.
    /// </summary>
    private static int? BinaryAt(ReadOnlySpan<byte> head)
    {
        int? first = null;
        var count = 0;
        for (var i = 0; i < head.Length; i++)
        {
            if (head[i] < 0x20 && head[i] is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0c))
            {
                first ??= i;
                count++;
            }
        }

        return count >= 8 && count * 100 > head.Length ? first : null;
    }

    /// <summary>
    /// Detects the format from the start of the (decompressed) content: NMEA when the first
    /// meaningful line starts with '!', '$' or '\' (comment lines '#' are skipped), DMA CSV when the
    /// header starts with "# Timestamp", MarineCadastre when it starts with "MMSI,BaseDateTime",
    /// any other CSV otherwise.
    /// </summary>
    public static ReplayFormat DetectFormat(ReadOnlySpan<byte> head)
    {
        while (!head.IsEmpty)
        {
            var end = head.IndexOfAny((byte)'\n', (byte)'\r');
            var line = (end < 0 ? head : head[..end]).Trim(" \t"u8);
            if (line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                line = line[3..]; // UTF-8 byte order mark
            }

            head = end < 0 ? default : head[(end + 1)..];
            if (line.IsEmpty)
            {
                continue;
            }

            if (line.StartsWith("# Timestamp"u8) || line.StartsWith("#Timestamp"u8))
            {
                return ReplayFormat.DanishMaritimeAuthorityCsv;
            }

            if (line[0] == (byte)'#')
            {
                continue;
            }

            if (line[0] is (byte)'!' or (byte)'$' or (byte)'\\' || Core.Nmea.LoggedTime.SentenceStart(line, out _) > 0)
            {
                return ReplayFormat.Nmea; // a sentence, or one after the time its logger wrote
            }

            return line.StartsWith("MMSI,BaseDateTime"u8) ? ReplayFormat.MarineCadastreCsv : ReplayFormat.PositionsCsv;
        }

        return ReplayFormat.Nmea;
    }

    /// <summary>Reads the first bytes and replaces <paramref name="stream"/> by one that returns them again.</summary>
    private static ReadOnlyMemory<byte> Peek(ref Stream stream)
    {
        var buffer = new byte[SniffBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var head = buffer.AsMemory(0, read);
        stream = new PrefixedStream(head, stream);
        return head;
    }

    /// <summary>A reader over compressed input whose summary says when the input ended early (and for an archive, how many of its files were of another kind and passed over).</summary>
    private sealed class CheckedReader(IMessageReader inner, Func<string?> incomplete, Func<int>? passedOver = null) : IMessageReader
    {
        public ReadSummary Summary
        {
            get
            {
                var summary = inner.Summary with { Incomplete = incomplete() };
                return passedOver?.Invoke() is > 0 and var files
                    ? summary with { Tolerated = new Dictionary<string, long>(summary.Tolerated) { ["ArchiveFileOfOtherKind"] = files } }
                    : summary;
            }
        }

        public Action<long, string>? RejectionObserver
        {
            get => inner.RejectionObserver;
            set => inner.RejectionObserver = value;
        }

        public bool TryRead(out Core.Ais.DecodedMessage message) => inner.TryRead(out message);

        public void Dispose() => inner.Dispose();
    }
}
