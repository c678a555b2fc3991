using AisMonitor.Core.Nmea;
using NodaTime;

namespace AisMonitor.Ingestion.Live;

/// <summary>
/// How one live source is doing, for health and metrics: read from other threads while the source
/// writes it (each value is one 64-bit field, read whole).
/// </summary>
public sealed class SourceStatus(SourceOptions options, ISourceCounts counts)
{
    /// <summary>A status whose counts are a decoder's.</summary>
    public SourceStatus(SourceOptions options, NmeaStatistics statistics)
        : this(options, new DecoderCounts(statistics))
    {
    }

    private long _lastHeardTicks = long.MinValue;
    private long _dropped;
    private long _connects;
    private long _disconnects;
    private volatile bool _connected;
    private volatile string? _lastError;

    /// <summary>The source's name.</summary>
    public string Name { get; } = options.Name;

    /// <summary>Its kind (tcp, udp, folder).</summary>
    public string Kind { get; } = options.Kind;

    /// <summary>How long it may go unheard and still count as up (<see cref="SourceOptions.ExpectedInterval"/>).</summary>
    public Duration ExpectedInterval { get; } = Duration.FromTimeSpan(options.ExpectedInterval);

    /// <summary>Lines, messages by type and rejections by reason.</summary>
    public ISourceCounts Counts { get; } = counts;

    /// <summary>Connected (TCP), listening (UDP) or watching (folder).</summary>
    public bool Connected => _connected;

    /// <summary>When bytes last arrived, by the wall clock; null before the first.</summary>
    public Instant? LastHeard => Interlocked.Read(ref _lastHeardTicks) is var ticks && ticks == long.MinValue ? null : Instant.FromUnixTimeTicks(ticks);

    /// <summary>Messages dropped because the pipeline was full (UDP only: TCP waits instead).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>UDP: datagrams the kernel dropped before they could be read (its buffer full); null for other sources or where unknown.</summary>
    public Func<long?> KernelDropped { get; init; } = () => null;

    /// <summary>Connections made.</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>Connections lost or refused.</summary>
    public long Disconnects => Interlocked.Read(ref _disconnects);

    /// <summary>The last connection error, for the readiness report.</summary>
    public string? LastError => _lastError;

    /// <summary>Whether the source is connected and was heard within its expected interval of <paramref name="now"/>.</summary>
    public bool IsUp(Instant now) => _connected && LastHeard is { } heard && now - heard <= ExpectedInterval;

    /// <summary>Marks bytes received at <paramref name="now"/>.</summary>
    public void Heard(Instant now) => Interlocked.Exchange(ref _lastHeardTicks, now.ToUnixTimeTicks());

    /// <summary>Marks a connection made (or a listener opened).</summary>
    public void Connect()
    {
        Interlocked.Increment(ref _connects);
        _connected = true;
        _lastError = null;
    }

    /// <summary>Marks a connection lost, with why.</summary>
    public void Disconnect(string error)
    {
        if (_connected)
        {
            Interlocked.Increment(ref _disconnects);
        }

        _connected = false;
        _lastError = error;
    }

    /// <summary>Counts messages dropped.</summary>
    public void Drop(int messages) => Interlocked.Add(ref _dropped, messages);
}
