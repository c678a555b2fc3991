namespace AisMonitor.Core.Tracking;

/// <summary>How far a position is trusted.</summary>
public enum TrackPointQuality : byte
{
    /// <summary>Consistent with the vessel's track: used to open and close gaps.</summary>
    Good,

    /// <summary>
    /// Implies a speed no vessel can make from the recent track (a bad fix, a spoofed or shared
    /// identity): kept as evidence, but it neither opens nor closes a gap until later positions confirm it.
    /// </summary>
    Suspect,
}
