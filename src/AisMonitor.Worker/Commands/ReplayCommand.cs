using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.PortCalls;
using AisMonitor.Core.Ports;
using AisMonitor.Ingestion.Replay;
using AisMonitor.Ingestion.WatchLists;
using AisMonitor.Worker.Output;
using AisMonitor.Worker.Pipeline;
using Microsoft.Extensions.Logging;
using NodaTime.Text;
using NodaTime;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// <c>aismonitor replay FILE…</c>: runs the whole pipeline over files merged in event-time order
/// and writes the alerts (their final state, sorted by start, MMSI and kind) as JSON Lines. The
/// same input gives a byte-identical alerts file every time.
/// </summary>
internal static partial class ReplayCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "NMEA logs or CSV exports (.gz read transparently), merged in time order.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Alerts file (JSON Lines); standard output when absent." };
        var portCalls = new Option<string?>("--port-calls") { Description = "Also write every port call (its final state) to this file, JSON Lines." };
        var from = new Option<string?>("--from") { Description = "Ignore messages before this instant (ISO-8601 UTC, e.g. 2024-02-01T00:00:00Z)." };
        var to = new Option<string?>("--to") { Description = "Ignore messages at or after this instant." };
        var mmsi = new Option<string[]>("--mmsi") { Description = "Only these vessels (repeat the option or separate with commas)." };
        var speed = new Option<string>("--speed") { Description = "Replay speed: max, or N times real time by event time (e.g. 60).", DefaultValueFactory = _ => "max" };
        var noDatabase = new Option<bool>("--no-database")
        {
            Description = "Do not store in PostgreSQL (by default alerts, port calls and vessels are stored: ConnectionStrings__AisMonitor, or AisMonitor's own server when unset, started and stopped here).",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "1: read, decode and detect on one thread; 2: read and decode on a second thread, in batches (same alerts).",
            DefaultValueFactory = _ => Math.Min(2, Environment.ProcessorCount),
        };
        threads.AcceptOnlyFromAmong("1", "2");
        var gapHours = new Option<double?>("--gap-min-hours") { Description = "Shortest silence that can be a transponder gap, in hours (overrides AisMonitor:Detection:Gaps:MinimumDuration; default 6)." };
        var watchLists = new Option<string[]>("--watch-list") { Description = "Vessel watch list CSV (imo and/or mmsi, name, …); repeat for several. Matched on IMO and MMSI, never on names." };
        var noBuiltIn = new Option<bool>("--no-builtin-watch-list") { Description = "Leave out the built-in example list (OFAC SDN vessels, 2024-05-03 snapshot)." };
        var places = new Option<string[]>("--places") { Description = "GeoJSON places (polygons; points with radius_nm) added to the World Port Index: port limits, anchorages, shipyards, areas of interest. Repeatable." };
        var archive = new Option<bool>("--archive-positions") { Description = "Also write every position kept to the day-partitioned position archive (binary COPY)." };
        var retention = new Option<int?>("--archive-retention-days") { Description = "Drop archive days older than this many days before the latest day written." };
        var noGazetteer = new Option<bool>("--no-gazetteer") { Description = "No ports or places at all (no port calls, no port distances in gap evidence): for measuring what the gazetteer costs." };
        var order = new Option<string>("--order")
        {
            Description = "auto: sort a file that is not in time order (exports grouped by vessel), after a first read to find out; sort: always sort; as-is: trust the order (fastest; what is too late is dropped, with a warning).",
            DefaultValueFactory = _ => "auto",
        };
        order.AcceptOnlyFromAmong(ReplayInputs.Orders);
        var input = new InputOptions();
        var settingsOptions = new ConfigurationOptions();
        var command = new Command("replay", "Replay files through tracking and gap detection; write alerts as JSON Lines and a summary by kind.")
        {
            files, output, portCalls, from, to, mmsi, speed, threads, order, noDatabase, gapHours, watchLists, noBuiltIn, places, noGazetteer, archive, retention,
        };
        settingsOptions.AddTo(command);
        input.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            Interruption.Listen(); // before anything starts (AisMonitor's own PostgreSQL included), so a stop request is never a kill
            try
            {
                var loaded = settingsOptions.Load(result);
                var configuration = loaded.Configuration;
                var settings = new ReplaySettings(
                    result.GetValue(files)!,
                    result.GetValue(output),
                    result.GetValue(portCalls),
                    CommandLineChecks.ParseInstant(result.GetValue(from), "--from"),
                    CommandLineChecks.ParseInstant(result.GetValue(to), "--to"),
                    ParseMmsis(result.GetValue(mmsi) ?? []),
                    ParseSpeed(result.GetValue(speed)!),
                    result.GetValue(threads),
                    !result.GetValue(noDatabase),
                    WithCommandLine(loaded.Detection, result.GetValue(gapHours)),
                    result.GetValue(order)!);
                settings.Detection.Validate();
                if (settings.From is { } start && settings.To is { } end && start >= end)
                {
                    throw new ArgumentException($"--from must be before --to (got {InstantPattern.General.Format(start)} and {InstantPattern.General.Format(end)}): nothing would be replayed.");
                }

                foreach (var path in settings.Files.Where(f => f != "-"))
                {
                    CommandLineChecks.CheckFile(path, result.CommandResult.Command); // before any database is started
                }

                CheckWritable(settings.Output, "--out");
                CheckWritable(settings.PortCalls, "--port-calls");
                if (result.GetValue(retention) is < 1)
                {
                    throw new ArgumentException("--archive-retention-days must be at least 1.");
                }

                if ((result.GetValue(archive) || result.GetValue(retention) is not null) && !settings.Store)
                {
                    throw new ArgumentException("--archive-positions and --archive-retention-days write to PostgreSQL: leave out --no-database.");
                }

                using var logging = CommandLogging.Create(configuration);
                var logger = logging.CreateLogger("AisMonitor.Replay");
                var lists = ReplayReferenceData.LoadWatchLists(result.GetValue(watchLists) ?? [], !result.GetValue(noBuiltIn), logger);
                var gazetteer = result.GetValue(noGazetteer) ? PortIndex.Empty : ReplayReferenceData.LoadPlaces(result.GetValue(places) ?? [], logger);
                await using var storage = settings.Store ? await ReplayStorage.OpenAsync(loaded.Storage, result.GetValue(archive), result.GetValue(retention), logger).ConfigureAwait(false) : null;
                return await RunAsync(result, input, settings, loaded.Storage, storage, lists, gazetteer, logger, cancellation).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadArguments;
            }
            catch (DatabaseUnreachableException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.DatabaseUnreachable;
            }
        });
        return command;
    }

    /// <summary>An output file that cannot be written stops the command before the replay, not after it.</summary>
    private static void CheckWritable(string? path, string option)
    {
        if (path is null || path == "/dev/null")
        {
            return;
        }

        var existed = File.Exists(path);
        try
        {
            using (PrivateFiles.Open(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }

            if (!existed)
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{option} {path} cannot be written: {e.Message}", e);
        }
    }

    private static DetectionOptions WithCommandLine(DetectionOptions configured, double? gapHours) =>
        gapHours is { } hours ? configured with { Gaps = configured.Gaps with { MinimumDuration = Duration.FromHours(hours) } } : configured;

    private static async Task<int> RunAsync(ParseResult result, InputOptions input, ReplaySettings settings, StorageOptions where, ReplayStorage? storage, WatchListFiles watchLists, PortIndex places, ILogger logger, CancellationToken cancellation)
    {
        var counting = new List<CountingStream>();
        var readers = ReplayInputs.Open(result, input, settings.Files, settings.Order, settings.Detection.Tracking, counting, where.SortFolder, logger);

        var totalBytes = counting.Sum(c => c.TotalBytes ?? 0);
        var pipeline = new ReplayPipeline(settings.Detection, places, watchLists.Current, settings.Filter, settings.Speed is { } factor ? new Pacing(factor) : null, storage);
        var (final, engine, loop) = (pipeline.Final, pipeline.Engine, pipeline.Loop);
        var sinceReloadCheck = Stopwatch.StartNew();
        var progress = new ReplayProgress(() => totalBytes > 0 ? (double)counting.Sum(c => c.BytesRead) / totalBytes : null);
        var interrupted = !await pipeline.RunAsync(readers, settings.Threads, running =>
        {
            progress.Tick(running.Read);
            if (Interruption.Requested || storage?.Fault is not null)
            {
                return false; // stop at once, keep what is pending
            }

            if (sinceReloadCheck.Elapsed > TimeSpan.FromSeconds(2))
            {
                sinceReloadCheck.Restart();
                if (watchLists.TryReload(out var reloaded, out var error))
                {
                    running.Handle(new WatchListsReplaced(reloaded));
                    var names = string.Join(", ", reloaded.Lists.Select(l => $"{l.Name} {l.Version}"));
                    LogWatchListsReloaded(logger, names);
                }
                else if (error is not null)
                {
                    LogWatchListsNotReloaded(logger, error);
                }
            }

            return true;
        }, cancellation).ConfigureAwait(false) && storage?.Fault is null;

        progress.Finish();
        var elapsed = progress.Elapsed;
        var allocatedBytes = GC.GetTotalAllocatedBytes(precise: true);
        var collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var lastFull = GC.GetGCMemoryInfo(GCKind.FullBlocking).PauseDurations[0];
        var heapBytes = GC.GetTotalMemory(forceFullCollection: true); // the engine is still alive: its state is what is measured
        var alerts = final.OrderedAlerts();
        var calls = final.OrderedPortCalls();
        JsonLines.Write(settings.Output, alerts);
        if (settings.PortCalls is { } portCallsPath)
        {
            JsonLines.Write(portCallsPath, calls);
        }

        var stored = storage is null ? [] : await storage.FinishAsync(alerts, calls, engine, cancellation).ConfigureAwait(false);
        Console.Error.Write(Summary(engine, alerts, loop, elapsed, readers));
        foreach (var line in stored)
        {
            Console.Error.WriteLine(line);
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"port calls  {calls.Count:N0} ({calls.Count(c => c.Departure is null):N0} still in port at the end)"));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory      {heapBytes / 1048576.0:N1} MiB managed heap after a full collection, {heapBytes / (double)Math.Max(1, engine.Statistics.Vessels):N0} bytes per tracked vessel (alerts and runtime included); {allocatedBytes / 1048576.0:N0} MiB allocated in all, {collections:N0} gen-0 collections, {paused.TotalSeconds:N1} s paused for them (the last full collection {lastFull.TotalMilliseconds:N0} ms)"));
        GC.KeepAlive(engine);
        if (storage?.Fault is { } fault)
        {
            Console.Error.WriteLine($"error: the database refused the updates ({fault.Message}); stopped at event time {(engine.Watermark is { } stoppedAt ? InstantPattern.General.Format(stoppedAt) : "(none yet)")} after {loop.Read:N0} messages. The alerts so far are in the output file, the updates in the spool: fix the database and run again (the spool is written first).");
            return ExitCodes.StorageRefused;
        }

        if (interrupted)
        {
            Console.Error.WriteLine($"interrupted at event time {(engine.Watermark is { } at ? InstantPattern.General.Format(at) : "(none yet)")} after {loop.Read:N0} messages: the alerts and port calls so far are written{(storage is null ? string.Empty : " and stored")}");
            return ExitCodes.Interrupted;
        }

        var statistics = engine.Statistics;
        if (statistics.Messages > 0 && statistics.WithoutEventTime == statistics.Messages)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: none of the {statistics.Messages:N0} messages carried an event time: nothing was judged (see the warning above)."));
            return ExitCodes.BadArguments;
        }

        return ExitCodes.ReportIncomplete(settings.Files.Zip(readers, (path, reader) => (path, reader.Summary)));
    }

    private static string Summary(DetectionEngine engine, List<Alert> alerts, DetectionLoop loop, TimeSpan elapsed, List<IMessageReader> readers)
    {
        var c = CultureInfo.InvariantCulture;
        var s = engine.Statistics;
        var text = new System.Text.StringBuilder();
        foreach (var reader in readers)
        {
            var summary = reader.Summary;
            text.AppendLine(c, $"input {summary.Format}: {summary.LinesRead:N0} lines, {summary.Messages:N0} messages, {summary.Skipped.Values.Sum():N0} skipped, {summary.Rejected.Values.Sum():N0} rejected{(summary.AddsUp ? string.Empty : " (NOT every line accounted for: a bug, please report it)")}{(summary.Tolerated.TryGetValue("ArchiveFileOfOtherKind", out var other) ? $"; {other:N0} file{(other == 1 ? "" : "s")} of another kind in the archive passed over" : string.Empty)}");
        }

        text.AppendLine(c, $"messages    {loop.Read:N0} read, {loop.Filtered:N0} filtered out, {s.WithoutEventTime:N0} without event time, {s.ImplausibleTimes:N0} with implausible times, {s.Late:N0} too late to reorder");
        if (s.WithoutEventTime > 0)
        {
            text.AppendLine(c, $"warning: {s.WithoutEventTime:N0} message{(s.WithoutEventTime == 1 ? "" : "s")} carried no event time (no NMEA 4.0 tag-block time, $PGHP time, receive-time field or logged time before the sentence) and could not be placed in time: not used. Record the feed with its times (tag blocks with c:), or feed it live to `aismonitor run`, which stamps each message on arrival");
        }

        if (s.ImplausibleTimes > 0)
        {
            text.AppendLine(c, $"warning: {s.ImplausibleTimes:N0} message{(s.ImplausibleTimes == 1 ? " was" : "s were")} stamped before {engine.Options.Tracking.EarliestPlausibleYear}, after 8999 or far ahead of the feed with nothing agreeing, and not used (Tracking:EarliestPlausibleYear, TimeAgreementMessages, MaximumUnconfirmedJump)");
        }

        if (s.Late > 0)
        {
            text.AppendLine(c, $"warning: {s.Late:N0} message{(s.Late == 1 ? " was" : "s were")} more than {engine.Options.Tracking.ReorderingWindow.TotalMinutes:0.#} min behind the latest and dropped as too late to reorder: replay with --order auto or sort (or a longer Tracking:ReorderingWindow) to use them");
        }

        text.AppendLine(c, $"positions   {s.Positions:N0} used, {s.Duplicates:N0} duplicates dropped, {s.SuspectPositions:N0} suspect, {s.PositionsNotAvailable:N0} without a position; {s.SilenceChecks:N0} looks at silent vessels");
        if (s.SecondShips + s.MirroredPositions > 0)
        {
            text.AppendLine(c, $"tracks      {s.SecondShips:N0} MMSIs heard from two ships at once (each tracked apart), {s.MirroredPositions:N0} runs of sign-flipped positions dropped");
        }

        text.AppendLine(c, $"vessels     {s.Vessels:N0} tracked, {s.VesselsRetired:N0} retired after {engine.Options.Tracking.RetireAfterSilence.TotalDays:0.#} days unheard, {s.VesselsEvicted:N0} evicted at the cap of {engine.Options.Tracking.MaximumTrackedVessels:N0}; {s.NotTrackedForGaps:N0} reports from non-ship or conflicting identities");
        var outages = engine.FeedOutages;
        text.AppendLine(outages.Count == 0
            ? string.Create(c, $"feed        no outage (no silence of the whole feed of {WholeHours(engine)} or more)")
            : string.Create(c, $"feed        {outages.Count} outage{(outages.Count == 1 ? "" : "s")}, gap judgement suspended over {(outages.Count == 1 ? "it" : "them")}: {string.Join(", ", outages.Take(5).Select(o => $"{InstantPattern.General.Format(o.From)} to {InstantPattern.General.Format(o.To)} ({(o.To - o.From).TotalHours:N1} h)"))}{(outages.Count > 5 ? ", …" : "")}"));
        var listed = engine.WatchListedVessels().ToList();
        text.AppendLine(c, $"watch lists {listed.Count} vessels matched{(listed.Count > 0 ? ":" : "")}");
        foreach (var vessel in listed.Take(20))
        {
            foreach (var match in vessel.WatchListMatches)
            {
                text.AppendLine(c, $"            {vessel.Mmsi} broadcasting \"{match.BroadcastName ?? "?"}\" = {match.List} {match.Version} entry {match.EntryId} \"{match.ListedName}\" (matched on {match.MatchedOn}{(match.FormerNames.Count > 0 ? "; formerly " + string.Join(", ", match.FormerNames) : "")})");
            }
        }

        var byKind = alerts.GroupBy(a => a.Kind).OrderBy(g => g.Key);
        foreach (var group in byKind)
        {
            text.AppendLine(c, $"alerts      {group.Key}: {group.Count()} ({string.Join(", ", group.GroupBy(a => a.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}; {group.Count(a => a.IsOpen)} open)");
        }

        if (alerts.Count == 0)
        {
            text.AppendLine("alerts      none");
        }

        text.AppendLine(c, $"time        {elapsed.TotalSeconds:0.00} s, {loop.Read / Math.Max(elapsed.TotalSeconds, 1e-6):N0} messages/s");
        return text.ToString();
    }

    private static string WholeHours(DetectionEngine engine) => string.Create(CultureInfo.InvariantCulture, $"{engine.Options.Tracking.FeedOutageMinimum.TotalHours:0.#} h");

    private static HashSet<uint>? ParseMmsis(string[] values)
    {
        var set = new HashSet<uint>();
        foreach (var value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            set.Add(Mmsi.TryParse(value, out var mmsi) ? mmsi.Value : throw new ArgumentException($"--mmsi expects MMSI numbers; got '{value}'."));
        }

        return set.Count == 0 ? null : set;
    }

    private static double? ParseSpeed(string text) =>
        text.Equals("max", StringComparison.OrdinalIgnoreCase) ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && factor > 0 ? factor
        : throw new ArgumentException($"--speed expects 'max' or a positive factor such as 60; got '{text}'.");

    private sealed record ReplaySettings(string[] Files, string? Output, string? PortCalls, Instant? From, Instant? To, HashSet<uint>? Mmsis, double? Speed, int Threads, bool Store, DetectionOptions Detection, string Order)
    {
        public MessageFilter? Filter => Mmsis is null && From is null && To is null ? null : new MessageFilter(Mmsis, From, To);
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "watch lists reloaded: {Lists}")]
    private static partial void LogWatchListsReloaded(ILogger logger, string lists);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "{Problem}")]
    private static partial void LogWatchListsNotReloaded(ILogger logger, string problem);
}
