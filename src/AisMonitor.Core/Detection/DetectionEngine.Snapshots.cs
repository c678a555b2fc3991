using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Messages;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.PortCalls;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Detection;

/// <summary>The engine's state as data, and an engine restored from it.</summary>
public sealed partial class DetectionEngine
{
    /// <summary>Everything the engine holds, as data (see <see cref="EngineSnapshot"/>).</summary>
    public EngineSnapshot Snapshot() => new()
    {
        Watermark = Watermark,
        LastApplied = _lastApplied,
        OpenOutage = _openOutage,
        OpenFeedOutages = [.. _openByFeed.Values],
        NextSweep = _nextSweep,
        NextRetirement = _nextRetirement,
        CarriedGaps = _partitions.SelectMany(p => p.CarriedGaps).OrderBy(p => p.Key).Select(p => new CarriedGapSnapshot(new Mmsi(p.Key), TrackPointSnapshot.From(p.Value.LastGood), p.Value.OpenGap)).ToList(),
        Reordering = _reorder.Held.Select(h => Buffered(h.Message, h.Time, h.Arrival)).ToList(),
        Released = _reorder.Released,
        LatestSeen = _reorder.Latest,
        FeedClockTimes = [.. _reorder.Clock.State.Times],
        FeedClockArrivalsInEpoch = _reorder.Clock.State.ArrivalsInEpoch,
        Arrivals = _reorder.Arrivals,
        Partitions = _partitions.Select(p => (IReadOnlyList<VesselSnapshot>)p.Vessels.Values.Select(Snapshot).ToList()).ToList(),
        ConflictsRaised = _conflicts.Raised.ToList(),
        ConflictsAwaitingPosition = _conflicts.AwaitingPosition.Select(p => new AwaitingConflict(new Mmsi(p.Key), p.Value)).ToList(),
        Reception = Reception.ToSnapshot(),
        Callers = _portCalls.Callers.ToSnapshot(),
        FeedOutages = [.. _feedOutages],
        Encounters = _encounters?.ToSnapshot(),
        Identity = _identity?.ToSnapshot(),
        Statistics = new EngineStatisticsSnapshot(Statistics.Messages, Statistics.WithoutEventTime, Statistics.Late, Statistics.Duplicates, Statistics.SuspectPositions,
            Statistics.Positions, Statistics.PositionsNotAvailable, Statistics.NotTrackedForGaps, Statistics.Vessels, Statistics.AlertUpdates)
        {
            ImplausibleTimes = Statistics.ImplausibleTimes,
            VesselsRetired = Statistics.VesselsRetired,
            VesselsEvicted = Statistics.VesselsEvicted,
            SecondShips = Statistics.SecondShips,
            MirroredPositions = Statistics.MirroredPositions,
        },
    };

    /// <summary>A fresh engine that continues from <paramref name="snapshot"/> as the snapshotted one would have (watch lists: put them in force again with <see cref="ReplaceWatchLists"/>).</summary>
    public static DetectionEngine Restore(DetectionOptions options, PortIndex ports, Action<Alert> sink, EngineSnapshot snapshot, Action<PortCall>? portCalls = null) =>
        Restore(options, ports, new DelegateOutput(sink, portCalls), snapshot);

    /// <summary>A fresh engine that continues from <paramref name="snapshot"/>, its results going to <paramref name="output"/> (watch lists: put them in force again with <see cref="ReplaceWatchLists"/>).</summary>
    public static DetectionEngine Restore(DetectionOptions options, PortIndex ports, IDetectionOutput output, EngineSnapshot snapshot, Geo.Coastline? land = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var engine = new DetectionEngine(options, ports, output) { Land = land ?? Geo.Coastline.None };
        if (snapshot.Partitions.Count != engine._partitions.Length)
        {
            throw new ArgumentException($"The snapshot has {snapshot.Partitions.Count} partitions; the options say {engine._partitions.Length}.", nameof(snapshot));
        }

        engine.Watermark = snapshot.Watermark;
        engine._lastApplied = snapshot.LastApplied ?? snapshot.Watermark;
        engine._openOutage = snapshot.OpenOutage;
        foreach (var outage in snapshot.OpenFeedOutages)
        {
            engine._openByFeed[outage.Feed] = outage;
        }
        engine._nextSweep = snapshot.NextSweep;
        engine._nextRetirement = snapshot.NextRetirement;
        foreach (var carried in snapshot.CarriedGaps)
        {
            engine.Partition(MmsiHash.Of(carried.Mmsi.Value)).CarriedGaps[carried.Mmsi.Value] = new CarriedGap(carried.LastGood.ToPoint(), carried.OpenGap);
        }

        engine._reorder.RestoreClock(snapshot.Released, snapshot.Arrivals);
        engine._reorder.Clock.Restore(snapshot.LatestSeen, snapshot.FeedClockTimes, snapshot.FeedClockArrivalsInEpoch);
        foreach (var held in snapshot.Reordering)
        {
            engine._reorder.Restore(Decoded(held), held.Time, held.Arrival);
        }

        foreach (var vessel in snapshot.Partitions.SelectMany(p => p))
        {
            var state = Track(vessel, 0);
            var hash = MmsiHash.Of(vessel.Mmsi.Value);
            engine.Partition(hash).Vessels.Add(hash, state);
            if (vessel.Twin is { } second)
            {
                state.Twin = Track(second, 1);
                state.Twin.Twin = state;
                state.Twin.TwinReported = second.TwinReported;
                if (second.SplitBy is [var one, var other])
                {
                    state.Twin.SplitBy = (one.ToPoint(), other.ToPoint());
                }
            }

            foreach (var track in state.Twin is { TwinReported: true } t ? [state, t] : new[] { state })
            {
                if (track.LastGood is { } last && engine.NextLook(track, last, null) is { } due)
                {
                    engine.ScheduleSilenceCheck(track, due);
                }
            }
        }

        VesselState Track(VesselSnapshot vessel, byte track)
        {
            var state = new VesselState(vessel.Mmsi, track)
            {
                LastGood = vessel.LastGood?.ToPoint(),
                PendingSuspect = vessel.PendingSuspect?.ToPoint(),
                Identity = vessel.Identity,
                OpenGap = vessel.OpenGap,
                Visit = vessel.Visit?.ToVisit(ports),
                PortsCalled = vessel.PortsCalled is { } called ? [.. called] : null,
                RecentGap = vessel.RecentGap,
                LastFeed = vessel.LastFeed,
            };
            if (vessel.WatchListSightedAt is { } sighted)
            {
                state.WatchListSightedAt = sighted;
            }

            foreach (var point in vessel.History)
            {
                state.Remember(point.ToPoint());
            }

            state.RestoreChanges(vessel.IdentityChanges);
            state.Abandoned = vessel.Abandoned?.ToPoint();
            state.Loiter = vessel.Loiter is { } loiter ? Loitering.LoiterRun.From(loiter) : null;
            state.Spoof = vessel.Spoof is { } spoof ? Spoofing.SpoofWatch.From(spoof) : null;
            state.Turns = vessel.Turns?.ToTracker() ?? default;
            return state;
        }

        engine._conflicts.Restore(snapshot.ConflictsRaised, snapshot.ConflictsAwaitingPosition.Select(a => (a.Mmsi.Value, a.FirstHeard)));

        engine._feedOutages.AddRange(snapshot.FeedOutages);
        if (snapshot.Encounters is { } encounters)
        {
            engine._encounters?.Restore(encounters);
        }

        if (snapshot.Identity is { } identity)
        {
            engine._identity?.Restore(identity);
        }

        engine.Reception.Restore(snapshot.Reception);
        if (snapshot.Callers is { } callers)
        {
            engine._portCalls.Callers.Restore(callers);
        }
        var s = snapshot.Statistics;
        (engine.Statistics.Messages, engine.Statistics.WithoutEventTime, engine.Statistics.Late, engine.Statistics.Duplicates, engine.Statistics.SuspectPositions) =
            (s.Messages, s.WithoutEventTime, s.Late, s.Duplicates, s.SuspectPositions);
        (engine.Statistics.Positions, engine.Statistics.PositionsNotAvailable, engine.Statistics.NotTrackedForGaps, engine.Statistics.Vessels, engine.Statistics.AlertUpdates) =
            (s.Positions, s.PositionsNotAvailable, s.NotTrackedForGaps, s.Vessels, s.AlertUpdates);
        (engine.Statistics.ImplausibleTimes, engine.Statistics.VesselsRetired, engine.Statistics.VesselsEvicted, engine.Statistics.SecondShips, engine.Statistics.MirroredPositions) =
            (s.ImplausibleTimes, s.VesselsRetired, s.VesselsEvicted, s.SecondShips, s.MirroredPositions);
        return engine;
    }

    private static VesselSnapshot Snapshot(VesselState v) => new(
        v.Mmsi,
        v.History.Select(TrackPointSnapshot.From).ToList(),
        v.LastGood is { } good ? TrackPointSnapshot.From(good) : null,
        v.PendingSuspect is { } suspect ? TrackPointSnapshot.From(suspect) : null,
        v.Identity,
        [.. v.IdentityChanges],
        v.OpenGap,
        v.Visit is { } visit ? VisitSnapshot.From(visit) : null,
        v.PortsCalled?.Order(StringComparer.Ordinal).ToList(),
        v.RecentGap,
        v.WatchListSightedAt,
        v.LastFeed)
    {
        Abandoned = v.Abandoned is { } left ? TrackPointSnapshot.From(left) : null,
        Twin = v.Track == 0 && v.Twin is { } twin ? Snapshot(twin) : null,
        TwinReported = v.TwinReported,
        Loiter = v.Loiter?.ToSnapshot(),
        Spoof = v.Spoof?.ToSnapshot(),
        Turns = Spoofing.TurnsSnapshot.From(v.Turns),
        SplitBy = v.SplitBy is { } pair ? [TrackPointSnapshot.From(pair.First), TrackPointSnapshot.From(pair.Second)] : null,
    };

    private static BufferedMessage Buffered(in DecodedMessage message, Instant time, long arrival) => new(
        time,
        arrival,
        message.MessageType,
        message.Mmsi,
        message.TryGetPosition(out var position) ? position : null,
        message.Message as StaticAndVoyageData,
        message.Message as StaticDataReport)
    {
        Feed = message.Metadata.Feed,
    };

    private static DecodedMessage Decoded(BufferedMessage held)
    {
        var metadata = new MessageMetadata { Received = held.Time, ChecksumValid = true, Feed = held.Feed };
        return held switch
        {
            { Position: { } position } => new DecodedMessage(metadata, position),
            { Voyage: { } voyage } => new DecodedMessage(metadata, voyage),
            { ClassBStatic: { } report } => new DecodedMessage(metadata, report),
            _ => new DecodedMessage(metadata, new OtherAisMessage { MessageType = (byte)held.MessageType, Mmsi = held.Mmsi }),
        };
    }
}
