using System.CommandLine;
using System.Globalization;
using AisMonitor.Ingestion.Replay;
using AisMonitor.Worker.Output;
using AisMonitor.Worker.Pipeline;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// <c>aismonitor decode FILE|-</c>: one JSON object per decoded message on stdout (or CSV rows of
/// positions), a summary on stderr (lines read, messages by type, skipped and rejected by reason),
/// and a sample of rejected lines with their numbers.
/// </summary>
internal static class DecodeCommand
{
    private const int RejectionsLoggedInFull = 20;
    private const int RejectionSampleEvery = 1000;

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "NMEA log or CSV export (.gz read transparently); - for standard input." };
        var output = new Option<string>("--format") { Description = "Output: json (JSON Lines, every field), csv (position fields) or summary (only the summary on stderr: what the file holds).", DefaultValueFactory = _ => "json" };
        output.AcceptOnlyFromAmong("json", "csv", "summary");
        var threads = new Option<int>("--threads")
        {
            Description = "1: read, decode and write on one thread; 2: read and decode on a second thread, in batches, while the output is written (same output).",
            DefaultValueFactory = _ => Math.Min(2, Environment.ProcessorCount),
        };
        threads.AcceptOnlyFromAmong("1", "2");
        var input = new InputOptions();
        var command = new Command("decode", "Decode an AIS file to JSON Lines (or CSV) on stdout, with a summary on stderr.") { file, output, threads };
        input.AddTo(command);
        command.SetAction((result, cancellation) => RunAsync(result, input, result.GetValue(file)!, result.GetValue(output)!, result.GetValue(threads), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, InputOptions input, string path, string format, int threads, CancellationToken cancellation)
    {
        IMessageReader reader;
        try
        {
            reader = input.Open(result, path);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadArguments;
        }

        using (reader)
        {
            var rejections = 0L;
            reader.RejectionObserver = (line, reason) =>
            {
                rejections++;
                if (rejections <= RejectionsLoggedInFull || rejections % RejectionSampleEvery == 0)
                {
                    Console.Error.WriteLine($"rejected line {line}: {reason}{(rejections == RejectionsLoggedInFull ? " (further rejections sampled 1 in " + RejectionSampleEvery + ")" : string.Empty)}");
                }
            };
            using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
            if (format == "summary")
            {
                while (reader.TryRead(out _))
                {
                }
            }
            else
            {
                var csv = format == "csv" ? new CsvPositionWriter(stdout) : null;
                using var json = csv is null ? new JsonLinesMessageWriter(stdout) : null;
                await foreach (var batch in MessageBatches.ReadAsync(reader, threads, cancellation).ConfigureAwait(false))
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        if (csv is not null)
                        {
                            csv.Write(batch.Messages[i]);
                        }
                        else
                        {
                            json!.Write(batch.Messages[i]);
                        }
                    }
                }
            }

            stdout.Flush();
            Console.Error.Write(FormatSummary(path, reader.Summary));
            return ExitCodes.ReportIncomplete([(path, reader.Summary)]);
        }
    }

    internal static string FormatSummary(string path, ReadSummary summary)
    {
        var text = new System.Text.StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{path}: {summary.Format}");
        text.AppendLine(c, $"  lines read      {summary.LinesRead}");
        text.AppendLine(c, $"  messages        {summary.Messages} (from {summary.MessageLines} lines, plus {summary.FragmentLines} fragment lines)");
        text.AppendLine(c, $"  by type         {Join(summary.MessagesByType.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"))}");
        text.AppendLine(c, $"  skipped         {summary.Skipped.Values.Sum()} {Join(summary.Skipped.Select(p => $"{p.Key}: {p.Value}"))}");
        text.AppendLine(c, $"  rejected        {summary.Rejected.Values.Sum()} {Join(summary.Rejected.Select(p => $"{p.Key}: {p.Value}"))}");
        if (summary.Tolerated.Count > 0)
        {
            text.AppendLine(c, $"  tolerated       {Join(summary.Tolerated.Select(p => $"{p.Key}: {p.Value}"))}");
        }

        text.AppendLine(c, $"  accounted for   {(summary.AddsUp ? "every line" : "NOT every line (bug)")}");
        return text.ToString();
    }

    private static string Join(IEnumerable<string> parts)
    {
        var joined = string.Join(", ", parts);
        return joined.Length == 0 ? string.Empty : "(" + joined + ")";
    }
}
