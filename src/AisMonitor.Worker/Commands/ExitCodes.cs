namespace AisMonitor.Worker.Commands;

/// <summary>What every command's exit code means (README, Commands; each command's --help).</summary>
internal static class ExitCodes
{
    /// <summary>Done. Bad lines are counted and logged, not fatal.</summary>
    public const int Done = 0;

    /// <summary>The live worker stopped on a failure it could not recover from (logged): restart it, it resumes from its last checkpoint.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments, configuration or unusable input (unreadable, or a replay in which no message carried a time): nothing was done, and the message says what to fix.</summary>
    public const int BadArguments = 2;

    /// <summary>Done with what could be read, but an input ended early (a truncated or damaged compressed file): the message says where.</summary>
    public const int IncompleteInput = 3;

    /// <summary>The configured database could not be reached or refused AisMonitor at start: nothing was done, and the message says why.</summary>
    public const int DatabaseUnreachable = 4;

    /// <summary>The database refused the updates during the run (not an outage): the run stopped at once, and what was pending is kept in the spool for the next start.</summary>
    public const int StorageRefused = 5;

    /// <summary>Stopped by Ctrl-C or SIGTERM: what was read so far was used and written (the shells' code for an interrupt).</summary>
    public const int Interrupted = 130;

    /// <summary>The table, for --help.</summary>
    public const string Table = "Exit codes: 0 done (bad lines are counted, not fatal); 1 the live worker stopped on a failure it could not recover from (logged; restart it, it resumes from its checkpoint); 2 bad arguments, configuration or unusable input (unreadable, or no message with a time to replay; nothing done; the message says what to fix); 3 done with what could be read, but an input ended early (truncated or damaged compressed file; the message says where); 4 the database could not be reached or refused AisMonitor at start (nothing done; the message says why); 5 the database refused the updates during the run, not an outage (stopped at once; what was pending is kept in the spool for the next start); 130 stopped by Ctrl-C or SIGTERM (what was read so far was used and written).";

    /// <summary>One "error:" line per input that ended early, and the exit code that follows.</summary>
    public static int ReportIncomplete(IEnumerable<(string Path, Ingestion.Replay.ReadSummary Summary)> inputs)
    {
        var code = Done;
        foreach (var (path, summary) in inputs)
        {
            if (summary.Incomplete is { } why)
            {
                Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"error: {path}: {why} (up to line {summary.LinesRead:N0})."));
                code = IncompleteInput;
            }
        }

        return code;
    }
}
