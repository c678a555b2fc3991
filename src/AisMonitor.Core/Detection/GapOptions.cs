using NodaTime;

namespace AisMonitor.Core.Detection;

/// <summary>What makes a silence a transponder-gap alert, and how severe. Every value is an option with this default.</summary>
public sealed record GapOptions
{
    /// <summary>Silences shorter than this are never gaps. Default 6 h.</summary>
    public Duration MinimumDuration { get; init; } = Duration.FromHours(6);

    /// <summary>
    /// A gap becomes an alert when its score reaches this, or a rule fires. The score is −log10 of the
    /// chance per vessel-day of a silence this long where it happened, at the end of the gap that
    /// explains it better (0 where reception is known at neither end). Default 2.5: about once per 300
    /// vessel-days. Where satellites pass every few hours, six-hour silences happen daily (score about 0).
    /// </summary>
    public double MinimumScore { get; init; } = 2.5;

    /// <summary>Score from which a gap is of medium severity. Default 3: once per 1,000 vessel-days.</summary>
    public double MediumScore { get; init; } = 3;

    /// <summary>Score from which a gap is of high severity. Default 4: once per 10,000 vessel-days.</summary>
    public double HighScore { get; init; } = 4;

    /// <summary>Global Fishing Watch's intentional-disabling rule: minimum gap. Default 12 h.</summary>
    public Duration DisablingMinimumDuration { get; init; } = Duration.FromHours(12);

    /// <summary>GFW rule: minimum distance from shore (the coastline in use; without one, the distance to the nearest known port stands in). Default 50 nm.</summary>
    public double DisablingMinimumDistanceFromShoreNauticalMiles { get; init; } = 50;

    /// <summary>GFW rule: positions needed in the 12 h before the gap. Default 14.</summary>
    public int DisablingMinimumPositionsBefore { get; init; } = 14;

    /// <summary>GFW rule, "good reception": the start cell's chance per vessel-day of a silence of the rule's minimum length must be at most this. Default 0.01.</summary>
    public double DisablingMaximumChancePerVesselDay { get; init; } = 0.01;

    /// <summary>
    /// GFW rule, not where the vessel sailed out of coverage: good reception where a silence began does
    /// not make it a disabling when, where the vessel reappeared, halfway there, or (still silent) where
    /// its course would have taken it, a silence that long happens with at least this chance per
    /// vessel-day. Default 0.1 (at least once in ten vessel-days: ordinary there). On the simulated
    /// coverage feeds the rule so stops firing for vessels last heard in well-heard waters and next in
    /// waters that satellites pass every 6–14 h; at 0.01 it also stopped firing for a tenth of the true
    /// dark periods it found, whose scores are 1–2 where the waters they crossed border poor coverage.
    /// </summary>
    public double DisablingExplainedChancePerVesselDay { get; init; } = 0.1;

    /// <summary>
    /// …and only where the cell itself has heard at least this many vessel-hours that could have shown
    /// such a silence: the score may judge a cell heard for a few hours by the waters around it, but this
    /// high-confidence rule needs the cell's own evidence. Default 100 h (a track that ended after 43
    /// vessel-hours in its cell, in the GFW sample, was otherwise called well heard).
    /// </summary>
    public double DisablingMinimumCellVesselHours { get; init; } = 100;

    /// <summary>Fastest plausible average speed for most vessels; reappearing faster than this is "far away". Default 25 kn.</summary>
    public double MaximumPlausibleSpeedKnots { get; init; } = 25;

    /// <summary>The same for high-speed craft and WIG (ship types 20–29, 40–49). Default 50 kn.</summary>
    public double MaximumPlausibleSpeedHighSpeedCraftKnots { get; init; } = 50;

    /// <summary>"Moved while silent": a closed gap at least this long… Default 12 h.</summary>
    public Duration DarkVoyageMinimumDuration { get; init; } = Duration.FromHours(12);

    /// <summary>…that ends at least this far from where it started (a voyage made dark). Default 50 nm.</summary>
    public double DarkVoyageMinimumDisplacementNauticalMiles { get; init; } = 50;

    /// <summary>
    /// …where vessels are well heard: the chance per vessel-day of a silence that long (at the end that
    /// explains it better) must be at most this. A ship at 12 kn unheard for 12 h between satellite
    /// passes has sailed 144 nm: distance and duration alone are ordinary sailing. Default 0.003
    /// (once per 333 vessel-days), just under the chance of <see cref="MinimumScore"/>: the rule makes
    /// medium a silence the score alone finds alert-worthy, never one it finds ordinary. At 0.01 a
    /// satellite-only feed of 100,000 vessels sailing normally for three days raised a medium gap
    /// (a 37 h silence between passes, chance 0.00996).
    /// </summary>
    public double DarkVoyageMaximumChancePerVesselDay { get; init; } = 0.003;

    /// <summary>
    /// A silence that starts inside a port (within its radius plus this margin) and, if it has ended,
    /// ends within 1 nm of where it started is a port gap, left to the port-call detector, unless a
    /// port-of-concern rule fires. Default 1 nm.
    /// </summary>
    public double InPortMarginNauticalMiles { get; init; } = 1;

    /// <summary>
    /// UN/LOCODEs of ports of concern: a gap starting or ending near one is flagged, a call at one is
    /// notable, and gaps are searched for dark calls at them. Default: the eight North Korean ports of
    /// the World Port Index that have a UN/LOCODE (Ch'aho and Senbong have none), and the ports of the port operators on the OFAC SDN list (Kerch, Yalta,
    /// Yevpatoriya, Feodosiya, Sevastopol, Latakia, Tartus; the built-in sdn_port_operators_to_wpi.csv).
    /// </summary>
    public IReadOnlyList<string> PortsOfConcern { get; init; } =
    [
        "KPRJN", "KPNAM", "KPCHO", "KPHGM", "KPHAE", "KPSON", "KPWON", "KPSGN",
        "UAKEH", "UAYAL", "UAZKA", "UAFEO", "UASVP", "SYALD", "SYTTS",
    ];

    /// <summary>How near a port of concern a gap must start or end to be flagged. Default 30 nm.</summary>
    public double PortOfConcernRadiusNauticalMiles { get; init; } = 30;

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        if (MinimumDuration <= Duration.Zero || DisablingMinimumDuration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumDuration), "Gaps:MinimumDuration and DisablingMinimumDuration must be positive.");
        }

        if (MinimumScore < 0 || MediumScore < MinimumScore || HighScore < MediumScore)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumScore), "Gaps: need 0 ≤ MinimumScore ≤ MediumScore ≤ HighScore.");
        }

        if (DisablingExplainedChancePerVesselDay is not (> 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DisablingExplainedChancePerVesselDay), DisablingExplainedChancePerVesselDay, "Gaps:DisablingExplainedChancePerVesselDay must be a chance in (0, 1].");
        }

        if (DisablingMinimumCellVesselHours < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DisablingMinimumCellVesselHours), DisablingMinimumCellVesselHours, "Gaps:DisablingMinimumCellVesselHours must not be negative.");
        }

        if (MaximumPlausibleSpeedKnots <= 0 || MaximumPlausibleSpeedHighSpeedCraftKnots <= 0 || PortOfConcernRadiusNauticalMiles < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumPlausibleSpeedKnots), "Gaps: speeds must be positive and the port-of-concern radius not negative.");
        }
    }
}
