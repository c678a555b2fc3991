using NodaTime;

namespace AisMonitor.Core.Identity;

/// <summary>
/// Identity changes: a vessel broadcasting another name, call sign or IMO, or its IMO heard under
/// another MMSI (a new flag). Renames and re-flagging are lawful and happen in port on a sale;
/// what analysts screening for sanctions evasion look for is a change made at sea, after a
/// silence, repeatedly, or an IMO claimed by two transponders at once (Windward, Lloyd's List
/// Intelligence and the 2024 US/UK shipping advisories all name identity tampering and flag hopping).
/// </summary>
public sealed record IdentityOptions
{
    /// <summary>Whether identity changes are looked for at all (default true).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>A change within this long of the vessel reappearing after a silence of at least <see cref="SilenceBefore"/> is "after a silence" (default 24 h).</summary>
    public Duration AfterSilenceWithin { get; init; } = Duration.FromHours(24);

    /// <summary>A silence at least this long counts (default 12 h, Global Fishing Watch's minimum for a gap that may be intentional).</summary>
    public Duration SilenceBefore { get; init; } = Duration.FromHours(12);

    /// <summary>Changes of one vessel less than this apart are one alert, updated (default 7 days): two transponders on one MMSI alternate for weeks.</summary>
    public Duration EpisodeWindow { get; init; } = Duration.FromDays(7);

    /// <summary>An IMO first heard under three or more flags within this long is flag hopping (default 365 days).</summary>
    public Duration FlagHoppingWindow { get; init; } = Duration.FromDays(365);

    /// <summary>
    /// An IMO heard from another MMSI within this long, at a place no ship could have sailed from
    /// in the time, is claimed by two transponders at once (default 24 h).
    /// </summary>
    public Duration ClaimedTwiceWithin { get; init; } = Duration.FromHours(24);

    /// <summary>Throws, naming the first option out of range.</summary>
    public void Validate()
    {
        if (AfterSilenceWithin <= Duration.Zero || SilenceBefore <= Duration.Zero || EpisodeWindow <= Duration.Zero
            || FlagHoppingWindow <= Duration.Zero || ClaimedTwiceWithin <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SilenceBefore), "Identity:AfterSilenceWithin, SilenceBefore, EpisodeWindow, FlagHoppingWindow and ClaimedTwiceWithin must be positive.");
        }
    }
}
