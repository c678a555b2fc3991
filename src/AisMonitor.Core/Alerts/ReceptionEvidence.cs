namespace AisMonitor.Core.Alerts;

/// <summary>
/// How well vessels are heard where a gap started or ended, as the reception model saw it when
/// the gap was scored: the grid cell, how many report intervals of moving vessels it has learnt and
/// how many vessel-hours they cover, their median, and the chance per vessel-day there of a silence
/// at least as long as the gap.
/// </summary>
public sealed record ReceptionEvidence(string Cell, long Intervals, double VesselHours, double? MedianIntervalSeconds, double ChancePerVesselDay, string Basis);
