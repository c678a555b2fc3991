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
        Engine = new DetectionEngine(detection, places, storage is null ? Final : new DetectionOutputs(Final, storage)) { Land = BuiltInLand };
        _backpressure = storage as IBackpressure;
        Loop = new DetectionLoop(Engine, filter, pacing);
        Loop.Handle(new WatchListsReplaced(lists));
    }

    private readonly IBackpressure? _backpressure;

    /// <summary>The built-in land (Natural Earth): loitering's distance from shore and the gap rules'.</summary>
    public static Core.Geo.Coastline BuiltInLand => Ingestion.Coastline.NaturalEarthLand.Coastline;

    public FinalState Final { get; } = new();

    public DetectionEngine Engine { get; }

    public DetectionLoop Loop { get; }

    /// <summary>
    /// Reads <paramref name="readers"/> (disposed after) merged in time order, on one thread or with
    /// reading on a second; before each batch <paramref name="keepGoing"/> may stop it (Ctrl-C, a
    /// refusing database) or hand the loop something else (new watch lists), and after each the
    /// storage given, if it can fall behind, is awaited (<see cref="IBackpressure"/>). The engine is
    /// completed either way: what was read is judged. True when the input was read to its end.
    /// </summary>
    public async Task<bool> RunAsync(IReadOnlyList<IMessageReader> readers, int threads = 1, Func<DetectionLoop, bool>? keepGoing = null, CancellationToken cancellation = default)
    {
        var ended = true;
        using (var merge = new TimeOrderedMerge(readers))
        {
            await foreach (var batch in MessageBatches.ReadAsync(merge, threads, cancellation).ConfigureAwait(false))
            {
                if (keepGoing?.Invoke(Loop) == false)
                {
                    ended = false;
                    break;
                }

                Loop.Handle(batch);
                if (_backpressure is not null)
                {
                    await _backpressure.ReadyAsync(cancellation).ConfigureAwait(false);
                }
            }

            Loop.Complete();
        }

        return ended;
    }
}
