using AisMonitor.Core.Ais;
using AisMonitor.Core.Nmea;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AisMonitor.Ingestion.Live;

/// <summary>
/// The decoding shared by the live sources: lines to messages, stamped with the time their bytes
/// arrived when they carry none, into the sink. Rejected lines are counted by reason (in the
/// decoder's statistics) and a sample is logged: the first few, then at most one a minute.
/// </summary>
public sealed partial class LiveDecoder
{
    private readonly NmeaAisDecoder _decoder;
    private readonly IMessageSink _sink;
    private readonly ILogger _logger;
    private readonly string _source;
    private readonly LineHandler _handle;
    private Instant _received;
    private Instant _nextRejectionLog;
    private int _rejectionsLogged;

    /// <summary>Decodes for the source named <paramref name="source"/> into <paramref name="sink"/>.</summary>
    public LiveDecoder(string source, NmeaDecoderOptions options, IMessageSink sink, ILogger logger)
    {
        _decoder = new NmeaAisDecoder(options);
        _sink = sink;
        _logger = logger;
        _source = source;
        _handle = Decode;
    }

    /// <summary>The decoder's counters.</summary>
    public NmeaStatistics Statistics => _decoder.Statistics;

    /// <summary>The handler for a <see cref="LineSplitter"/>: decodes lines received at <paramref name="received"/>.</summary>
    public LineHandler At(Instant received)
    {
        _received = received;
        return _handle;
    }

    private void Decode(ReadOnlySpan<byte> line)
    {
        var outcome = _decoder.Decode(line, out var message, _received);
        if (outcome == LineOutcome.Message)
        {
            _sink.Add(message);
        }
        else if (outcome == LineOutcome.Rejected)
        {
            LogRejection(line);
        }

        while (_decoder.TryTakeReleased(out var released))
        {
            _sink.Add(released);
        }
    }

    private void LogRejection(ReadOnlySpan<byte> line)
    {
        if (_rejectionsLogged >= 10 && _received < _nextRejectionLog)
        {
            return;
        }

        _rejectionsLogged++;
        _nextRejectionLog = _received + Duration.FromMinutes(1);
        var shown = line.Length > 120 ? line[..120] : line;
        Span<char> text = stackalloc char[shown.Length];
        for (var i = 0; i < shown.Length; i++)
        {
            text[i] = shown[i] is >= 0x20 and < 0x7f ? (char)shown[i] : '?'; // never echo control characters
        }

        LineRejected(_logger, _source, _decoder.LastRejection!.Value, _decoder.Statistics.Rejected, text.ToString());
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "{Source}: line rejected ({Reason}; {Rejected} rejected so far; a sample is logged, not every one): {Line}")]
    private static partial void LineRejected(ILogger logger, string source, RejectionReason reason, long rejected, string line);
}
