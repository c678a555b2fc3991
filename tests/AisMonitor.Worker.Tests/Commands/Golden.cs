using AisMonitor.Core.Detection;
using AisMonitor.Core.Tests.Support;
using AisMonitor.Ingestion.Replay;
using AisMonitor.Worker.Commands;
using AisMonitor.Worker.Output;
using AisMonitor.Worker.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>
/// Golden files (DESIGN.md habit 12): the files are replayed in-process through replay's own
/// pipeline (the readers, time-ordered merge, detection loop and final state <c>replay</c> uses, with
/// its defaults: the World Port Index and the built-in watch list) into a .received file next to the
/// approved one, kept only when they differ. The command around it has its own end-to-end tests.
/// </summary>
internal static class Golden
{
    /// <summary>Replays <paramref name="files"/> (paths from the repository root) as <c>replay --no-database</c> does, in-process, and gives the final state.</summary>
    public static async Task<FinalState> Replay(string[] files, uint? mmsi = null, DetectionOptions? options = null)
    {
        var detection = options ?? new DetectionOptions();
        var readers = ReplayInputs.Open(ReplayInputs.Opener.Detecting, files.Select(f => Path.Combine(TestData.RepositoryRoot, f)), "auto", detection.Tracking, new List<CountingStream>(), Path.Combine(Path.GetTempPath(), "aismonitor-golden-sort"), NullLogger.Instance);
        var pipeline = new ReplayPipeline(
            detection,
            ReplayReferenceData.LoadPlaces([], NullLogger.Instance),
            ReplayReferenceData.LoadWatchLists([], builtIn: true, NullLogger.Instance).Current,
            mmsi is { } only ? new MessageFilter([only], null, null) : null);
        Assert.True(await pipeline.RunAsync(readers));
        return pipeline.Final;
    }

    public static async Task ReplayMatches(string approved, string[] files, uint? mmsi = null)
    {
        var received = Path.ChangeExtension(approved, ".received.jsonl");
        JsonLines.Write(received, (await Replay(files, mmsi)).OrderedAlerts());

        var same = File.ReadAllBytes(approved).AsSpan().SequenceEqual(File.ReadAllBytes(received));
        if (same)
        {
            File.Delete(received);
        }

        Assert.True(same, $"alerts differ from {approved}; see {received} (copy it over the approved file once reviewed)");
    }
}
