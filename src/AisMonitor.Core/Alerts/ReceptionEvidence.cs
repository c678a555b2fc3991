namespace AisMonitor.Core.Alerts;

/// <summary>
/// How well vessels are heard where a gap started or ended, as the reception model saw it when
/// the gap was scored: the grid cell, how many report intervals of moving vessels it has learnt and
/// how many vessel-hours they cover, their median, the chance per vessel-day there of a silence at
/// least as long as the gap, and the evidence of every level the estimate was pooled from (the
/// cell, the coarser blocks around it, the whole feed) with the weight each level gave its own
/// counts against the level above.
/// </summary>
public sealed record ReceptionEvidence(string Cell, long Intervals, double VesselHours, double? MedianIntervalSeconds, double ChancePerVesselDay, string Basis)
{
    /// <summary>The levels, finest first: the cell, the coarser blocks, the whole feed.</summary>
    public IReadOnlyList<ReceptionLevel> Levels { get; init; } = [];

    /// <summary>False when neither the cell nor any block around it has been heard: the estimate is the whole feed's alone.</summary>
    public bool HasLocalEvidence { get; init; } = true;
}

/// <summary>
/// One level of the pooled reception estimate: the area, how many silences at least as long as the
/// gap it has seen in how many vessel-hours, the weight of its own counts against the level above
/// (vessel-hours ÷ (vessel-hours + the prior weight)), and the resulting rate per vessel-day.
/// </summary>
public sealed record ReceptionLevel(string Area, double Silences, double VesselHours, double Weight, double SilencesPerVesselDay)
{
    /// <summary>Of <see cref="Silences"/>, how many were still under way when the gap was judged (other vessels silent at least as long, last heard in this area), their hours in <see cref="VesselHours"/>.</summary>
    public int StillSilent { get; init; }
}
