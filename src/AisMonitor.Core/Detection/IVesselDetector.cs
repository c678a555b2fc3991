using AisMonitor.Core.Ais;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Detection;

/// <summary>
/// One behaviour looked for over the tracked vessels (gaps, port calls, watch-list sightings, ...).
/// The engine tracks the vessels (ordering, duplicates, suspect jumps, identity, retirement, feed
/// outages) and tells each detector in its list, in list order, what happened to them; a detector
/// raises alerts through its <see cref="DetectorContext"/>. A new behaviour is a new detector added to
/// that list, not an edit of the engine's loop. Every method is called on the detection thread, in
/// event-time order, so a detector needs no locks and replays deterministically. Per-vessel state a
/// detector keeps on <see cref="VesselState"/> is retired and snapshotted with the vessel.
/// </summary>
public interface IVesselDetector
{
    /// <summary>A position the tracker trusts: it is not yet <see cref="VesselState.LastGood"/> nor in the history.</summary>
    void PositionAccepted(VesselState vessel, in AcceptedPosition position);

    /// <summary>
    /// A position no ship could reach from <paramref name="lastGood"/>, held as suspect: the next position
    /// either confirms it (then <see cref="PositionAccepted"/> is told it, <see cref="AcceptedPosition.ConfirmedLate"/>)
    /// or carries on from <paramref name="lastGood"/>'s track.
    /// </summary>
    void PositionSuspect(VesselState vessel, TrackPoint suspect, TrackPoint lastGood)
    {
    }

    /// <summary>
    /// The vessel's identity changed at <paramref name="time"/> from <paramref name="before"/> (its watch-list matches already
    /// brought up to date); <paramref name="changes"/> are the fields that changed, as recorded in its history (none for its first identity).
    /// </summary>
    void IdentityChanged(VesselState vessel, VesselIdentity before, IReadOnlyList<IdentityChange> changes, Instant time)
    {
    }

    /// <summary>A message from an MMSI that is not tracked (a base station, an invalid or shared number).</summary>
    void NotTracked(in DecodedMessage message, Instant time)
    {
    }

    /// <summary>
    /// When this detector next needs to look at <paramref name="vessel"/> while it is silent, last heard at
    /// <paramref name="last"/>, in Unix milliseconds; null when it need not. <paramref name="now"/> is the
    /// watermark at a silence check, null when the vessel has just been heard. The engine looks at the
    /// vessel at the earliest time any detector asks for.
    /// </summary>
    long? NextLook(VesselState vessel, TrackPoint last, Instant? now) => null;

    /// <summary>The vessel has been silent up to <paramref name="watermark"/> and a detector asked to look at it now.</summary>
    void SilenceDue(VesselState vessel, Instant watermark)
    {
    }

    /// <summary>Every silence due at <paramref name="watermark"/> has been looked at.</summary>
    void SweepEnded(Instant watermark)
    {
    }

    /// <summary>
    /// Whether this detector still holds <paramref name="vessel"/> outside its state (in an index or a pair):
    /// retired, such a vessel's state is not reused for another (see <see cref="VesselState"/>'s pooling
    /// in the engine). A detector that keeps vessels anywhere but on their state must say so here.
    /// </summary>
    bool RefersTo(VesselState vessel) => false;

    /// <summary>End of input, after a last sweep: <paramref name="vessels"/> are every tracked vessel by MMSI.</summary>
    void Complete(IReadOnlyList<VesselState> vessels, Instant? watermark)
    {
    }
}

/// <summary>A trusted position of a vessel, with the one before it.</summary>
/// <param name="Previous">The vessel's last trusted position before this one; null for its first.</param>
/// <param name="Point">The position.</param>
/// <param name="ConfirmedLate">True for a position first held as suspect and trusted now that a later one agrees with it (it is already in the history).</param>
/// <param name="ClassB">True when the report being applied is class B (types 18, 19): receivers, satellites above all, hear class B transponders less well than class A ones.</param>
public readonly record struct AcceptedPosition(TrackPoint? Previous, TrackPoint Point, bool ConfirmedLate, bool ClassB = false);
