namespace AisMonitor.Core.Nmea;

/// <summary>What identifies the fragments of one multi-sentence message.</summary>
/// <param name="Source">Tag-block source (interned), or null.</param>
/// <param name="GroupId">Tag-block g: group id, or −1.</param>
/// <param name="Channel">VDL channel character, or '\0'.</param>
/// <param name="SequenceId">Sequential message id 0–9, or −1 when empty.</param>
/// <param name="Count">Number of fragments.</param>
/// <param name="OwnShip">VDO rather than VDM.</param>
internal readonly record struct FragmentKey(string? Source, int GroupId, char Channel, int SequenceId, int Count, bool OwnShip);
