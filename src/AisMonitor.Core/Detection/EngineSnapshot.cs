using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Messages;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Detection;

/// <summary>
/// Everything a <see cref="DetectionEngine"/> holds, as plain immutable data: restored into a fresh
/// engine (on this node after a restart, or on another), the engine continues exactly as if it had
/// never stopped. What belongs to vessels (their state, the open gaps of retired ones, identity
/// conflicts) is grouped by MMSI partition or keyed by MMSI, and the silence-check queues are rebuilt
/// from the vessels; what the whole feed shares is the clock, the feed outages and the learnt models,
/// which are sums that merge (<see cref="ReceptionModel.Merge"/>). Moving partitions to another process
/// is so a matter of splitting this by MMSI and sharing the models; it is not built yet.
/// </summary>
public sealed record EngineSnapshot
{
    /// <summary>The encounter detector's state (null: a snapshot from before encounters, or with them off).</summary>
    public Encounters.EncounterSnapshot? Encounters { get; init; }

    /// <summary>The identity-change detector's state (null when it is off).</summary>
    public Identity.IdentitySnapshot? Identity { get; init; }

    /// <summary>Format version of the snapshot.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Latest event time processed.</summary>
    public Instant? Watermark { get; init; }

    /// <summary>Event time of the last message applied (the watermark may be later: a live clock moves it on). Absent in older snapshots: the watermark.</summary>
    public Instant? LastApplied { get; init; }

    /// <summary>The feed outage still going on when the snapshot was taken (<see cref="DetectionEngine.FeedDown"/>).</summary>
    public FeedOutage? OpenOutage { get; init; }

    /// <summary>The outages of single sources still going on.</summary>
    public IReadOnlyList<FeedOutage> OpenFeedOutages { get; init; } = [];

    /// <summary>Next sweep for open gaps.</summary>
    public Instant? NextSweep { get; init; }

    /// <summary>Next pass that retires long-silent vessels.</summary>
    public Instant? NextRetirement { get; init; }

    /// <summary>Open gaps of retired vessels, carried until the vessel returns.</summary>
    public IReadOnlyList<CarriedGapSnapshot> CarriedGaps { get; init; } = [];

    /// <summary>Messages held for reordering, with their arrival order.</summary>
    public required IReadOnlyList<BufferedMessage> Reordering { get; init; }

    /// <summary>Event time of the last message released from reordering.</summary>
    public Instant? Released { get; init; }

    /// <summary>The feed's time as the reordering buffer's clock agreed it (<see cref="Tracking.FeedClock"/>).</summary>
    public Instant? LatestSeen { get; init; }

    /// <summary>The feed clock's latest times in its current epoch.</summary>
    public IReadOnlyList<Instant> FeedClockTimes { get; init; } = [];

    /// <summary>Arrivals so far in the feed clock's current epoch.</summary>
    public int FeedClockArrivalsInEpoch { get; init; }

    /// <summary>Arrival counter of the reordering buffer.</summary>
    public long Arrivals { get; init; }

    /// <summary>Vessels, by partition (index = partition number).</summary>
    public required IReadOnlyList<IReadOnlyList<VesselSnapshot>> Partitions { get; init; }

    /// <summary>MMSIs whose identity conflict has been raised.</summary>
    public required IReadOnlyList<uint> ConflictsRaised { get; init; }

    /// <summary>Identity conflicts heard only without a position so far: raised at their first position.</summary>
    public IReadOnlyList<AwaitingConflict> ConflictsAwaitingPosition { get; init; } = [];

    /// <summary>The reception model.</summary>
    public required ReceptionSnapshot Reception { get; init; }

    /// <summary>Port callers by flag and type, learnt so far.</summary>
    public PortCalls.CallerStatisticsSnapshot? Callers { get; init; }

    /// <summary>Counters.</summary>
    public required EngineStatisticsSnapshot Statistics { get; init; }

    /// <summary>Feed outages found so far.</summary>
    public IReadOnlyList<FeedOutage> FeedOutages { get; init; } = [];
}

/// <summary>A retired vessel's open gap: the vessel, its last good position and the open alert.</summary>
public sealed record CarriedGapSnapshot(Mmsi Mmsi, TrackPointSnapshot LastGood, Alert OpenGap);

/// <summary>An identity conflict waiting for a position to say where: the MMSI and when it was first heard.</summary>
public sealed record AwaitingConflict(Mmsi Mmsi, Instant FirstHeard);

/// <summary>A message waiting in the reordering buffer: what the engine needs of it.</summary>
public sealed record BufferedMessage(Instant Time, long Arrival, int MessageType, Mmsi Mmsi, PositionReport? Position, StaticAndVoyageData? Voyage, StaticDataReport? ClassBStatic)
{
    /// <summary>The live source it came through (0: not told).</summary>
    public byte Feed { get; init; }
}

/// <summary>One vessel's state.</summary>
public sealed record VesselSnapshot(
    Mmsi Mmsi,
    IReadOnlyList<TrackPointSnapshot> History,
    TrackPointSnapshot? LastGood,
    TrackPointSnapshot? PendingSuspect,
    VesselIdentity? Identity,
    IReadOnlyList<IdentityChange> IdentityChanges,
    Alert? OpenGap,
    PortCalls.VisitSnapshot? Visit = null,
    IReadOnlyList<string>? PortsCalled = null,
    PortCalls.RecentGap? RecentGap = null,
    Instant? WatchListSightedAt = null,
    byte LastFeed = 0)
{
    /// <summary>Where it jumped away from, while a second ship may still be heard there.</summary>
    public TrackPointSnapshot? Abandoned { get; init; }

    /// <summary>The second ship on this MMSI, tracked apart.</summary>
    public VesselSnapshot? Twin { get; init; }

    /// <summary>True once the second track has been reported.</summary>
    public bool TwinReported { get; init; }

    /// <summary>The loitering detector's run in progress.</summary>
    public Loitering.LoiterSnapshot? Loiter { get; init; }

    /// <summary>The position-spoofing detector's signs in the episode in progress.</summary>
    public Spoofing.SpoofSnapshot? Spoof { get; init; }

    /// <summary>The turn in progress (for circles).</summary>
    public Spoofing.TurnsSnapshot? Turns { get; init; }

    /// <summary>For a second ship's track: the two positions, one per ship, that showed there are two.</summary>
    public IReadOnlyList<TrackPointSnapshot>? SplitBy { get; init; }
}

/// <summary>A track point as data.</summary>
public sealed record TrackPointSnapshot(Instant Time, double LatitudeDegrees, double LongitudeDegrees, double? SpeedKnots, TrackPointQuality Quality)
{
    internal static TrackPointSnapshot From(TrackPoint p) => new(p.Time, p.LatitudeDegrees, p.LongitudeDegrees, p.SpeedKnots, p.Quality);

    internal TrackPoint ToPoint() => new(Time, LatitudeDegrees, LongitudeDegrees, SpeedKnots, Quality);
}

/// <summary>The reception model as data, with the span of event time it has listened over (Unix milliseconds; null before the first interval).</summary>
public sealed record ReceptionSnapshot(IReadOnlyList<CellSnapshot> Cells, HistogramSnapshot Feed)
{
    /// <summary>Start of the earliest interval learnt.</summary>
    public long? ListenedFromUnixMilliseconds { get; init; }

    /// <summary>End of the latest interval learnt.</summary>
    public long? ListenedToUnixMilliseconds { get; init; }

    /// <summary>The silences under way (see <see cref="ReceptionModel.SilenceBegan"/>); null in snapshots from before they were kept.</summary>
    public IReadOnlyList<OpenSilenceSnapshot>? OpenSilences { get; init; }

    /// <summary>The hours each cell heard anyone in (see <see cref="ReceptionModel.Heard"/>); null in snapshots from before they were kept.</summary>
    public IReadOnlyList<HeardHoursSnapshot>? HeardHours { get; init; }

    /// <summary>Silences not learnt because others were heard meanwhile (<see cref="ReceptionModel.OwnSilencesSetAside"/>).</summary>
    public long OwnSilencesSetAside { get; init; }
}

/// <summary>The hours in which a cell heard anyone: the latest (hours since the Unix epoch) and a ring of bits for the 1,024 up to it.</summary>
public sealed record HeardHoursSnapshot(long Key, long Newest, IReadOnlyList<ulong> Bits);

/// <summary>A silence under way: the area it counts in, when the vessel was last heard, and the vessel.</summary>
public sealed record OpenSilenceSnapshot(long Area, long StartUnixMilliseconds, uint Mmsi);

/// <summary>One cell's histogram.</summary>
public sealed record CellSnapshot(long Key, HistogramSnapshot Histogram);

/// <summary>Interval counts and seconds per bin.</summary>
public sealed record HistogramSnapshot(IReadOnlyList<long> Counts, IReadOnlyList<double> Seconds, long Count, double TotalSeconds);

/// <summary>The engine's counters as data.</summary>
public sealed record EngineStatisticsSnapshot(long Messages, long WithoutEventTime, long Late, long Duplicates, long SuspectPositions, long Positions, long PositionsNotAvailable, long NotTrackedForGaps, long Vessels, long AlertUpdates)
{
    /// <summary>Messages with implausible times (see <see cref="EngineStatistics.ImplausibleTimes"/>).</summary>
    public long ImplausibleTimes { get; init; }

    /// <summary>Vessels retired after the retirement age.</summary>
    public long VesselsRetired { get; init; }

    /// <summary>Vessels evicted at the cap.</summary>
    public long VesselsEvicted { get; init; }

    /// <summary>See <see cref="EngineStatistics.SecondShips"/>.</summary>
    public long SecondShips { get; init; }

    /// <summary>See <see cref="EngineStatistics.MirroredPositions"/>.</summary>
    public long MirroredPositions { get; init; }
}
