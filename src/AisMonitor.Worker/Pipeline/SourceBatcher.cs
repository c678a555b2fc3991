using System.Threading.Channels;
using AisMonitor.Core.Ais;
using AisMonitor.Ingestion.Live;
using NodaTime;

namespace AisMonitor.Worker.Pipeline;

/// <summary>
/// One live source's way into the pipeline: its messages gathered into batches and written into the
/// pipeline's bounded channel. A source that can wait (TCP, folder) waits for room; one that cannot
/// (UDP) drops what does not fit and is told how much. Each batch carries the wall time it was handed
/// over, from which the detection loop learns how far the feed's own time runs ahead of the clock,
/// and each message the number of its source (<see cref="Core.Ais.MessageMetadata.Feed"/>), so that an
/// outage of one source spares only the vessels it last heard.
/// </summary>
internal sealed class SourceBatcher(string source, byte feed, ChannelWriter<PipelineItem> channel, BatchPool pool, IClock clock) : IMessageSink
{
    public Func<string>? Position { get; set; }

    private readonly Queue<MessageBatch> _full = new();
    private MessageBatch _current = pool.Rent();

    public void Add(in DecodedMessage message)
    {
        _current.Messages[_current.Count++] = message.WithMetadata(message.Metadata with { Feed = feed }); // outages are judged per source
        if (_current.Count == _current.Messages.Length)
        {
            Seal();
        }
    }

    public async ValueTask FlushAsync(bool idle, CancellationToken cancellation)
    {
        TakePartial(idle);
        while (_full.TryPeek(out var batch))
        {
            batch.HandedOver = clock.GetCurrentInstant();
            await channel.WriteAsync(batch, cancellation).ConfigureAwait(false);
            _full.Dequeue();
        }
    }

    public int FlushOrDrop(bool idle)
    {
        TakePartial(idle);
        var dropped = 0;
        while (_full.TryDequeue(out var batch))
        {
            batch.HandedOver = clock.GetCurrentInstant();
            if (!channel.TryWrite(batch))
            {
                dropped += batch.Count;
                pool.Return(batch);
            }
        }

        return dropped;
    }

    private void TakePartial(bool idle)
    {
        if (idle && (_current.Count > 0 || (Position is not null && _full.Count == 0)))
        {
            Seal(); // with a position, even an empty batch: it carries where the source got to (a file finished)
        }
    }

    private void Seal()
    {
        _current.Source = source;
        _current.Position = Position?.Invoke();
        _full.Enqueue(_current);
        _current = pool.Rent();
    }
}
