using System.Threading.Channels;
using AisMonitor.Core.Detection;
using NodaTime;

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
            case ClockTick tick when _feedAhead is { } ahead:
                engine.AdvanceTo(tick.Wall + ahead);
                Published = engine.Watermark;
                break;
            case ClockTick:
                break; // nothing heard yet: event time has not started
            case FeedDown down when _feedAhead is { } ahead:
                engine.FeedDown(down.LastHeard + ahead, down.Feed);
                break;
            case FeedDown:
                break;
            case WatchListsReplaced lists:
                engine.ReplaceWatchLists(lists.Lists);
                break;
            case CheckpointRequest checkpoint:
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var snapshot = engine.Snapshot();
                checkpoint.Paused = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                checkpoint.State.TrySetResult((snapshot, new Dictionary<string, string>(_positions, StringComparer.Ordinal)));
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
        if (batch.Position is { } position)
        {
            _positions[batch.Source!] = position;
        }

        if (batch.HandedOver is { } wall && engine.FeedTime is { } feed)
        {
            _feedAhead = feed - wall; // live: how far the feed's own time runs ahead of the wall clock (negative: behind)
        }

        Published = engine.Watermark;
    }

    private Duration? _feedAhead;
    private readonly Dictionary<string, string> _positions = new(StringComparer.Ordinal);

    /// <summary>Where the resumable sources were at the checkpoint this engine was restored from: kept until they move on.</summary>
    public void RestorePositions(IReadOnlyDictionary<string, string> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        foreach (var (source, position) in positions)
        {
            _positions[source] = position;
        }
    }

    /// <summary>The engine's watermark after the last item, for other threads (health, metrics) to read.</summary>
    public Instant? Published
    {
        get => Volatile.Read(ref _published) is var ticks && ticks == long.MinValue ? null : Instant.FromUnixTimeTicks(ticks);
        private set => Volatile.Write(ref _published, value?.ToUnixTimeTicks() ?? long.MinValue);
    }

    private long _published = long.MinValue;
}
