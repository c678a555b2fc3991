namespace AisMonitor.Core.Detection;

/// <summary>What the detection engine did with the messages it was given.</summary>
public sealed class EngineStatistics
{
    /// <summary>Messages given to the engine.</summary>
    public long Messages { get; internal set; }

    /// <summary>Runs of positions dropped as a ship's own with the sign of its latitude or longitude flipped, not a second ship.</summary>
    public long MirroredPositions { get; internal set; }

    /// <summary>MMSIs found used by two ships at once, each then tracked apart.</summary>
    public long SecondShips { get; internal set; }

    /// <summary>Looks at silent vessels (due checks taken from the queue at sweeps).</summary>
    public long SilenceChecks { get; internal set; }

    /// <summary>Messages without an event time (cannot be placed in time).</summary>
    public long WithoutEventTime { get; internal set; }

    /// <summary>
    /// Messages whose time cannot be the feed's: before <see cref="Tracking.TrackingOptions.EarliestPlausibleYear"/>,
    /// from year 9000 on, or far ahead of the feed with nothing agreeing (see <see cref="Tracking.FeedClock"/>).
    /// </summary>
    public long ImplausibleTimes { get; internal set; }

    /// <summary>Messages older than the reordering window allows.</summary>
    public long Late { get; internal set; }

    /// <summary>Position reports of one vessel heard twice (several receivers, one transmission).</summary>
    public long Duplicates { get; internal set; }

    /// <summary>Positions that implied an impossible speed and were held as suspect.</summary>
    public long SuspectPositions { get; internal set; }

    /// <summary>Position reports used.</summary>
    public long Positions { get; internal set; }

    /// <summary>Position reports without a usable position.</summary>
    public long PositionsNotAvailable { get; internal set; }

    /// <summary>Reports from stations that are not ships or whose MMSI cannot identify one ship.</summary>
    public long NotTrackedForGaps { get; internal set; }

    /// <summary>Vessels retired after <see cref="Tracking.TrackingOptions.RetireAfterSilence"/> unheard.</summary>
    public long VesselsRetired { get; internal set; }

    /// <summary>Vessels evicted, longest silent first, because <see cref="Tracking.TrackingOptions.MaximumTrackedVessels"/> was reached.</summary>
    public long VesselsEvicted { get; internal set; }

    /// <summary>Vessels tracked now.</summary>
    public long Vessels { get; internal set; }

    /// <summary>Alert updates emitted (a gap that opens and later closes counts twice).</summary>
    public long AlertUpdates { get; internal set; }
}
