using AisMonitor.Core.Ais;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Detection;

/// <summary>
/// The built-in detectors' base: <see cref="IVesselDetector"/> as virtual methods. The engine calls
/// every detector for every message (eight of them, each twice or more) from one call site, where an
/// interface call costs a lookup in the runtime's dispatch cache and a virtual call one indirect jump.
/// A detector written elsewhere implements the interface and is called through <see cref="Foreign"/>.
/// </summary>
internal abstract class VesselDetector : IVesselDetector
{
    /// <inheritdoc/>
    public abstract void PositionAccepted(VesselState vessel, in AcceptedPosition position);

    /// <inheritdoc/>
    public virtual void PositionSuspect(VesselState vessel, TrackPoint suspect, TrackPoint lastGood)
    {
    }

    /// <inheritdoc/>
    public virtual void IdentityChanged(VesselState vessel, VesselIdentity before, IReadOnlyList<IdentityChange> changes, Instant time)
    {
    }

    /// <inheritdoc/>
    public virtual void NotTracked(in DecodedMessage message, Instant time)
    {
    }

    /// <inheritdoc/>
    public virtual long? NextLook(VesselState vessel, TrackPoint last, Instant? now) => null;

    /// <inheritdoc/>
    public virtual void SilenceDue(VesselState vessel, Instant watermark)
    {
    }

    /// <inheritdoc/>
    public virtual void SweepEnded(Instant watermark)
    {
    }

    /// <inheritdoc/>
    public virtual bool RefersTo(VesselState vessel) => false;

    /// <inheritdoc/>
    public virtual void Complete(IReadOnlyList<VesselState> vessels, Instant? watermark)
    {
    }

    /// <summary>A detector that implements <see cref="IVesselDetector"/> itself, called through its interface.</summary>
    public static VesselDetector Of(IVesselDetector detector) => detector as VesselDetector ?? new Foreign(detector);

    private sealed class Foreign(IVesselDetector detector) : VesselDetector
    {
        public override void PositionAccepted(VesselState vessel, in AcceptedPosition position) => detector.PositionAccepted(vessel, position);

        public override void PositionSuspect(VesselState vessel, TrackPoint suspect, TrackPoint lastGood) => detector.PositionSuspect(vessel, suspect, lastGood);

        public override void IdentityChanged(VesselState vessel, VesselIdentity before, IReadOnlyList<IdentityChange> changes, Instant time) =>
            detector.IdentityChanged(vessel, before, changes, time);

        public override void NotTracked(in DecodedMessage message, Instant time) => detector.NotTracked(message, time);

        public override long? NextLook(VesselState vessel, TrackPoint last, Instant? now) => detector.NextLook(vessel, last, now);

        public override void SilenceDue(VesselState vessel, Instant watermark) => detector.SilenceDue(vessel, watermark);

        public override void SweepEnded(Instant watermark) => detector.SweepEnded(watermark);

        public override bool RefersTo(VesselState vessel) => detector.RefersTo(vessel);

        public override void Complete(IReadOnlyList<VesselState> vessels, Instant? watermark) => detector.Complete(vessels, watermark);
    }
}
