namespace AisMonitor.Storage;

/// <summary>What an analyst changes on an alert; null fields stay as they are. A dismissal needs a reason.</summary>
/// <param name="ChangedBy">Who (recorded in the history).</param>
/// <param name="Status">new, acknowledged, escalated, dismissed or resolved.</param>
/// <param name="DismissalReason">Why it was dismissed (required with "dismissed").</param>
/// <param name="Assignee">Who works on it.</param>
/// <param name="Notes">Free text, replacing the notes.</param>
/// <param name="AddNote">A note added after the notes, as a line of its own with who added it.</param>
public sealed record TriageChange(string ChangedBy, string? Status = null, string? DismissalReason = null, string? Assignee = null, string? Notes = null, string? AddNote = null);
