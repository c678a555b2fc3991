namespace AisMonitor.Worker.Pipeline;

/// <summary>
/// An output that can fall behind the detection loop (a database write, an archive): it takes what
/// the engine gives it without blocking, and the loop awaits <see cref="ReadyAsync"/> between batches,
/// so memory stays bounded without a thread ever blocking on it.
/// </summary>
internal interface IBackpressure
{
    /// <summary>Completes when the output has room for another batch's worth (at once, most of the time).</summary>
    ValueTask ReadyAsync(CancellationToken cancellation);
}
