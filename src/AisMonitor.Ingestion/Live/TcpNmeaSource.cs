using System.Net.Sockets;
using AisMonitor.Core.Nmea;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AisMonitor.Ingestion.Live;

/// <summary>
/// A client of an NMEA server over TCP (an AIS-catcher, a national feed, an aggregator). It reads
/// as fast as the pipeline takes messages and stops reading while the pipeline is full, so nothing
/// is lost on our side (the server or the kernel buffers, or drops, as its own policy says). A
/// connection that fails, closes or stays silent for <see cref="SourceOptions.ReadTimeout"/> is
/// dropped and made again after a backoff (<see cref="ReconnectSchedule"/>); a partial line from a
/// lost connection is discarded. Lines without a time of their own are stamped when their bytes arrive.
/// </summary>
public sealed partial class TcpNmeaSource
{
    private readonly SourceOptions _options;
    private readonly IMessageSink _sink;
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly LiveDecoder _decoder;
    private readonly ReconnectSchedule _schedule;

    /// <summary>A source that is not started yet.</summary>
    public TcpNmeaSource(SourceOptions options, IMessageSink sink, IClock clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _sink = sink;
        _clock = clock;
        _logger = logger;
        _decoder = new LiveDecoder(options.Name, new NmeaDecoderOptions { MaxLineLengthBytes = options.MaxLineLengthBytes }, sink, logger);
        _schedule = new ReconnectSchedule(options.ReconnectInitial, options.ReconnectMaximum);
        Status = new SourceStatus(options, _decoder.Statistics);
    }

    /// <summary>How it is doing.</summary>
    public SourceStatus Status { get; }

    /// <summary>Connects, reads and reconnects until <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var failures = 0;
        var buffer = new byte[1 << 16];
        var lines = new LineSplitter(_options.MaxLineLengthBytes);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var client = new TcpClient { NoDelay = true };
                using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(stop))
                {
                    connecting.CancelAfter(_options.ConnectTimeout);
                    await client.ConnectAsync(_options.Host!, _options.Port, connecting.Token).ConfigureAwait(false);
                }

                Status.Connect();
                Connected(_logger, _options.Name, _options.Host!, _options.Port);
                failures = 0;
                lines.Reset();
                var stream = client.GetStream();
                while (true)
                {
                    int read;
                    using (var reading = CancellationTokenSource.CreateLinkedTokenSource(stop))
                    {
                        reading.CancelAfter(_options.ReadTimeout);
                        try
                        {
                            read = await stream.ReadAsync(buffer, reading.Token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                        {
                            throw new TimeoutException($"nothing received for {_options.ReadTimeout.TotalSeconds:0} s");
                        }
                    }

                    if (read == 0)
                    {
                        throw new IOException("the server closed the connection");
                    }

                    var now = _clock.GetCurrentInstant();
                    Status.Heard(now);
                    lines.Push(buffer.AsSpan(0, read), _decoder.At(now));
                    await _sink.FlushAsync(idle: !stream.DataAvailable, stop).ConfigureAwait(false); // nothing more for now: hand over what is gathered
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is SocketException or IOException or TimeoutException or OperationCanceledException)
            {
                var reason = e is OperationCanceledException ? $"no connection within {_options.ConnectTimeout.TotalSeconds:0} s" : e.Message;
                Status.Disconnect(reason);
                var wait = _schedule.Delay(failures++, Random.Shared.NextDouble());
                Disconnected(_logger, _options.Name, reason, wait.TotalSeconds);
                await _sink.FlushAsync(idle: true, stop).ConfigureAwait(false);
                try
                {
                    await Task.Delay(wait, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        Status.Disconnect("stopped");
        await _sink.FlushAsync(idle: true, CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{Source}: connected to {Host}:{Port}")]
    private static partial void Connected(ILogger logger, string source, string host, int port);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "{Source}: disconnected ({Reason}); reconnecting in {WaitSeconds:0.0} s")]
    private static partial void Disconnected(ILogger logger, string source, string reason, double waitSeconds);
}
