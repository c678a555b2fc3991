using System.Threading.Channels;
using AisMonitor.Ingestion.Live;
using AisMonitor.Storage;
using AisMonitor.Worker.Pipeline;
using NodaTime;

namespace AisMonitor.Worker.Hosting;

/// <summary>What health and metrics read about the running pipeline, from their own threads: the sources, the loop's published watermark, the queue, storage and checkpoints.</summary>
internal sealed class LiveStatus
{
    private volatile DetectionLoop? _loop;
    private volatile ChannelReader<PipelineItem>? _queue;
    private volatile BufferedStoreWriter? _updates;
    private long _lastCheckpointTicks = long.MinValue;

    /// <summary>The sources, once started.</summary>
    public IReadOnlyList<SourceStatus> Sources { get; private set; } = [];

    /// <summary>Whether this worker stands by while another holds the active lease.</summary>
    public bool Standby { get; set; }

    /// <summary>Whether the pipeline has started (checkpoint restored, sources running).</summary>
    public bool Started => _loop is not null;

    /// <summary>Where the data goes, for the readiness report.</summary>
    public string? SpoolPath { get; private set; }

    public void Attach(IReadOnlyList<SourceStatus> sources, DetectionLoop loop, ChannelReader<PipelineItem> queue, BufferedStoreWriter updates, string spoolPath)
    {
        Sources = sources;
        _queue = queue;
        _updates = updates;
        SpoolPath = spoolPath;
        _loop = loop;
    }

    /// <summary>The engine's counts (each a 64-bit field, read whole), once started.</summary>
    public Core.Detection.EngineStatistics? Engine => _loop?.Engine.Statistics;

    /// <summary>The engine's watermark (event time up to which silences are measured).</summary>
    public Instant? Watermark => _loop?.Published;

    /// <summary>Batches waiting for detection.</summary>
    public int QueueDepth => _queue is { CanCount: true } queue ? queue.Count : 0;

    /// <summary>The buffered writer of alerts and port calls.</summary>
    public BufferedStoreWriter? Updates => _updates;

    /// <summary>When the last checkpoint was saved.</summary>
    public Instant? LastCheckpoint => Interlocked.Read(ref _lastCheckpointTicks) is var ticks && ticks == long.MinValue ? null : Instant.FromUnixTimeTicks(ticks);

    public void CheckpointSaved(Instant at) => Interlocked.Exchange(ref _lastCheckpointTicks, at.ToUnixTimeTicks());

    /// <summary>What stopped the worker when it was not asked to stop (a failure it could not recover from), for the exit code.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Bytes in the outage spool (0 when there is none).</summary>
    public long SpoolBytes => SpoolPath is { } path && File.Exists(path) ? new FileInfo(path).Length : 0;
}
