using AisMonitor.Core.Ais;
using AisMonitor.Core.Nmea;

namespace AisMonitor.Ingestion.Replay;

/// <summary>Reads an NMEA log (any mix of AIS and other sentences, tag blocks, suffixes, $PGHP).</summary>
public sealed class NmeaLogReader : IMessageReader
{
    private readonly LineReader _lines;
    private readonly NmeaAisDecoder _decoder;
    private bool _flushed;

    /// <summary>Reads lines from <paramref name="stream"/>.</summary>
    public NmeaLogReader(Stream stream, NmeaDecoderOptions? options = null)
    {
        _decoder = new NmeaAisDecoder(options);
        // The buffer holds the longest line allowed and one byte more, so a longer one is seen to be longer.
        _lines = new LineReader(stream, Math.Max(1 << 16, (options?.MaxLineLengthBytes ?? 0) + 1));
    }

    /// <inheritdoc />
    public Action<long, string>? RejectionObserver { get; set; }

    /// <inheritdoc />
    public ReadSummary Summary
    {
        get
        {
            var statistics = _decoder.Statistics;
            return new ReadSummary
            {
                Format = ReplayFormat.Nmea,
                LinesRead = statistics.LinesRead,
                MessageLines = statistics.MessageLines,
                FragmentLines = statistics.FragmentLinesUsed + statistics.FragmentLinesPending,
                Messages = statistics.Messages,
                MessagesByType = Enumerable.Range(1, 27).Where(t => statistics.MessagesOfType(t) > 0).ToDictionary(t => t, statistics.MessagesOfType),
                Skipped = Enum.GetValues<SkipReason>().Where(r => statistics.SkippedFor(r) > 0).ToDictionary(r => r.ToString(), statistics.SkippedFor),
                Rejected = Enum.GetValues<RejectionReason>().Where(r => statistics.RejectedFor(r) > 0).ToDictionary(r => r.ToString(), statistics.RejectedFor),
                Tolerated = new Dictionary<string, long>
                {
                    ["TagBlockChecksumMismatch"] = statistics.TagBlockChecksumMismatches,
                    ["TagBlockMalformedParameter"] = statistics.TagBlockMalformedParameters,
                    ["BadChecksumAccepted"] = statistics.BadChecksumsAccepted,
                    ["TimeSentenceUnused"] = statistics.TimeSentencesUnused,
                }.Where(p => p.Value > 0).ToDictionary(),
            };
        }
    }

    /// <summary>The decoder's own counters.</summary>
    public NmeaStatistics Statistics => _decoder.Statistics;

    /// <inheritdoc />
    public bool TryRead(out DecodedMessage message)
    {
        while (true)
        {
            // Asked first: taking nothing would clear the message, as decoding the next line does again.
            if (_decoder.HoldsMessages && _decoder.TryTakeReleased(out message))
            {
                return true;
            }

            if (_flushed)
            {
                message = default;
                return false;
            }

            if (!_lines.TryReadLine(out var line))
            {
                _decoder.Flush();
                _flushed = true;
                continue;
            }

            var outcome = _decoder.Decode(line, out message);
            if (outcome == LineOutcome.Message)
            {
                return true;
            }

            if (outcome == LineOutcome.Rejected && RejectionObserver is { } observer)
            {
                observer(_decoder.Statistics.LinesRead, _decoder.LastRejection!.Value.ToString());
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();
}
