using Npgsql;

namespace AisMonitor.Storage;

/// <summary>
/// Retries an idempotent database step through an outage: waits 0.2 s, then twice as long each
/// time up to 5 s, until it succeeds or <c>limit</c> has passed (then the last error is thrown).
/// Only errors that an outage causes are retried; a bug or a constraint violation is not.
/// </summary>
public static class Outages
{
    /// <summary>Whether <paramref name="e"/> is what an unreachable or restarting database causes.</summary>
    public static bool IsTransient(Exception e) =>
        e is NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException } or IOException or TimeoutException or System.Net.Sockets.SocketException
        || (e is PostgresException p && p.SqlState is "57P01" or "57P02" or "57P03"); // admin shutdown, crash shutdown, cannot connect now

    /// <summary>Runs <paramref name="step"/> until it succeeds, retrying transient failures for up to <paramref name="limit"/>.</summary>
    public static async Task RetryAsync(Func<Task> step, TimeSpan limit, Action<string> log, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(log);
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
                    log("database reachable again");
                }

                return;
            }
            catch (Exception e) when (IsTransient(e) && waited.Elapsed < limit)
            {
                if (!reported)
                {
                    log($"database unavailable ({e.Message}): retrying for up to {limit.TotalSeconds:0} s");
                    reported = true;
                }

                await Task.Delay(wait, cancellation).ConfigureAwait(false);
                wait = TimeSpan.FromMilliseconds(Math.Min(5000, wait.TotalMilliseconds * 2));
            }
        }
    }
}
