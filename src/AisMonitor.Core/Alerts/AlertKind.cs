namespace AisMonitor.Core.Alerts;

/// <summary>What an alert is about.</summary>
public enum AlertKind
{
    /// <summary>A vessel was silent for longer than the gap threshold where it should have been heard.</summary>
    TransponderGap,

    /// <summary>An MMSI that cannot identify one vessel (placeholder, unallocated or shared).</summary>
    IdentityConflict,

    /// <summary>A port call made notable by who called (a watch-listed vessel) or where (a port of concern), with the behaviour around it.</summary>
    UnusualPortCall,

    /// <summary>During a transponder gap a port of concern lay within reach, with time for a stay.</summary>
    PossibleDarkPortCall,

    /// <summary>A watch-listed vessel heard: the first time in the feed, and again after a long silence.</summary>
    WatchListSighting,

    /// <summary>Two slow vessels together away from port for hours: a possible ship-to-ship transfer.</summary>
    Encounter,

    /// <summary>A vessel broadcast another name, call sign or IMO, or its IMO was heard under another MMSI.</summary>
    IdentityChange,

    /// <summary>Slow far from shore for hours: a possible transshipment or rendezvous where nothing is.</summary>
    Loitering,

    /// <summary>Positions that cannot be the vessel's own: jumps where no ship could go and back, again and again, or circles drawn around one place.</summary>
    PositionSpoofing,
}
