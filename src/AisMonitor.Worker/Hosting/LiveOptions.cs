namespace AisMonitor.Worker.Hosting;

/// <summary>How the live worker runs: <c>AisMonitor:Live</c> (e.g. <c>AisMonitor__Live__CheckpointInterval=00:05:00</c>).</summary>
internal sealed class LiveOptions
{
    /// <summary>
    /// How often the clock moves event time on when no message does: a quiet or cut feed still has its
    /// open gaps raised, and the last messages before a pause leave the reordering window within this
    /// much of it. Default 0.2 s.
    /// </summary>
    public TimeSpan ClockTick { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the whole engine state is checkpointed into PostgreSQL (and at shutdown). Default 5 min.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Batches that may wait between the sources and detection; then TCP waits and UDP drops. Default 64.</summary>
    public int QueueBatches { get; set; } = 64;

    /// <summary>Messages per batch. Default 1,024.</summary>
    public int BatchMessages { get; set; } = 1024;

    /// <summary>Readiness fails when event time is further behind the wall clock than this (detection not keeping up). Default 5 min.</summary>
    public TimeSpan MaximumLag { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often a standby replica asks for the active lease, and the active one checks it still holds it.
    /// A standby takes over within this much of the active one's database session ending. Default 5 s.
    /// </summary>
    public TimeSpan StandbyPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What is wrong (key and what is expected), one message per bad key.</summary>
    public IEnumerable<string> Problems()
    {
        if (ClockTick <= TimeSpan.Zero || ClockTick > TimeSpan.FromMinutes(1))
        {
            yield return $"AisMonitor:Live:ClockTick = {ClockTick}: expected a positive duration of at most a minute, e.g. 00:00:01.";
        }

        if (CheckpointInterval < TimeSpan.FromMilliseconds(100))
        {
            yield return $"AisMonitor:Live:CheckpointInterval = {CheckpointInterval}: expected at least 0.1 s, e.g. 00:05:00.";
        }

        if (QueueBatches is < 1 or > 100_000)
        {
            yield return $"AisMonitor:Live:QueueBatches = {QueueBatches}: expected 1 to 100000.";
        }

        if (BatchMessages is < 1 or > 65_536)
        {
            yield return $"AisMonitor:Live:BatchMessages = {BatchMessages}: expected 1 to 65536.";
        }

        if (StandbyPollInterval < TimeSpan.FromMilliseconds(100) || StandbyPollInterval > TimeSpan.FromMinutes(1))
        {
            yield return $"AisMonitor:Live:StandbyPollInterval = {StandbyPollInterval}: expected 0.1 s to a minute, e.g. 00:00:05.";
        }

        if (MaximumLag <= TimeSpan.Zero)
        {
            yield return $"AisMonitor:Live:MaximumLag = {MaximumLag}: expected a positive duration, e.g. 00:05:00.";
        }
    }
}
