namespace AisMonitor.Ingestion.Live;

/// <summary>
/// How long to wait before the next connection attempt: exponential backoff from
/// <paramref name="initial"/>, doubling per failed attempt up to <paramref name="maximum"/>, with
/// "equal jitter" (half the delay fixed, half random) so that many workers cut off by one server
/// outage do not all reconnect in the same instant. Pure: the random draw is given, so it is
/// tested without timers.
/// </summary>
public sealed class ReconnectSchedule(TimeSpan initial, TimeSpan maximum)
{
    /// <summary>The wait before attempt number <paramref name="failures"/> + 1, after that many consecutive failures (0: none yet), for a uniform draw <paramref name="random"/> in [0, 1).</summary>
    public TimeSpan Delay(int failures, double random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failures);
        if (random is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(random), random, "A uniform draw in [0, 1).");
        }

        // 2^30 times any initial delay is past every sensible maximum: no overflow.
        var ceiling = Math.Min(maximum.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 30)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random * ceiling / 2));
    }
}
