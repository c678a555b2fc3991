using AisMonitor.Core.Ais;
using AisMonitor.Core.Detection;
using AisMonitor.Core.WatchLists;
using NodaTime;

namespace AisMonitor.Worker.Pipeline;

/// <summary>
/// What reaches the detection loop, through one channel and so in one order: message batches from
/// the sources, and the few things that must happen between two batches (the clock moving on, a
/// feed going down, new watch lists, a checkpoint).
/// </summary>
internal abstract class PipelineItem;

/// <summary>Messages in arrival order; <see cref="Count"/> of <see cref="Messages"/> are used. Reused once handled.</summary>
internal sealed class MessageBatch(int size) : PipelineItem
{
    public DecodedMessage[] Messages { get; } = new DecodedMessage[size];

    public int Count { get; set; }

    /// <summary>Live sources: the wall time the batch was handed to the pipeline.</summary>
    public Instant? HandedOver { get; set; }

    /// <summary>Live sources: the source's name.</summary>
    public string? Source { get; set; }

    /// <summary>Sources that can resume: where the source was after the batch's last message (kept in checkpoints).</summary>
    public string? Position { get; set; }
}

/// <summary>The wall clock reads <paramref name="wall"/>: event time moves on with it although no message says so (<see cref="DetectionEngine.AdvanceTo"/>).</summary>
internal sealed class ClockTick(Instant wall) : PipelineItem
{
    public Instant Wall { get; } = wall;
}

/// <summary>Source number <paramref name="feed"/> is down or quiet since the wall time <paramref name="lastHeard"/> (<see cref="DetectionEngine.FeedDown"/>).</summary>
internal sealed class FeedDown(Instant lastHeard, byte feed) : PipelineItem
{
    public Instant LastHeard { get; } = lastHeard;

    public byte Feed { get; } = feed;
}

/// <summary>New watch lists to put in force.</summary>
internal sealed class WatchListsReplaced(VesselWatchLists lists) : PipelineItem
{
    public VesselWatchLists Lists { get; } = lists;
}

/// <summary>A request for the engine's state between two batches, with where each resumable source had got to: the loop completes <see cref="State"/>.</summary>
internal sealed class CheckpointRequest : PipelineItem
{
    public TaskCompletionSource<(EngineSnapshot Snapshot, IReadOnlyDictionary<string, string> Positions)> State { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long detection paused to take the snapshot.</summary>
    public TimeSpan Paused { get; set; }
}
