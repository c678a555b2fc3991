using NodaTime;

namespace AisMonitor.Core.Tracking;

/// <summary>How vessels are tracked. Every value is an option with this default.</summary>
public sealed record TrackingOptions
{
    /// <summary>How late a message may arrive and still be put in event-time order. Default 2 minutes.</summary>
    public Duration ReorderingWindow { get; init; } = Duration.FromMinutes(2);

    /// <summary>Two reports of one vessel this close in time at the same position are one transmission heard twice. Default 2 s.</summary>
    public Duration DuplicateWindow { get; init; } = Duration.FromSeconds(2);

    /// <summary>A position implying more than this speed from the last good one is suspect. Default 50 kn.</summary>
    public double ImpossibleSpeedKnots { get; init; } = 50;

    /// <summary>Jumps shorter than this are never suspect (GNSS noise at anchor). Default 2 nm.</summary>
    public double MinimumSuspectJumpNauticalMiles { get; init; } = 2;

    /// <summary>
    /// A position a vessel jumped away from, heard from again within this long by positions that
    /// join it and not the new one, shows two ships on one MMSI: each gets its own track. A suspect
    /// position is kept this long, through good ones, for a second ship's next report to confirm.
    /// Default 24 h (a satellite feed hears a ship every few hours).
    /// </summary>
    public Duration SecondShipWindow { get; init; } = Duration.FromHours(24);

    /// <summary>Number of MMSI partitions. Default 16.</summary>
    public int Partitions { get; init; } = 16;

    /// <summary>How often, in event time, silent vessels are checked for open gaps. Default 10 minutes.</summary>
    public Duration SweepInterval { get; init; } = Duration.FromMinutes(10);

    /// <summary>
    /// A silence of the whole feed at least this long, after at least <see cref="FeedOutageMinimumVessels"/>
    /// vessels were heard in the hour before it, is a feed outage (files that do not meet in time, a
    /// receiver network down): gaps are judged on the hours the feed was listening, and the reception
    /// model learns intervals the same way. Default 6 h: a regional extract of satellite data can be
    /// silent between passes for a few hours, and those silences are how it is heard, not outages.
    /// </summary>
    public Duration FeedOutageMinimum { get; init; } = Duration.FromHours(6);

    /// <summary>How many vessels must have been heard in the hour before a feed-wide silence for it to be an outage (a replay of one vessel has none). Default 10.</summary>
    public int FeedOutageMinimumVessels { get; init; } = 10;

    /// <summary>
    /// Messages stamped before 1 January of this year are implausible (AIS was not carried before
    /// 2002; a time of 2 or 0 is a missing one) and are counted, not used. Times from 9000 on are
    /// always implausible. Default 2000.
    /// </summary>
    public int EarliestPlausibleYear { get; init; } = 2000;

    /// <summary>
    /// How many recent messages must agree that the feed has reached a time before it moves there
    /// (<see cref="FeedClock"/>): fewer messages stamped far ahead, a receiver's clock gone wrong,
    /// move nothing. Default 16.
    /// </summary>
    public int TimeAgreementMessages { get; init; } = 16;

    /// <summary>
    /// At the end of input, a message further than this past the last one used, with nothing that
    /// agreed with its time, is implausible and is counted, not used. Default 7 days: a vessel's last
    /// reports after a long silence are used, a line stamped years ahead is not.
    /// </summary>
    public Duration MaximumUnconfirmedJump { get; init; } = Duration.FromDays(7);

    /// <summary>
    /// A vessel unheard for this long is retired: its state is dropped (an open gap is carried in a
    /// compact form, its last position and alert, and closes if the vessel returns). Checked once per
    /// day of event time. Default 30 days, longer than any gap worth judging as one voyage.
    /// </summary>
    public Duration RetireAfterSilence { get; init; } = Duration.FromDays(30);

    /// <summary>
    /// Most vessels tracked at once; beyond it the longest silent tenth is evicted (as retirement), so
    /// that a flood of spoofed MMSIs cannot exhaust memory. Default 2,000,000 (about 1.7 GB).
    /// </summary>
    public int MaximumTrackedVessels { get; init; } = 2_000_000;

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        if (ReorderingWindow < Duration.Zero || DuplicateWindow < Duration.Zero || SweepInterval <= Duration.Zero || SecondShipWindow < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ReorderingWindow), "Tracking:ReorderingWindow, DuplicateWindow and SecondShipWindow must not be negative, SweepInterval must be positive.");
        }

        if (FeedOutageMinimum <= Duration.Zero || FeedOutageMinimumVessels < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FeedOutageMinimum), "Tracking:FeedOutageMinimum must be positive and FeedOutageMinimumVessels at least 1.");
        }

        if (EarliestPlausibleYear is < 1970 or > 8999 || TimeAgreementMessages is < 1 or > 1000 || MaximumUnconfirmedJump <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(EarliestPlausibleYear), "Tracking:EarliestPlausibleYear must be 1970–8999, TimeAgreementMessages 1–1000 and MaximumUnconfirmedJump positive.");
        }

        if (RetireAfterSilence <= Duration.Zero || MaximumTrackedVessels < 10)
        {
            throw new ArgumentOutOfRangeException(nameof(RetireAfterSilence), "Tracking:RetireAfterSilence must be positive and MaximumTrackedVessels at least 10.");
        }

        if (Partitions is < 1 or > 4096 || ImpossibleSpeedKnots <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Partitions), "Tracking:Partitions must be 1–4096 and ImpossibleSpeedKnots positive.");
        }
    }
}
