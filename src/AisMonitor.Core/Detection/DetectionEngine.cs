using System.Runtime.CompilerServices;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Messages;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Geo;
using AisMonitor.Core.PortCalls;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tracking;
using AisMonitor.Core.WatchLists;
using NodaTime;

namespace AisMonitor.Core.Detection;

/// <summary>
/// The pipeline from messages to alerts, in event time: messages are put back in order within
/// the reordering window, vessels are tracked in partitions chosen by MMSI (duplicates dropped,
/// impossible jumps held as suspect, identities merged, watch lists matched, the long silent
/// retired, feed outages noted), and a list of detectors (<see cref="IVesselDetector"/>: gaps,
/// port calls, watch-list sightings, identity conflicts) is told what happened to each vessel and
/// when a silent one falls due. Replaying a history at full speed gives the alerts watching it live
/// would have given. Alert updates go to the output given at construction, in a deterministic order.
/// </summary>
public sealed partial class DetectionEngine
{
    private readonly DetectionOptions _options;
    private readonly IDetectionOutput _output;
    private readonly IDetectionOutput? _positions;
    private static readonly Instant LatestPlausible = Instant.FromUtc(9000, 1, 1, 0, 0);
    private static readonly VesselIdentity NoIdentity = new(); // a vessel that has sent no static report: immutable, so shared
    private readonly ReorderBuffer _reorder;
    private readonly Instant _earliestPlausible;
    private readonly VesselPartition[] _partitions;
    private Instant? _nextRetirement;
    private readonly List<FeedOutage> _feedOutages = [];
    private readonly GapDetector _gaps;
    private readonly PortCallDetector _portCalls;
    private readonly IdentityConflicts _conflicts;
    private readonly Encounters.EncounterDetector? _encounters;
    private readonly Identity.IdentityChangeDetector? _identity;
    private readonly FastModulo _partitionOf; // a vessel's partition: its MMSI hash modulo the partitions
    private readonly VesselDetector[] _detectors; // called virtually, not through the interface: see VesselDetector
    private VesselWatchLists _watchLists = VesselWatchLists.None;
    private Instant? _nextSweep;
    private readonly long _duplicateWindowMilliseconds;
    private readonly double _minimumSuspectJumpNauticalMiles;
    private readonly double _impossibleSpeedKnots;
    private readonly long _secondShipWindowMilliseconds;

    /// <summary>Creates an engine whose alerts go to <paramref name="alerts"/> and port calls to <paramref name="portCalls"/> (see <see cref="DelegateOutput"/>).</summary>
    public DetectionEngine(DetectionOptions options, PortIndex ports, Action<Alert> alerts, Action<PortCall>? portCalls = null)
        : this(options, ports, new DelegateOutput(alerts, portCalls))
    {
    }

    /// <summary>Creates an engine; the options are validated (an invalid one throws, naming it). Results go to <paramref name="output"/>.</summary>
    public DetectionEngine(DetectionOptions options, PortIndex ports, IDetectionOutput output)
        : this(options, ports, output, [])
    {
    }

    /// <summary>An engine with <paramref name="moreDetectors"/> after the built-in ones (their state is not yet part of a snapshot).</summary>
    internal DetectionEngine(DetectionOptions options, PortIndex ports, IDetectionOutput output, IEnumerable<Func<DetectorContext, IVesselDetector>> moreDetectors)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        options.Validate();
        _options = options;
        _output = output;
        _positions = output.KeepsPositions ? output : null;
        _reorder = new ReorderBuffer(options.Tracking.ReorderingWindow, options.Tracking.TimeAgreementMessages, options.Tracking.MaximumUnconfirmedJump);
        _earliestPlausible = Instant.FromUtc(options.Tracking.EarliestPlausibleYear, 1, 1, 0, 0);
        _partitions = Enumerable.Range(0, options.Tracking.Partitions).Select(_ => new VesselPartition()).ToArray();
        _partitionOf = new FastModulo(_partitions.Length);
        var context = new DetectorContext(this);
        _gaps = new GapDetector(options, ports, context);
        _portCalls = new PortCallDetector(options.PortCalls, ports, options.Gaps.PortsOfConcern, options.Gaps.MinimumDuration, output.PortCallChanged, Emit);
        _conflicts = new IdentityConflicts(context);

        // In this order: a gap is scored before the position that ends it moves the vessel's port visit.
        var concern = PortsOfConcern.Resolve(ports, options.Gaps.PortsOfConcern);
        _encounters = options.Encounters.Enabled ? new Encounters.EncounterDetector(options.Encounters, ports, concern, context) : null;
        _identity = options.Identity.Enabled ? new Identity.IdentityChangeDetector(options.Identity, options.Tracking.ImpossibleSpeedKnots, context) : null;
        _detectors =
        [
            _gaps, _portCalls, new WatchListSightings(options.WatchLists, context), _conflicts,
            .. _encounters is null ? Array.Empty<VesselDetector>() : [_encounters],
            .. _identity is null ? Array.Empty<VesselDetector>() : [_identity],
            .. options.Loitering.Enabled ? [new Loitering.LoiteringDetector(options.Loitering, concern, context)] : Array.Empty<VesselDetector>(),
            .. options.PositionSpoofing.Enabled ? [new Spoofing.PositionSpoofingDetector(options.PositionSpoofing, concern, context)] : Array.Empty<VesselDetector>(),
            .. moreDetectors.Select(make => VesselDetector.Of(make(context))),
        ];
        _duplicateWindowMilliseconds = (long)options.Tracking.DuplicateWindow.TotalMilliseconds;
        _minimumSuspectJumpNauticalMiles = options.Tracking.MinimumSuspectJumpNauticalMiles;
        _impossibleSpeedKnots = options.Tracking.ImpossibleSpeedKnots;
        _secondShipWindowMilliseconds = (long)options.Tracking.SecondShipWindow.TotalMilliseconds;
    }

    /// <summary>Counts.</summary>
    public EngineStatistics Statistics { get; } = new();

    /// <summary>The land, for loitering's distance from shore; none unless given (then loitering is not looked for).</summary>
    public Geo.Coastline Land { get; init; } = Geo.Coastline.None;

    /// <summary>The options in force.</summary>
    public DetectionOptions Options => _options;

    /// <summary>The reception model learnt so far.</summary>
    public ReceptionModel Reception => _gaps.Reception;

    /// <summary>Silences of the whole feed (see <see cref="TrackingOptions.FeedOutageMinimum"/>), oldest first.</summary>
    public IReadOnlyList<FeedOutage> FeedOutages => _feedOutages;

    /// <summary>How much of [<paramref name="start"/>, <paramref name="end"/>) the feed was silent for a vessel last heard through <paramref name="feed"/> (newest outages first: for a recent interval the loop ends at once).</summary>
    internal Duration FeedSilent(Instant start, Instant end, byte feed)
    {
        var total = _openOutage?.Overlap(start, end) ?? Duration.Zero;
        if (feed != 0 && _openByFeed.Count > 0 && _openByFeed.TryGetValue(feed, out var open))
        {
            total += open.Overlap(start, end);
        }

        for (var i = _feedOutages.Count - 1; i >= 0 && _feedOutages[i].To > start; i--)
        {
            if (_feedOutages[i].Covers(feed))
            {
                total += _feedOutages[i].Overlap(start, end);
            }
        }

        return total;
    }

    /// <summary>The feed's own time as enough recent messages agree on it (<see cref="FeedClock"/>); null before they do.</summary>
    public Instant? FeedTime => _reorder.Clock.Now;

    /// <summary>The latest event time processed: silences are measured up to it.</summary>
    public Instant? Watermark { get; private set; }

    /// <summary>The vessel watch lists in force.</summary>
    public VesselWatchLists WatchLists => _watchLists;

    /// <summary>Puts new watch lists in force (a reload): every vessel is matched again, and alerts from now on cite the new versions.</summary>
    public void ReplaceWatchLists(VesselWatchLists lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        _watchLists = lists;
        foreach (var vessel in Vessels())
        {
            MatchWatchLists(vessel);
        }
    }

    /// <summary>Every vessel tracked, partition by partition.</summary>
    public IEnumerable<VesselState> Vessels() => _partitions.SelectMany(p => p.Vessels.Values);

    /// <summary>Every track: each vessel, and after it the second ship on its MMSI when there is one.</summary>
    internal IEnumerable<VesselState> Tracks()
    {
        foreach (var partition in _partitions)
        {
            foreach (var vessel in partition.Vessels.Values)
            {
                yield return vessel;
                if (vessel.Twin is { Track: 1 } twin)
                {
                    yield return twin;
                }
            }
        }
    }

    /// <summary>The vessels that match a watch list, by MMSI.</summary>
    public IEnumerable<VesselState> WatchListedVessels() =>
        Vessels().Where(v => v.WatchListMatches.Count > 0).OrderBy(v => v.Mmsi.Value);

    private void MatchWatchLists(VesselState vessel)
    {
        vessel.WatchListMatches = _watchLists.Match(vessel.Mmsi, vessel.Identity?.Imo, vessel.Identity?.Name);
        if (vessel.Twin is { Track: 1 } twin)
        {
            twin.WatchListMatches = _watchLists.Match(twin.Mmsi, null, null); // whose IMO the static reports give is not known
        }
    }

    /// <summary>Gives the engine one message.</summary>
    public void Process(in DecodedMessage message)
    {
        Statistics.Messages++;
        if (message.Metadata.Received is not { } time)
        {
            Statistics.WithoutEventTime++;
            return;
        }

        if (time < _earliestPlausible || time >= LatestPlausible)
        {
            Statistics.ImplausibleTimes++;
            return;
        }

        if (!_reorder.Add(message, time))
        {
            Statistics.Late++;
            return;
        }

        while (true)
        {
            ref readonly var ready = ref _reorder.ReleaseDue(out var readyTime);
            if (Unsafe.IsNullRef(in ready))
            {
                break;
            }

            PrefetchAhead();
            Apply(ready, readyTime);
        }
    }

    /// <summary>
    /// Messages leave the reordering window in a known order, so the state they will need can be
    /// fetched ahead: the table slot of the message 24 places on, the vessel state of the one
    /// 12 places on (its slot fetched 12 messages ago).
    /// </summary>
    private void PrefetchAhead()
    {
        if (_reorder.TryPeekMmsi(24, out var far))
        {
            var hash = MmsiHash.Of(far);
            Partition(hash).Vessels.PrefetchSlot(hash);
        }

        if (_reorder.TryPeekMmsi(12, out var near))
        {
            var hash = MmsiHash.Of(near);
            Partition(hash).Vessels.PrefetchState(hash, near);
        }
    }

    /// <summary>
    /// A live feed's clock: event time has reached <paramref name="now"/> even if no message says so
    /// (a quiet sea, a feed that is down). What the reordering window held before it is released, the
    /// watermark moves to a window before it, and silent vessels are looked at as they fall due, so
    /// open gaps are raised without waiting for the next message. A time at or before the watermark
    /// changes nothing. Give the feed's own time moved on by the wall clock since it was last heard
    /// (not the wall clock itself), so that a receiver whose clock is off does not make its messages late.
    /// </summary>
    public void AdvanceTo(Instant now)
    {
        if (now < _earliestPlausible || now >= LatestPlausible)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, "A live clock outside the plausible years (Tracking:EarliestPlausibleYear to 8999).");
        }

        _reorder.AdvanceTo(now);
        while (_reorder.TryRelease(drain: false, out var ready, out var readyTime))
        {
            Apply(ready, readyTime);
        }

        var settled = now - _options.Tracking.ReorderingWindow;
        if (Watermark is not { } watermark || settled > watermark)
        {
            Watermark = settled;
            DoWhatIsDue(settled);
        }
    }

    /// <summary>
    /// Every source of the feed (or, with <paramref name="feed"/>, that one source of a live worker) is
    /// down or has gone quiet since about <paramref name="lastHeard"/> (in event time): until a message
    /// arrives again through it, the feed is out, and no silence of a vessel it last heard is counted
    /// over the outage (gaps are judged on the hours the feed was listening). The outage starts at the
    /// latest message already heard (held for reordering or applied) if that is later than
    /// <paramref name="lastHeard"/>, so that what was heard before it cannot end it, and ends at the
    /// next later message's event time. Nothing changes when one is already open.
    /// </summary>
    public void FeedDown(Instant lastHeard, byte feed = 0)
    {
        if (feed == 0 ? _openOutage is not null : _openByFeed.ContainsKey(feed))
        {
            return;
        }

        var from = lastHeard;
        if (_reorder.LatestHeldAtOrBefore((_reorder.Clock.Now ?? lastHeard) + _options.Tracking.ReorderingWindow) is { } held && held > from)
        {
            from = held;
        }

        if (_lastApplied is { } applied && applied > from)
        {
            from = applied;
        }

        var outage = new FeedOutage(from, LatestPlausible, HeardWithinAnHourOf(from)) { Feed = feed };
        if (feed == 0)
        {
            _openOutage = outage;
        }
        else
        {
            _openByFeed[feed] = outage;
        }
    }

    /// <summary>The outages of single sources still going on, by source (<see cref="FeedDown"/> with a feed).</summary>
    public IReadOnlyDictionary<byte, FeedOutage> OpenFeedOutages => _openByFeed;

    private readonly SortedDictionary<byte, FeedOutage> _openByFeed = [];

    /// <summary>The feed outage still going on (its end not yet known), when <see cref="FeedDown"/> said so.</summary>
    public FeedOutage? OpenOutage => _openOutage;

    private FeedOutage? _openOutage;
    private Instant? _lastApplied;
    private byte _applyingFeed;
    private bool _applyingClassB;

    /// <summary>End of input: releases what the reordering window still holds and checks silent vessels one last time.</summary>
    public void Complete()
    {
        var strayBefore = _reorder.Implausible;
        while (_reorder.TryRelease(drain: true, out var ready, out var readyTime))
        {
            Apply(ready, readyTime);
        }

        Statistics.ImplausibleTimes += _reorder.Implausible - strayBefore; // only the drain finds them

        if (Watermark is { } watermark)
        {
            Sweep(watermark);
        }

        var vessels = Tracks().OrderBy(v => v.Mmsi.Value).ThenBy(v => v.Track).ToList();
        foreach (var detector in _detectors)
        {
            detector.Complete(vessels, Watermark);
        }
    }

    /// <summary>The state of one vessel, when tracked.</summary>
    public VesselState? Vessel(Mmsi mmsi)
    {
        var hash = MmsiHash.Of(mmsi.Value);
        return Partition(hash).Vessels.Find(hash, mmsi.Value);
    }

    private VesselPartition Partition(uint hash) => _partitions[_partitionOf.Of(hash)];

    private void Apply(in DecodedMessage message, Instant time)
    {
        var feed = message.Metadata.Feed;
        if (_openByFeed.Count > 0 && feed != 0 && _openByFeed.TryGetValue(feed, out var sourceDown) && time > sourceDown.From)
        {
            _openByFeed.Remove(feed);
            _feedOutages.Add(sourceDown with { To = time });
        }

        if (_openOutage is { } down && time > down.From)
        {
            _openOutage = null;
            _feedOutages.Add(down with { To = time });
        }
        else if (_openOutage is null && _lastApplied is { } previous && time - previous >= _options.Tracking.FeedOutageMinimum)
        {
            NoteFeedSilence(previous, time);
        }

        _lastApplied = time;
        Watermark = time;
        var mmsi = message.Mmsi;
        if (!IdentityRules.IsTrackedForGaps(mmsi))
        {
            Statistics.NotTrackedForGaps++;
            foreach (var detector in _detectors)
            {
                detector.NotTracked(message, time);
            }
        }
        else if (message.TryGetPosition(out var position))
        {
            _applyingFeed = feed;
            _applyingClassB = position.MessageType is 18 or 19;
            ApplyPosition(mmsi, position, time);
        }
        else if (message.Message is { } other)
        {
            ApplyIdentity(mmsi, other, time);
        }

        DoWhatIsDue(time);
    }

    /// <summary>The sweep for silent vessels and the retirement pass, when event time has reached them.</summary>
    private void DoWhatIsDue(Instant time)
    {
        if (_nextSweep is null)
        {
            _nextSweep = time + _options.Tracking.SweepInterval;
        }
        else if (time >= _nextSweep)
        {
            Sweep(time);
            _nextSweep = time + _options.Tracking.SweepInterval;
        }

        if (_nextRetirement is null)
        {
            _nextRetirement = time + Duration.FromDays(1);
        }
        else if (time >= _nextRetirement)
        {
            Retire((time - _options.Tracking.RetireAfterSilence).ToUnixTimeMilliseconds(), evicted: false);
            _nextRetirement = time + Duration.FromDays(1);
        }
    }


    /// <summary>The feed was silent from <paramref name="from"/> to <paramref name="to"/>: an outage if enough vessels had been heard just before (one pass over the vessels, only at such a silence).</summary>
    private void NoteFeedSilence(Instant from, Instant to)
    {
        var heard = HeardWithinAnHourOf(from);
        if (heard >= _options.Tracking.FeedOutageMinimumVessels)
        {
            _feedOutages.Add(new FeedOutage(from, to, heard));
        }
    }

    /// <summary>How many vessels were heard in the hour before <paramref name="time"/>, counted up to the outage minimum (one pass over the vessels, only at a silence of the feed).</summary>
    private int HeardWithinAnHourOf(Instant time)
    {
        var since = (time - Duration.FromHours(1)).ToUnixTimeMilliseconds();
        var heard = 0;
        foreach (var vessel in Vessels())
        {
            if (vessel.LastGood is { } last && last.UnixMilliseconds >= since && ++heard >= _options.Tracking.FeedOutageMinimumVessels)
            {
                break;
            }
        }

        return heard;
    }

    private void ApplyPosition(Mmsi mmsi, in PositionReport report, Instant time)
    {
        if (report.LatitudeDegrees is not { } latitude || report.LongitudeDegrees is not { } longitude)
        {
            Statistics.PositionsNotAvailable++;
            return;
        }

        var vessel = GetOrCreate(mmsi);
        var point = new TrackPoint(time, latitude, longitude, report.SpeedOverGroundKnots, TrackPointQuality.Good);
        if (vessel.Twin is { } twin && vessel.LastGood is { } first && twin.LastGood is { } second
            && ImpliedKnots(second, point) < ImpliedKnots(first, point) && !IsImpossibleJump(second, point))
        {
            vessel = twin; // the second ship on this MMSI: the track the report joins at the lower speed
        }

        // The time from the field in the state's first cache line (the latest entry's time, when there is one): the
        // entry itself is another line, cold for a vessel heard minutes ago, read only for a report that may repeat it.
        if (point.UnixMilliseconds - vessel.LastHeardUnixMilliseconds < _duplicateWindowMilliseconds
            && vessel.Latest is { } latest
            && latest.LatitudeDegrees == point.LatitudeDegrees && latest.LongitudeDegrees == point.LongitudeDegrees)
        {
            Statistics.Duplicates++;
            return;
        }

        Statistics.Positions++;
        if (vessel.LastGood is not { } good || !IsImpossibleJump(good, point))
        {
            // A suspect is kept a while through good positions: a second ship's next report may confirm it.
            if (vessel.PendingSuspect is { } kept && point.UnixMilliseconds - kept.UnixMilliseconds > _secondShipWindowMilliseconds)
            {
                vessel.PendingSuspect = null;
            }

            AcceptGood(vessel, point);
            return;
        }

        // Heard again where it jumped away from, and not where it jumped to: two ships on one MMSI.
        if (vessel.Track == 0 && vessel.Twin is null && vessel.Abandoned is { } left
            && point.UnixMilliseconds - left.UnixMilliseconds <= _secondShipWindowMilliseconds && !IsImpossibleJump(left, point))
        {
            SplitTracks(vessel, left, point);
            return;
        }

        // An impossible jump: a second position agreeing with the first suspect confirms the move.
        if (vessel.PendingSuspect is { } suspect && !IsImpossibleJump(suspect, point))
        {
            vessel.PendingSuspect = null;
            if (vessel.Track == 0 && vessel.Twin is null)
            {
                vessel.Abandoned = good;
            }

            vessel.ReplaceLatestIf(suspect, suspect.WithQuality(TrackPointQuality.Good));
            AcceptGood(vessel, suspect.WithQuality(TrackPointQuality.Good), confirmedLate: true);
            AcceptGood(vessel, point);
            return;
        }

        Statistics.SuspectPositions++;
        var held = point.WithQuality(TrackPointQuality.Suspect);
        if (vessel.Track == 0 || vessel.TwinReported)
        {
            foreach (var detector in _detectors)
            {
                detector.PositionSuspect(vessel, held, good);
            }
        }

        vessel.PendingSuspect = held;
        _positions?.PositionKept(mmsi, held);
        vessel.Remember(held);
    }

    /// <summary>The speed a ship would need to sail from <paramref name="from"/> to <paramref name="to"/>, knots (equirectangular; a second at least).</summary>
    private static double ImpliedKnots(TrackPoint from, TrackPoint to)
    {
        var dLatitude = to.LatitudeDegrees - from.LatitudeDegrees;
        var dLongitude = Math.Abs(to.LongitudeDegrees - from.LongitudeDegrees);
        dLongitude = (dLongitude > 180 ? 360 - dLongitude : dLongitude) * Math.Cos((from.LatitudeDegrees + to.LatitudeDegrees) * (Math.PI / 360));
        var hours = Math.Max(Math.Abs(to.UnixMilliseconds - from.UnixMilliseconds), 1000) / 3_600_000.0;
        return 60 * Math.Sqrt((dLatitude * dLatitude) + (dLongitude * dLongitude)) / hours;
    }

    /// <summary>Whether <paramref name="a"/> is where <paramref name="b"/>'s ship would be with the sign of its latitude or longitude flipped (within what it could sail meanwhile).</summary>
    private static bool IsMirror(TrackPoint a, TrackPoint b)
    {
        var within = Math.Max(30, 30 * Math.Abs(a.UnixMilliseconds - b.UnixMilliseconds) / 3_600_000.0);
        return Geo.GreatCircle.DistanceNauticalMiles(a.LatitudeDegrees, a.LongitudeDegrees, b.LatitudeDegrees, -b.LongitudeDegrees) <= within
            || Geo.GreatCircle.DistanceNauticalMiles(a.LatitudeDegrees, a.LongitudeDegrees, -b.LatitudeDegrees, b.LongitudeDegrees) <= within
            || Geo.GreatCircle.DistanceNauticalMiles(a.LatitudeDegrees, a.LongitudeDegrees, -b.LatitudeDegrees, -b.LongitudeDegrees) <= within;
    }

    private bool IsImpossibleJump(TrackPoint from, TrackPoint to)
    {
        // Equirectangular distance: within 0.5 % of the great circle at these ranges. Without its
        // cosine the distance is overestimated, which already clears most moves.
        var dLatitude = to.LatitudeDegrees - from.LatitudeDegrees;
        var dLongitude = Math.Abs(to.LongitudeDegrees - from.LongitudeDegrees);
        dLongitude = dLongitude > 180 ? 360 - dLongitude : dLongitude;
        var hours = (to.UnixMilliseconds - from.UnixMilliseconds) / 3_600_000.0;
        var atMost = 60 * Math.Sqrt((dLatitude * dLatitude) + (dLongitude * dLongitude));
        if (atMost < _minimumSuspectJumpNauticalMiles || (hours > 0 && atMost / hours <= _impossibleSpeedKnots))
        {
            return false;
        }

        dLongitude *= Math.Cos((from.LatitudeDegrees + to.LatitudeDegrees) * (Math.PI / 360));
        var distance = 60 * Math.Sqrt((dLatitude * dLatitude) + (dLongitude * dLongitude));
        return distance >= _minimumSuspectJumpNauticalMiles && (hours <= 0 || distance / hours > _impossibleSpeedKnots);
    }

    private void AcceptGood(VesselState vessel, TrackPoint point, bool confirmedLate = false)
    {
        if (vessel.Track != 0 && !vessel.TwinReported)
        {
            AcceptUnproven(vessel, point, confirmedLate);
            return;
        }

        var accepted = new AcceptedPosition(vessel.LastGood, point, confirmedLate, _applyingClassB);
        foreach (var detector in _detectors)
        {
            detector.PositionAccepted(vessel, accepted);
        }

        vessel.LastGood = point;
        vessel.LastFeed = _applyingFeed;
        if (!vessel.SilenceCheckScheduled && NextLook(vessel, point, null) is { } due)
        {
            ScheduleSilenceCheck(vessel, due);
        }

        if (!confirmedLate)
        {
            _positions?.PositionKept(vessel.Mmsi, point);
            vessel.Remember(point);
        }
    }

    /// <summary>
    /// A second track is kept from every detector until it has shown itself a ship, not stray garbage: a full
    /// history (16 positions), half of them within an hour of the one before (the bursts a ship's reports
    /// come in, even from satellites). Then it is reported, and judged like any vessel from then on.
    /// </summary>
    private void AcceptUnproven(VesselState twin, TrackPoint point, bool confirmedLate)
    {
        twin.LastGood = point;
        twin.LastFeed = _applyingFeed;
        if (!confirmedLate)
        {
            _positions?.PositionKept(twin.Mmsi, point);
            twin.Remember(point);
        }

        if (twin.HistoryCount < VesselState.HistoryCapacity)
        {
            return;
        }

        var history = twin.History.ToList();
        var bursts = history.Zip(history.Skip(1)).Count(leg => leg.Second.UnixMilliseconds - leg.First.UnixMilliseconds <= 3_600_000);
        if (bursts >= VesselState.HistoryCapacity / 2)
        {
            twin.TwinReported = true;
            Emit(SharedMmsi.Alert(twin.Twin!, twin, Watermark ?? point.Time));
            if (NextLook(twin, point, null) is { } due)
            {
                ScheduleSilenceCheck(twin, due);
            }
        }
    }

    /// <summary>
    /// Two ships on one MMSI: the positions it jumped to (since <paramref name="left"/>) become a second track,
    /// and the vessel goes on from <paramref name="left"/> with <paramref name="point"/>. Each is judged apart from then on.
    /// </summary>
    private void SplitTracks(VesselState vessel, TrackPoint left, TrackPoint point)
    {
        if (IsMirror(vessel.LastGood!.Value, point))
        {
            // Not a second ship: the same ship with a sign error (a longitude or latitude with its sign flipped,
            // a known transponder fault that makes a plausible track of its own). The mirrored positions go.
            bool Mirrored(TrackPoint p) => p.UnixMilliseconds > left.UnixMilliseconds && IsMirror(p, point);
            vessel.ForgetWhere(Mirrored);
            (vessel.Abandoned, vessel.PendingSuspect, vessel.LastGood) = (null, null, left);
            Statistics.MirroredPositions++;
            AcceptGood(vessel, point);
            return;
        }

        var twin = new VesselState(vessel.Mmsi, track: 1) { Twin = vessel, LastFeed = vessel.LastFeed, LastGood = vessel.LastGood, SplitBy = (point, vessel.LastGood!.Value) };
        twin.WatchListMatches = _watchLists.Match(twin.Mmsi, null, null);
        bool Jumped(TrackPoint p) => p.UnixMilliseconds > left.UnixMilliseconds && !IsImpossibleJump(twin.LastGood!.Value, p);
        foreach (var jumped in vessel.History.Where(Jumped))
        {
            twin.Remember(jumped);
        }

        vessel.ForgetWhere(Jumped);

        vessel.Twin = twin;
        vessel.Abandoned = null;
        vessel.PendingSuspect = null;
        vessel.LastGood = left;
        Statistics.SecondShips++;
        AcceptGood(vessel, point);
    }

    private void ApplyIdentity(Mmsi mmsi, AisMessage message, Instant time)
    {
        var vessel = GetOrCreate(mmsi);
        var current = vessel.Identity ?? NoIdentity;
        var updated = message switch
        {
            StaticAndVoyageData s => Told(current, s.ShipName ?? current.Name, s.CallSign ?? current.CallSign, s.Imo ?? current.Imo, s.ShipType != 0 ? s.ShipType : current.ShipType,
                s.LengthMetres ?? current.LengthMetres, s.DraughtMetres ?? current.DraughtMetres, s.Destination ?? current.Destination, time),
            StaticDataReport { PartNumber: 0 } a => Told(current, a.ShipName ?? current.Name, current.CallSign, current.Imo, current.ShipType, current.LengthMetres, current.DraughtMetres, current.Destination, time),
            StaticDataReport b => Told(current, current.Name, b.CallSign ?? current.CallSign, current.Imo, b.ShipType != 0 ? b.ShipType : current.ShipType,
                b.Dimensions.LengthMetres ?? current.LengthMetres, current.DraughtMetres, current.Destination, time),
            _ => current,
        };
        if (ReferenceEquals(updated, current))
        {
            return;
        }

        var changes = vessel.Identity is null ? [] : Changes(current, updated, time); // the first identity is not a change
        foreach (var change in changes)
        {
            vessel.RecordChange(change);
        }

        vessel.Identity = updated;
        if (updated.Imo != current.Imo || updated.Name != current.Name)
        {
            MatchWatchLists(vessel);
        }

        foreach (var detector in _detectors)
        {
            detector.IdentityChanged(vessel, current, changes, time);
        }
    }

    /// <summary>
    /// The identity with what a static report told, changed at <paramref name="time"/>: <paramref name="current"/>
    /// itself when that is what it already says (most static reports repeat themselves; no copy is made only to
    /// be found equal), else one copy (a vessel's first identity too: it starts from the shared empty one).
    /// </summary>
    private static VesselIdentity Told(VesselIdentity current, string? name, string? callSign, Imo? imo, byte shipType, double? lengthMetres, double? draughtMetres, string? destination, Instant time) =>
        name == current.Name && callSign == current.CallSign && Nullable.Equals(imo, current.Imo) && shipType == current.ShipType
            && Nullable.Equals(lengthMetres, current.LengthMetres) && Nullable.Equals(draughtMetres, current.DraughtMetres) && destination == current.Destination
            ? current
            : current with { Name = name, CallSign = callSign, Imo = imo, ShipType = shipType, LengthMetres = lengthMetres, DraughtMetres = draughtMetres, Destination = destination, ChangedAt = time };

    private static List<IdentityChange> Changes(VesselIdentity before, VesselIdentity after, Instant time)
    {
        var changes = new List<IdentityChange>(2);
        void Compare(string field, object? from, object? to)
        {
            if (!Equals(from, to))
            {
                changes.Add(new IdentityChange(time, field, from?.ToString(), to?.ToString()));
            }
        }

        Compare("name", before.Name, after.Name);
        Compare("callsign", before.CallSign, after.CallSign);
        Compare("imo", before.Imo, after.Imo);
        Compare("ship_type", before.ShipType, after.ShipType);
        Compare("destination", before.Destination, after.Destination);
        Compare("draught", before.DraughtMetres, after.DraughtMetres);
        return changes;
    }

    /// <summary>Looks at every silent vessel whose next look has fallen due (the others were heard too recently to be silent).</summary>
    private void Sweep(Instant watermark)
    {
        var now = watermark.ToUnixTimeMilliseconds();
        foreach (var partition in _partitions)
        {
            SweepPartition(partition, watermark, now);
        }

        foreach (var detector in _detectors)
        {
            detector.SweepEnded(watermark);
        }
    }

    private void SweepPartition(VesselPartition partition, Instant watermark, long now)
    {
        var checks = partition.SilenceChecks;
        while (checks.TryTakeDue(now, partition.Vessels, out var vessel))
        {
            Statistics.SilenceChecks++;
            foreach (var detector in _detectors)
            {
                detector.SilenceDue(vessel, watermark);
            }

            if (vessel.LastGood is { } last && NextLook(vessel, last, watermark) is { } next)
            {
                checks.Schedule(vessel, next);
            }
        }
    }

    /// <summary>The earliest look at a silent vessel any detector asks for (see <see cref="IVesselDetector.NextLook"/>).</summary>
    private long? NextLook(VesselState vessel, TrackPoint last, Instant? now)
    {
        long? earliest = null;
        foreach (var detector in _detectors)
        {
            if (detector.NextLook(vessel, last, now) is { } due && (earliest is null || due < earliest))
            {
                earliest = due;
            }
        }

        return earliest;
    }

    private void ScheduleSilenceCheck(VesselState vessel, long dueUnixMilliseconds)
    {
        Partition(MmsiHash.Of(vessel.Mmsi.Value)).SilenceChecks.Schedule(vessel, dueUnixMilliseconds);
    }

    private VesselState GetOrCreate(Mmsi mmsi)
    {
        var hash = MmsiHash.Of(mmsi.Value);
        var partition = Partition(hash);
        if (partition.Vessels.Find(hash, mmsi.Value) is not { } vessel)
        {
            if (Statistics.Vessels >= _options.Tracking.MaximumTrackedVessels)
            {
                EvictLongestSilent();
            }

            partition.Vessels.Add(hash, vessel = partition.Reusable.TryDequeue(out var retired) ? retired.Reuse(mmsi) : new VesselState(mmsi));
            Statistics.Vessels++;
            MatchWatchLists(vessel);
            if (partition.CarriedGaps.Count > 0 && partition.CarriedGaps.Remove(mmsi.Value, out var carried))
            {
                // Back after retirement: its open gap goes on from where it was.
                vessel.LastGood = carried.LastGood;
                vessel.OpenGap = carried.OpenGap;
                vessel.Remember(carried.LastGood);
            }
        }

        return vessel;
    }

    internal void Emit(Alert? alert)
    {
        if (alert is not null)
        {
            Statistics.AlertUpdates++;
            _output.AlertChanged(alert);
        }
    }
}
