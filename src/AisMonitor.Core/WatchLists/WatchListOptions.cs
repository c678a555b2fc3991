using NodaTime;

namespace AisMonitor.Core.WatchLists;

/// <summary>When a watch-listed vessel's being heard is itself an alert. Every value is an option with this default.</summary>
public sealed record WatchListOptions
{
    /// <summary>
    /// A listed vessel is sighted the first time it is heard in the feed (or first known to be listed,
    /// when its IMO arrives after its positions), and again when it is heard after a silence at least
    /// this long. Default 7 days.
    /// </summary>
    public Duration SightingAfterSilence { get; init; } = Duration.FromDays(7);

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        if (SightingAfterSilence <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SightingAfterSilence), "WatchLists:SightingAfterSilence must be positive.");
        }
    }
}
