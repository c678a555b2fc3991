using System.Threading.Channels;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Tracking;
using AisMonitor.Storage;
using Microsoft.Extensions.Logging;

namespace AisMonitor.Worker.Output;

/// <summary>
/// Feeds the position archive from the detection loop without making it wait for the database:
/// positions are gathered in chunks of 65,536 and written by a background task, with at most four
/// chunks waiting for it. Adding never blocks; the loop awaits <see cref="ReadyAsync"/> between
/// batches, which waits while chunks beyond those four are pending (memory stays bounded). Through a
/// database outage each chunk is retried (for up to five minutes; a chunk is one COPY, all or nothing).
/// </summary>
internal sealed class ArchiveWriter
{
    private const int ChunkSize = 1 << 16;
    private readonly Channel<List<(Mmsi, TrackPoint)>> _chunks = Channel.CreateBounded<List<(Mmsi, TrackPoint)>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
    private readonly Queue<List<(Mmsi, TrackPoint)>> _pending = new();
    private readonly Task _writing;
    private List<(Mmsi, TrackPoint)> _current = new(ChunkSize);

    public ArchiveWriter(PositionArchive archive, ILogger logger)
    {
        Archive = archive;
        _writing = Task.Run(async () =>
        {
            var outage = TimeSpan.FromMinutes(5);
            await foreach (var chunk in _chunks.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                await Outages.RetryAsync(() => archive.WriteAsync(chunk), outage, logger).ConfigureAwait(false);
                await Outages.RetryAsync(() => archive.MaintainAsync(), outage, logger).ConfigureAwait(false);
            }

            await Outages.RetryAsync(() => archive.CompleteAsync(), outage, logger).ConfigureAwait(false);
        });
    }

    public PositionArchive Archive { get; }

    public void Add(Mmsi mmsi, TrackPoint point)
    {
        _current.Add((mmsi, point));
        if (_current.Count == ChunkSize)
        {
            if (_pending.Count > 0 || !_chunks.Writer.TryWrite(_current))
            {
                _pending.Enqueue(_current);
            }

            _current = new List<(Mmsi, TrackPoint)>(ChunkSize);
        }
    }

    /// <summary>Completes once every chunk made so far is handed to the writer (a database error surfaces here).</summary>
    public ValueTask ReadyAsync(CancellationToken cancellation) => _pending.Count == 0 ? ValueTask.CompletedTask : HandOverAsync(cancellation);

    /// <summary>Writes what is left and waits for the writing to finish (a database error surfaces here).</summary>
    public async Task CompleteAsync(CancellationToken cancellation)
    {
        if (_current.Count > 0)
        {
            _pending.Enqueue(_current);
            _current = [];
        }

        await HandOverAsync(cancellation).ConfigureAwait(false);
        _chunks.Writer.Complete();
        await _writing.ConfigureAwait(false);
    }

    private async ValueTask HandOverAsync(CancellationToken cancellation)
    {
        while (_pending.TryPeek(out var chunk))
        {
            var handedOver = _chunks.Writer.WriteAsync(chunk, cancellation).AsTask();
            if (await Task.WhenAny(handedOver, _writing).ConfigureAwait(false) != handedOver)
            {
                await _writing.ConfigureAwait(false); // the writer failed: say why
                throw new InvalidOperationException("The position archive's writer stopped before the end of input.");
            }

            await handedOver.ConfigureAwait(false);
            _pending.Dequeue();
        }
    }
}
