namespace AisMonitor.Core.Alerts;

/// <summary>What an alert is about.</summary>
public enum AlertKind
{
    /// <summary>A vessel was silent for longer than the gap threshold where it should have been heard.</summary>
    TransponderGap,

    /// <summary>An MMSI that cannot identify one vessel (placeholder, unallocated or shared).</summary>
    IdentityConflict,
}
