namespace AisMonitor.Core.Detection;

/// <summary>How the reception model learns. Every value is an option with this default.</summary>
public sealed record ReceptionOptions
{
    /// <summary>Grid cell size in degrees. Default 1° (about 60 nm north–south).</summary>
    public double CellSizeDegrees { get; init; } = 1.0;

    /// <summary>Only intervals that start at this speed or more are learnt (moored vessels report on their own schedule). Default 1 kn.</summary>
    public double MovingSpeedKnots { get; init; } = 1.0;

    /// <summary>
    /// How many vessel-hours the level above counts for at most in a cell's (or a block's) estimate,
    /// before its own (the weight of the Bayesian prior): a level heard for T vessel-hours weighs its
    /// own counts by T ÷ (T + weight). Default 1000.
    /// </summary>
    public double PriorWeightHours { get; init; } = 1000;

    /// <summary>
    /// How many silences the level above counts for at most: its weight in hours is the smaller of
    /// <see cref="PriorWeightHours"/> and this many silences at its rate. Where the waters around are
    /// often silent (a satellite area next to a coastal one), a cell heard every few minutes for a few
    /// hundred hours without such a silence so speaks for itself instead of inheriting dozens of its
    /// neighbours' silences. Measured on the simulated coverage feeds (eight sets of six, seeds 1–6 to
    /// 71–76): recall of dark periods 0.952–0.988 and precision 0.965–1.000, against recall 0.905–0.976
    /// in seven of the sets with the weight in hours alone. Default 0.5 (Jeffreys' prior holds half a silence too).
    /// </summary>
    public double PriorMaximumSilences { get; init; } = 0.5;

    /// <summary>
    /// Cells are pooled into blocks of this many cells a side, and those again, <see cref="PoolingLevels"/>
    /// times, before the whole feed: with the defaults 1° cells, 4° and 16° blocks. A cell heard for
    /// a few vessel-hours so borrows from the waters around it rather than from the whole world. A power of
    /// two up to 16. Default 4.
    /// </summary>
    public int PoolingFactor { get; init; } = 4;

    /// <summary>
    /// How long the model listens before what it has learnt counts as evidence: until then every
    /// silence is judged by the prior alone (about once per 80 vessel-days, below every alert
    /// threshold), so rules still fire but scores do not. A snapshot carries what was learnt across a
    /// restart. Default 24 h.
    /// </summary>
    public NodaTime.Duration MinimumListening { get; init; } = NodaTime.Duration.FromHours(24);

    /// <summary>How many levels of blocks lie between the cell and the whole feed. Default 2.</summary>
    public int PoolingLevels { get; init; } = 2;

    /// <summary>
    /// How many vessel-hours the cell, or a block around it finer than the coarsest, must have heard
    /// for the model to know anything of reception there. Below it the estimate is only the coarsest
    /// block's and the whole feed's, which speak for other waters (a sparsely covered patch inside an
    /// ocean block heard mostly near its coasts): where neither end of a silence is known, the silence
    /// gets no score and the dark-voyage rule does not fire. Measured on the simulated coverage feeds
    /// (eight sets of six): dark periods scored at or below a coverage silence of similar length 4 of
    /// 672 (11 when any hour counted, and the coarsest block with it), precision 0.988–1.000, recall
    /// unchanged; on six sets not used to choose it (81–86 to 131–136), 11 of 504 (17), and the worst
    /// set's precision 0.764 (0.570). The same figure as the disabling rule's
    /// <c>Gaps:DisablingMinimumCellVesselHours</c>. Default 100.
    /// </summary>
    public double MinimumLocalVesselHours { get; init; } = 100;

    /// <summary>
    /// A class A vessel's silence during which other class A vessels were heard, in the cell the silent
    /// one was in, in at least this many distinct hours is the vessel's own (its transponder, not the
    /// receivers): it is not learnt as coverage, and a place where others were heard meanwhile cannot
    /// explain the vessel's silence when it is judged on its return (where others were heard at every
    /// place looked at, no coverage explains it and the place where such a silence is rarest counts);
    /// 0 learns every silence and lets every place explain. Class B silences are always learnt and
    /// judged as before: receivers, satellites above all, hear class B less well. Where satellites pass
    /// every 6–14 h, a silence of half a day spans one or two passes and is still coverage. Measured on
    /// the simulated coverage feeds (fourteen sets of six, seeds 1–6 to 131–136, 2026-12-07): recall of
    /// dark periods 0.976–1.000 (0.929–0.976 with 0), precision 0.988–1.000 (the same), dark periods
    /// scored at or below a coverage silence of similar length none of 1,176 (8). Default 3.
    /// </summary>
    public int OwnSilenceHeardHours { get; init; } = 3;

    /// <summary>Intervals longer than this are not learnt (a vessel laid up). Default 30 days.</summary>
    public double MaxIntervalDays { get; init; } = 30;

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        if (CellSizeDegrees is <= 0 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(CellSizeDegrees), CellSizeDegrees, "Reception:CellSizeDegrees must be in (0, 30].");
        }

        if (PoolingFactor is not (2 or 4 or 8 or 16) || PoolingLevels is < 0 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(PoolingFactor), "Reception: PoolingFactor must be 2, 4, 8 or 16 and PoolingLevels between 0 and 4.");
        }

        if (!(MinimumLocalVesselHours >= 0) || double.IsInfinity(MinimumLocalVesselHours))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumLocalVesselHours), MinimumLocalVesselHours, "Reception:MinimumLocalVesselHours must be a number of hours, 0 or more.");
        }

        if (OwnSilenceHeardHours is < 0 or > HeardHours.Span)
        {
            throw new ArgumentOutOfRangeException(nameof(OwnSilenceHeardHours), OwnSilenceHeardHours, $"Reception:OwnSilenceHeardHours must be 0 (learn every silence) to {HeardHours.Span} hours.");
        }

        if (PriorWeightHours <= 0 || PriorMaximumSilences <= 0 || MovingSpeedKnots < 0 || MaxIntervalDays <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PriorWeightHours), "Reception:PriorWeightHours, PriorMaximumSilences and MaxIntervalDays must be positive, MovingSpeedKnots not negative.");
        }
    }
}
