using AisMonitor.Core.Tracking;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AisMonitor.Ingestion.Replay;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// Opens replay's input files in event-time order. With <c>--order auto</c> (the default) each file
/// is read once first to see whether it is in time order within the reordering window; one that is
/// not (an export grouped by vessel) is sorted (external merge sort, spilled under the data folder)
/// and replay says so before it starts. <c>sort</c> sorts without looking; <c>as-is</c> trusts the
/// order (the fastest), and whatever is then too late is dropped with a warning in the summary.
/// </summary>
internal static partial class ReplayInputs
{
    public static readonly string[] Orders = ["auto", "sort", "as-is"];

    public static List<IMessageReader> Open(ParseResult result, InputOptions input, IEnumerable<string> files, string order, TrackingOptions tracking, List<CountingStream> counting, string sortFolder, ILogger logger) =>
        Open(new Opener(path => input.Open(result, path), (stream, path) => input.Open(result, stream, path)), files, order, tracking, counting, sortFolder, logger);

    /// <summary>How a file (or "-") and an already opened stream become readers: the command line's input options, or plain format detection (in-process tests).</summary>
    public sealed record Opener(Func<string, IMessageReader> Path, Func<Stream, string, IMessageReader> Stream)
    {
        public static Opener Detecting { get; } = new(p => ReplayInput.Open(p), (stream, name) => ReplayInput.Open(stream, filePath: name));
    }

    /// <summary>The readers of <paramref name="files"/>, each sorted (spilling into <paramref name="sortFolder"/>) when <paramref name="order"/> says so or it is found out of order, which is logged.</summary>
    public static List<IMessageReader> Open(Opener open, IEnumerable<string> files, string order, TrackingOptions tracking, List<CountingStream> counting, string sortFolder, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(open);
        var readers = new List<IMessageReader>();
        try
        {
            foreach (var path in files)
            {
                if (path == "-")
                {
                    // Standard input cannot be read twice to find out: sorted unless told it is in order.
                    var stdin = open.Path("-");
                    readers.Add(order == "as-is" ? stdin : Sorted(stdin, "stdin", sortFolder));
                    continue;
                }

                var sort = order == "sort" || (order == "auto" && IsDisordered(open, path, tracking, sortFolder, logger));
                var stream = new CountingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
                counting.Add(stream);
                var reader = open.Stream(stream, path);
                readers.Add(sort ? Sorted(reader, path, sortFolder) : reader);
            }

            return readers;
        }
        catch (ArgumentException)
        {
            readers.ForEach(r => r.Dispose());
            throw;
        }
    }

    private static bool IsDisordered(Opener open, string path, TrackingOptions tracking, string sortFolder, ILogger logger)
    {
        var window = tracking.ReorderingWindow;
        var clock = Stopwatch.StartNew();
        using var scan = open.Path(path);
        var (late, messages) = InputOrder.CountLate(scan, window, tracking.TimeAgreementMessages);
        if (late > 0)
        {
            LogNotInOrder(logger, path, late, messages, window.TotalMinutes, clock.Elapsed.TotalSeconds, sortFolder);
        }

        return late > 0;
    }

    private static SortingReader Sorted(IMessageReader reader, string path, string sortFolder) => new(reader, Path.Combine(sortFolder, Path.GetFileName(path) + "-" + Guid.NewGuid().ToString("N")[..8]));

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "input {Path} is not in time order: {Late} of {Messages} messages are more than {WindowMinutes:0.#} min behind an earlier one (found in {Seconds:0.0} s); sorting it by event time (external merge sort, spilled to {SortFolder}) so that nothing is dropped as too late")]
    private static partial void LogNotInOrder(ILogger logger, string path, long late, long messages, double windowMinutes, double seconds, string sortFolder);
}
