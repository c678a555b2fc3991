using System.Threading.Channels;
using AisMonitor.Core.Detection;

namespace AisMonitor.Worker.Pipeline;

/// <summary>
/// The one place the engine runs: it takes <see cref="PipelineItem"/>s in order (from a channel for
/// a live host, or handed over directly by a single-threaded replay) and is the only code that
/// touches the engine, so the engine needs no locks. Replay and the live worker share it.
/// </summary>
internal sealed class DetectionLoop(DetectionEngine engine, MessageFilter? filter = null, Pacing? pacing = null)
{
    public DetectionEngine Engine => engine;

    /// <summary>Messages handed over, filtered out or not.</summary>
    public long Read { get; private set; }

    /// <summary>Messages the filter left out.</summary>
    public long Filtered { get; private set; }

    /// <summary>Handles one item on the calling thread.</summary>
    public void Handle(PipelineItem item)
    {
        switch (item)
        {
            case MessageBatch batch:
                Process(batch);
                break;
            case ClockTick tick:
                engine.AdvanceTo(tick.Now);
                break;
            case FeedDown down:
                engine.FeedDown(down.LastHeard);
                break;
            case WatchListsReplaced lists:
                engine.ReplaceWatchLists(lists.Lists);
                break;
            case CheckpointRequest checkpoint:
                checkpoint.Snapshot.TrySetResult(engine.Snapshot());
                break;
            default:
                throw new ArgumentException($"Not a pipeline item the loop knows: {item.GetType().Name}.", nameof(item));
        }
    }

    /// <summary>
    /// Handles items until the channel is completed (then the input is at its end: <see cref="DetectionEngine.Complete"/>
    /// is not called, the caller decides) or <paramref name="cancellation"/> fires. Each batch is given to
    /// <paramref name="handled"/> afterwards, for reuse.
    /// </summary>
    public async Task RunAsync(ChannelReader<PipelineItem> items, Action<MessageBatch> handled, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(handled);
        while (await items.WaitToReadAsync(cancellation).ConfigureAwait(false))
        {
            while (items.TryRead(out var item))
            {
                Handle(item);
                if (item is MessageBatch batch)
                {
                    handled(batch);
                }
            }
        }
    }

    /// <summary>End of input: what is held is released and silent vessels are looked at one last time.</summary>
    public void Complete() => engine.Complete();

    private void Process(MessageBatch batch)
    {
        var messages = batch.Messages;
        for (var i = 0; i < batch.Count; i++)
        {
            ref readonly var message = ref messages[i];
            if (filter is not null && !filter.Accepts(message))
            {
                Filtered++;
                continue;
            }

            pacing?.Wait(message.Metadata.Received);
            engine.Process(message);
        }

        Read += batch.Count;
    }
}
