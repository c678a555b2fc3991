using System.Net;
using System.Net.Sockets;
using AisMonitor.Core.Nmea;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AisMonitor.Ingestion.Live;

/// <summary>
/// A UDP listener (AIS receivers and dispatchers send one or more sentences per datagram). UDP
/// cannot be told to wait, so when the pipeline is full what does not fit is dropped and counted
/// (<see cref="SourceStatus.Dropped"/>); what the kernel drops before we read it (its buffer full) is
/// read from the kernel's own count (<see cref="SourceStatus.KernelDropped"/>), and made rarer by a
/// 4 MiB receive buffer. A partial line at the end
/// of a datagram ends there: datagrams are not joined.
/// </summary>
public sealed class UdpNmeaSource
{
    private readonly SourceOptions _options;
    private readonly IMessageSink _sink;
    private readonly IClock _clock;
    private readonly LiveDecoder _decoder;
    private readonly LineSplitter _lines;

    /// <summary>A listener that is not started yet.</summary>
    public UdpNmeaSource(SourceOptions options, IMessageSink sink, IClock clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _sink = sink;
        _clock = clock;
        _decoder = new LiveDecoder(options.Name, new NmeaDecoderOptions { MaxLineLengthBytes = options.MaxLineLengthBytes }, sink, logger);
        _lines = new LineSplitter(options.MaxLineLengthBytes);
        var address = string.IsNullOrWhiteSpace(options.Host) ? IPAddress.Any : IPAddress.Parse(options.Host);
        Socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 << 20 };
        Socket.Bind(new IPEndPoint(address, options.Port)); // at construction: a port in use stops the start, not a later moment
        var local = (IPEndPoint)Socket.LocalEndPoint!;
        Status = new SourceStatus(options, _decoder.Statistics) { KernelDropped = () => KernelUdpDrops.For(local) };
    }

    /// <summary>How it is doing.</summary>
    public SourceStatus Status { get; }

    /// <summary>The bound socket (its local end point tells the port when 0 was asked for).</summary>
    public Socket Socket { get; }

    /// <summary>Receives until <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var buffer = new byte[65_536];
        Status.Connect();
        using (Socket)
        {
            while (!stop.IsCancellationRequested)
            {
                int received;
                try
                {
                    received = await Socket.ReceiveAsync(buffer, SocketFlags.None, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (SocketException)
                {
                    continue; // an ICMP error for an earlier send, or a datagram too large: nothing to do but go on
                }

                var now = _clock.GetCurrentInstant();
                Status.Heard(now);
                _lines.Push(buffer.AsSpan(0, received), _decoder.At(now));
                _lines.Reset(); // a datagram's last line ends with it
                if (_sink.FlushOrDrop(idle: Socket.Available == 0) is var dropped and > 0)
                {
                    Status.Drop(dropped);
                }
            }
        }

        Status.Disconnect("stopped");
        Status.Drop(_sink.FlushOrDrop(idle: true));
    }
}
