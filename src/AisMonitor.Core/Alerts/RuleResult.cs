namespace AisMonitor.Core.Alerts;

/// <summary>One rule evaluated for an alert: its name, whether it fired, and the numbers it looked at.</summary>
public sealed record RuleResult(string Name, bool Fired, string Detail);
