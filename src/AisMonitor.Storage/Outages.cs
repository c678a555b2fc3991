using Microsoft.Extensions.Logging;
using Npgsql;

namespace AisMonitor.Storage;

/// <summary>
/// Retries an idempotent database step through an outage: waits 0.2 s, then twice as long each
/// time up to 5 s, until it succeeds or <c>limit</c> has passed (then the last error is thrown).
/// Only errors that an outage causes are retried; a bug or a constraint violation is not.
/// </summary>
public static partial class Outages
{
    /// <summary>Whether <paramref name="e"/> is what an unreachable or restarting database causes.</summary>
    public static bool IsTransient(Exception e) =>
        e is NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException } or IOException or TimeoutException or System.Net.Sockets.SocketException
        || (e is PostgresException p && p.SqlState is "57P01" or "57P02" or "57P03"); // admin shutdown, crash shutdown, cannot connect now

    /// <summary>Runs <paramref name="step"/> until it succeeds, retrying transient failures for up to <paramref name="limit"/>.</summary>
    public static async Task RetryAsync(Func<Task> step, TimeSpan limit, ILogger logger, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(logger);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var wait = TimeSpan.FromMilliseconds(200);
        var reported = false;
        while (true)
        {
            try
            {
                await step().ConfigureAwait(false);
                if (reported)
                {
                    LogReachableAgain(logger);
                }

                return;
            }
            catch (Exception e) when (IsTransient(e) && waited.Elapsed < limit)
            {
                if (!reported)
                {
                    LogUnavailable(logger, e.Message, limit.TotalSeconds);
                    reported = true;
                }

                await Task.Delay(wait, cancellation).ConfigureAwait(false);
                wait = TimeSpan.FromMilliseconds(Math.Min(5000, wait.TotalMilliseconds * 2));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "storage: database reachable again")]
    private static partial void LogReachableAgain(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "storage: database unavailable ({Reason}): retrying for up to {LimitSeconds:0} s")]
    private static partial void LogUnavailable(ILogger logger, string reason, double limitSeconds);
}
