namespace AisMonitor.Core.Alerts;

/// <summary>How urgently an analyst should look.</summary>
public enum Severity
{
    /// <summary>Worth a look when the queue is empty.</summary>
    Low,

    /// <summary>Review today.</summary>
    Medium,

    /// <summary>Review now: a high-confidence rule fired or the silence is very unlikely where it happened.</summary>
    High,
}
