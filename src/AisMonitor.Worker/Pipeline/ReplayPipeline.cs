using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using AisMonitor.Core.WatchLists;
using AisMonitor.Ingestion.Replay;

namespace AisMonitor.Worker.Pipeline;

/// <summary>
/// Replay's pipeline without the command line around it: files merged in event-time order, in
/// batches, into the detection loop, the final state of every alert and port call kept (and any
/// other output, such as storage, given too). <c>replay</c> adds a summary and files; the golden
/// tests run it in-process.
/// </summary>
internal sealed class ReplayPipeline
{
    public ReplayPipeline(DetectionOptions detection, PortIndex places, VesselWatchLists lists, MessageFilter? filter = null, Pacing? pacing = null, IDetectionOutput? storage = null)
    {
        Engine = new DetectionEngine(detection, places, storage is null ? Final : new DetectionOutputs(Final, storage));
        Loop = new DetectionLoop(Engine, filter, pacing);
        Loop.Handle(new WatchListsReplaced(lists));
    }

    public FinalState Final { get; } = new();

    public DetectionEngine Engine { get; }

    public DetectionLoop Loop { get; }

    /// <summary>
    /// Reads <paramref name="readers"/> (disposed after) merged in time order, on one thread or with
    /// reading on a second; before each batch <paramref name="keepGoing"/> may stop it (Ctrl-C, a
    /// refusing database) or hand the loop something else (new watch lists). The engine is completed
    /// either way: what was read is judged. True when the input was read to its end.
    /// </summary>
    public bool Run(IReadOnlyList<IMessageReader> readers, int threads = 1, Func<DetectionLoop, bool>? keepGoing = null)
    {
        var ended = true;
        using (var merge = new TimeOrderedMerge(readers))
        {
            foreach (var batch in MessageBatches.Read(merge, threads))
            {
                if (keepGoing?.Invoke(Loop) == false)
                {
                    ended = false;
                    break;
                }

                Loop.Handle(batch);
            }

            Loop.Complete();
        }

        return ended;
    }
}
