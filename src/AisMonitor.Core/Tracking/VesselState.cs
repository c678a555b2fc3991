using NodaTime;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;

namespace AisMonitor.Core.Tracking;

/// <summary>
/// Everything AisMonitor knows about one vessel: a bounded ring of recent positions (the evidence
/// for alerts), the last good position, a suspect position awaiting confirmation, its identity
/// and the gap alert it has open. Owned by one partition; not thread safe.
/// </summary>
public sealed partial class VesselState
{
    /// <summary>
    /// The bytes of the object every position reads or writes, from its start: the fields, the last
    /// good and suspect positions and the course turns (the runtime lays them out in that order, the
    /// history after them; 168 on .NET 10: HotPathStructureTests checks it).
    /// </summary>
    internal const int HotBytes = 168;

    /// <summary>The bytes an eviction pass reads of each vessel: through its last-heard time and whether it has a twin.</summary>
    internal const int ThroughLastHeardBytes = 96;

    /// <summary>The bytes that hold the MMSI, which removing a vessel from its table reads.</summary>
    internal const int ThroughMmsiBytes = 100;

    /// <summary>Positions kept per vessel as evidence.</summary>
    public const int HistoryCapacity = 16;

    private int _count;
    private int _next;
    private Rarely? _rarely;
    private VesselIdentity? _identity;
    private long _lastHeardUnixMilliseconds = long.MinValue;

    internal VesselState(Mmsi mmsi, byte track = 0) => (Mmsi, Track) = (mmsi, track);

    /// <summary>0 for the vessel heard first on its MMSI; 1 for a second ship heard on the same MMSI at once (its own track, judged apart).</summary>
    public byte Track { get; }

    /// <summary>The other ship on this MMSI, once positions that no single ship could join have shown there are two (each refers to the other).</summary>
    public VesselState? Twin
    {
        get => _hasTwin ? _rarely!.Twin : null;
        internal set
        {
            Rare.Twin = value;
            _hasTwin = value is not null;
        }
    }

    // Whether Twin is set, in the state's first line: every position and every eviction pass asks for
    // the twin, and nearly every vessel has the side object for something else (an identity change, a
    // loitering run), a cold line of its own to learn that it has none. Fills padding: no bigger.
    private bool _hasTwin;

    /// <summary>The position the vessel was last trusted at before a confirmed jump: heard from again, it shows a second ship.</summary>
    internal TrackPoint? Abandoned
    {
        get => _rarely?.Abandoned;
        set
        {
            if (value is not null || _rarely is not null)
            {
                Rare.Abandoned = value;
            }
        }
    }

    /// <summary>True once the second track has proven itself a ship (see the engine) and been reported as an identity conflict; until then no detector sees it.</summary>
    internal bool TwinReported
    {
        get => _rarely?.TwinReported ?? false;
        set => Rare.TwinReported = value;
    }

    /// <summary>For a second ship's track: the two positions, one per ship, that showed no single ship could be both.</summary>
    internal (TrackPoint First, TrackPoint Second)? SplitBy
    {
        get => _rarely?.SplitBy;
        set => Rare.SplitBy = value;
    }

    /// <summary>How many positions the history holds (at most <see cref="HistoryCapacity"/>).</summary>
    internal int HistoryCount => _count;

    /// <summary>The vessel.</summary>
    public Mmsi Mmsi { get; private set; }

    /// <summary>The live source that delivered <see cref="LastGood"/> (0: not told), for outages of one source.</summary>
    public byte LastFeed { get; internal set; }

    /// <summary>The latest position trusted for gap detection.</summary>
    public TrackPoint? LastGood { get; internal set; }

    /// <summary>A suspect position waiting for a second one that agrees with it.</summary>
    public TrackPoint? PendingSuspect { get; internal set; }

    /// <summary>Merged identity, when the vessel has sent any.</summary>
    public VesselIdentity? Identity
    {
        get => _identity;
        internal set
        {
            _identity = value;
            RefreshLastHeard();
        }
    }

    /// <summary>The gap alert raised while the vessel is silent, if any.</summary>
    public Alert? OpenGap { get; internal set; }

    /// <summary>The watch-list entries this vessel matches by IMO or MMSI (empty when none).</summary>
    public IReadOnlyList<WatchLists.WatchListMatch> WatchListMatches
    {
        get => _rarely?.WatchListMatches ?? [];
        internal set
        {
            if (value.Count > 0 || _rarely is not null)
            {
                Rare.WatchListMatches = value;
            }
        }
    }

    /// <summary>Where the port-call detector last measured how far the vessel is from any port, and that distance (nm): until it has moved that far it cannot have entered one.</summary>
    // Three primitive fields rather than one tuple: the runtime lays primitives out right after the
    // references, within the first cache lines that are prefetched, and value types after them.
    internal float PortClearanceLatitude;
    internal float PortClearanceLongitude;
    internal float PortClearanceNauticalMiles;

    /// <summary>The watch-list entries as alert evidence: null when there are none (an alert then carries no <c>watch_lists</c>).</summary>
    internal IReadOnlyList<WatchLists.WatchListMatch>? WatchListEvidence => WatchListMatches.Count > 0 ? WatchListMatches : null;

    /// <summary>The port the vessel is in, when it is in one.</summary>
    internal PortCalls.PortVisit? Visit { get; set; }

    /// <summary>Ports (UN/LOCODE or name) this vessel has called at in the feed; null until its first call.</summary>
    internal HashSet<string>? PortsCalled
    {
        get => _rarely?.PortsCalled;
        set => Rare.PortsCalled = value;
    }

    /// <summary>When this vessel was last reported as a watch-list sighting; null before its first.</summary>
    internal Instant? WatchListSightedAt
    {
        get => _rarely?.WatchListSightedAt;
        set => Rare.WatchListSightedAt = value;
    }

    /// <summary>The last long transponder gap, until the next call.</summary>
    internal PortCalls.RecentGap? RecentGap
    {
        get => _rarely?.RecentGap;
        set
        {
            if (value is not null || _rarely is not null)
            {
                Rare.RecentGap = value;
            }
        }
    }

    /// <summary>When it was last heard, in Unix milliseconds: its latest position, else when its identity last changed.</summary>
    /// <remarks>Kept in a field, not worked out from the history: eviction reads it for every vessel, and a field near the object's start costs one cache line where the history's latest entry costs another.</remarks>
    internal long LastHeardUnixMilliseconds => _lastHeardUnixMilliseconds;

    /// <summary>The encounter detector's state for this vessel, once it has been slow (null for most: a moving vessel costs it nothing).</summary>
    internal Encounters.SlowState? Encounter { get; set; }

    /// <summary>The loitering detector's run in progress for this vessel (null unless it is slow away from port now).</summary>
    /// <remarks>
    /// In the state, not the side object: most vessels of a day's feed are slow away from port at some time,
    /// and a run kept in the side object made one for nearly every vessel, a cold line that every position
    /// then read to learn that the vessel is on no watch list and under no spoofing watch.
    /// </remarks>
    internal Loitering.LoiterRun? Loiter { get; set; }

    /// <summary>The position-spoofing detector's signs for this vessel in the episode in progress (null for nearly every vessel).</summary>
    internal Spoofing.SpoofWatch? Spoof
    {
        get => _rarely?.Spoof;
        set
        {
            if (value is not null || _rarely is not null)
            {
                Rare.Spoof = value;
            }
        }
    }

    /// <summary>The vessel's course turn by turn, for circles (inline: every vessel under way has one).</summary>
    internal Spoofing.TurnTracker Turns;

    // Inline in the object: one cache line fetch fewer per message than a separate array. Declared
    // last: the runtime lays out an object's struct fields after its other fields, in declaration
    // order, and declared first this one (16 points, 256 bytes) pushed LastGood, read for every
    // message, past the cache lines the engine prefetches; it is now within the first HotBytes.
    private PositionRing _history;

    /// <summary>The value of <see cref="SilenceCheckDue"/> when no look is queued.</summary>
    internal const long NoSilenceCheck = long.MinValue;

    /// <summary>When the look queued for this silent vessel falls due (Unix milliseconds), or <see cref="NoSilenceCheck"/>: the queue tells a live entry from a stale one by it.</summary>
    internal long SilenceCheckDue = NoSilenceCheck;

    /// <summary>Whether the engine has a look at this vessel queued.</summary>
    internal bool SilenceCheckScheduled => SilenceCheckDue != NoSilenceCheck;

    /// <summary>Identity changes, latest last (at most eight kept).</summary>
    public IReadOnlyList<IdentityChange> IdentityChanges => _rarely?.Changes ?? (IReadOnlyList<IdentityChange>)[];

    // What most vessels never have (identity changes, watch-list matches, port history) lives in a
    // side object made when first needed: the state read for every position stays small.
    private Rarely Rare => _rarely ??= new Rarely();

    /// <summary>Recent positions, oldest first (a <c>foreach</c> over it allocates nothing).</summary>
    public HistoryView History => new(this);

    /// <summary>The most recent position in the history, good or suspect.</summary>
    public TrackPoint? Latest => _count == 0 ? null : _history[(_next - 1 + HistoryCapacity) % HistoryCapacity];

    /// <summary>
    /// Makes a retired vessel's state a new one for <paramref name="mmsi"/>, every field as a new state has it
    /// (the engine pools retired states: under a flood of new MMSIs each new state would otherwise be
    /// allocated, survive a few collections and be copied by each). Only a first track with no
    /// second ship, which no detector still refers to, is reused.
    /// </summary>
    internal VesselState Reuse(Mmsi mmsi)
    {
        if (Track != 0)
        {
            throw new InvalidOperationException("A second ship's track is never reused.");
        }

        (_count, _next, _rarely, _identity, _lastHeardUnixMilliseconds, _hasTwin) = (0, 0, null, null, long.MinValue, false);
        (Mmsi, LastFeed, LastGood, PendingSuspect, OpenGap, Visit, Encounter, Loiter) = (mmsi, 0, null, null, null, null, null, null);
        (PortClearanceLatitude, PortClearanceLongitude, PortClearanceNauticalMiles) = (0, 0, 0);
        (Turns, _history, SilenceCheckDue) = (default, default, NoSilenceCheck);
        return this;
    }

    internal void RestoreChanges(IEnumerable<IdentityChange> changes)
    {
        foreach (var change in changes)
        {
            RecordChange(change);
        }
    }

    internal void Remember(TrackPoint point)
    {
        _history[_next] = point;
        _next = (_next + 1) % HistoryCapacity;
        _count = Math.Min(_count + 1, HistoryCapacity);
        _lastHeardUnixMilliseconds = point.UnixMilliseconds;
    }

    /// <summary>Removes the positions that match from the history (a second ship's, when its track is split off).</summary>
    internal void ForgetWhere(Func<TrackPoint, bool> remove)
    {
        var kept = History.Where(p => !remove(p)).ToList();
        (_count, _next) = (0, 0);
        kept.ForEach(Remember);
        RefreshLastHeard();
    }

    /// <summary>Replaces <paramref name="old"/> in the history (a suspect position confirmed later).</summary>
    internal void ReplaceLatestIf(TrackPoint old, TrackPoint replacement)
    {
        for (var i = 0; i < _count; i++)
        {
            var index = (_next - 1 - i + (2 * HistoryCapacity)) % HistoryCapacity;
            if (_history[index] == old)
            {
                _history[index] = replacement;
                RefreshLastHeard();
                return;
            }
        }
    }

    private void RefreshLastHeard() =>
        _lastHeardUnixMilliseconds = Latest?.UnixMilliseconds ?? _identity?.ChangedAt?.ToUnixTimeMilliseconds() ?? long.MinValue;

    internal void RecordChange(IdentityChange change)
    {
        var changes = Rare.Changes ??= [];
        if (changes.Count == 8)
        {
            changes.RemoveAt(0);
        }

        changes.Add(change);
    }

    private sealed class Rarely
    {
        public List<IdentityChange>? Changes { get; set; }

        public IReadOnlyList<WatchLists.WatchListMatch> WatchListMatches { get; set; } = [];

        public HashSet<string>? PortsCalled { get; set; }

        public PortCalls.RecentGap? RecentGap { get; set; }

        public Instant? WatchListSightedAt { get; set; }

        public VesselState? Twin { get; set; }

        public TrackPoint? Abandoned { get; set; }

        public bool TwinReported { get; set; }

        public (TrackPoint First, TrackPoint Second)? SplitBy { get; set; }

        public Spoofing.SpoofWatch? Spoof { get; set; }
    }

    [System.Runtime.CompilerServices.InlineArray(HistoryCapacity)]
    private struct PositionRing
    {
        private TrackPoint _first;
    }
}
