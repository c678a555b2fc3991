namespace AisMonitor.Core.Alerts;

/// <summary>
/// How well vessels are heard where a gap started or ended, as the reception model saw it when
/// the gap was scored: the grid cell, how many report intervals of moving vessels it has seen,
/// their median, and the share of listening time that silences at least as long as the gap take up
/// there (the probability, at a random moment, of being inside such a silence).
/// </summary>
public sealed record ReceptionEvidence(string Cell, long Intervals, double? MedianIntervalSeconds, double TailProbability, string Basis);
