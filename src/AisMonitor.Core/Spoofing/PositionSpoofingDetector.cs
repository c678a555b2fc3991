using System.Globalization;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Spoofing;

/// <summary>
/// Raises <see cref="AlertKind.PositionSpoofing"/> for a vessel whose positions cannot be its own:
/// <list type="bullet">
/// <item>jumps: positions the tracker held as suspect (no ship could reach them) that were never
/// confirmed, the track carrying on where it was; from <see cref="PositionSpoofingOptions.MinimumJumps"/>
/// within <see cref="PositionSpoofingOptions.JumpWindow"/>;</item>
/// <item>circles: the course made good of a vessel under way turning through 360° within
/// <see cref="PositionSpoofingOptions.MaximumLoopDuration"/>, loop after loop around one place, from
/// <see cref="PositionSpoofingOptions.MinimumLoops"/> in a row.</item>
/// </list>
/// One alert per episode (signs no further apart than the jump window), updated as signs add up.
/// Jumps that land at one place again and again agree with each other: the tracker takes them for a
/// second ship on the MMSI (an identity conflict), which from positions alone they may be.
/// Severity from a score: repeated jumps +1 (garbage positions, a faulty receiver or GNSS, or
/// spoofing); circles +1 (a ship may really circle: exercises, trials, waiting); a watch-listed
/// vessel +2; a port of concern nearby +2; high from 4, medium from 2.
/// </summary>
internal sealed class PositionSpoofingDetector(PositionSpoofingOptions options, PortsOfConcern portsOfConcern, DetectorContext context) : VesselDetector
{
    private const double DegreesToRadians = Math.PI / 180;
    private const float ReversalDegrees = 120; // a turn this sharp in one leg is noise or a reversal, not a loop
    private readonly long _loopSeconds = (long)options.MaximumLoopDuration.TotalSeconds;
    private readonly double _minimumLegSquared = options.MinimumLegNauticalMiles * options.MinimumLegNauticalMiles;

    public override void PositionAccepted(VesselState vessel, in AcceptedPosition position)
    {
        if (vessel.Spoof is { } watch)
        {
            if (position.ConfirmedLate)
            {
                watch.Pending = null; // the suspect was a real move: confirmed by the next position
            }
            else if (watch.Pending is { } jump)
            {
                watch.Pending = null;
                Jumped(vessel, watch, jump.From, jump.To); // back on its track: the jump was not the ship
            }
            else if (position.Point.Time - watch.LastSign > options.JumpWindow)
            {
                vessel.Spoof = null; // quiet for the window: the episode is over
            }
        }

        Turn(vessel, position);
    }

    public override void PositionSuspect(VesselState vessel, TrackPoint suspect, TrackPoint lastGood)
    {
        var watch = vessel.Spoof ??= new SpoofWatch { LastSign = suspect.Time };
        if (watch.Pending is { } earlier)
        {
            Jumped(vessel, watch, earlier.From, earlier.To); // replaced by another suspect: never confirmed either
        }

        watch.Pending = (lastGood, suspect);
        vessel.Turns = default; // a leg to a suspect position turns nothing
    }

    private void Turn(VesselState vessel, in AcceptedPosition position)
    {
        ref var turns = ref vessel.Turns;
        var point = position.Point;
        if (position.Previous is not { } previous || position.ConfirmedLate)
        {
            turns = default;
            return;
        }

        // The leg in degrees of latitude, east and north (a cosine series: only the turns matter here).
        var north = point.LatitudeDegrees - previous.LatitudeDegrees;
        var east = point.LongitudeDegrees - previous.LongitudeDegrees;
        var latitude = (point.LatitudeDegrees + previous.LatitudeDegrees) * (DegreesToRadians / 2);
        var squared = latitude * latitude;
        east = (east > 180 ? east - 360 : east < -180 ? east + 360 : east) * (1 - (squared / 2 * (1 - (squared / 12 * (1 - (squared / 30))))));
        var legSquared = (north * north) + (east * east);
        if (legSquared * 3600 < _minimumLegSquared)
        {
            return; // GNSS noise: the course has not been made good yet
        }

        var knots = point.SpeedKnots ?? ImpliedKnots(previous, point, legSquared);
        if (knots < options.MinimumTurningSpeedKnots)
        {
            turns = default;
            return;
        }

        var seconds = (uint)(point.UnixMilliseconds / 1000);
        if (turns.LoopStartUnixSeconds == 0)
        {
            turns = new TurnTracker { LegEast = (float)east, LegNorth = (float)north, LoopStartUnixSeconds = seconds };
            return;
        }

        // The turn from the last leg to this one, to starboard positive: atan2 of their cross and dot products,
        // by its series when the turn is small (most legs of most ships).
        var cross = (turns.LegNorth * east) - (turns.LegEast * north);
        var dot = (turns.LegEast * east) + (turns.LegNorth * north);
        var ratio = cross / dot;
        var turn = dot > 0 && Math.Abs(ratio) <= 0.25
            ? ratio * (1 - (ratio * ratio * ((1.0 / 3) - (ratio * ratio / 5)))) / DegreesToRadians
            : Math.Atan2(cross, dot) / DegreesToRadians;
        (turns.LegEast, turns.LegNorth) = ((float)east, (float)north);
        if (Math.Abs(turn) > ReversalDegrees)
        {
            (turns.TurnedDegrees, turns.LoopStartUnixSeconds) = (0, seconds);
            return;
        }

        turns.TurnedDegrees += (float)turn;
        if (Math.Abs(turns.TurnedDegrees) >= 360)
        {
            var start = turns.LoopStartUnixSeconds;
            var clockwise = turns.TurnedDegrees > 0;
            turns.TurnedDegrees -= clockwise ? 360 : -360;
            turns.LoopStartUnixSeconds = seconds;
            if (seconds - start <= _loopSeconds)
            {
                Looped(vessel, point, start, knots, clockwise);
            }
        }
        else if (seconds - turns.LoopStartUnixSeconds > _loopSeconds)
        {
            (turns.TurnedDegrees, turns.LoopStartUnixSeconds) = (0, seconds); // too slow a turn to be a loop: start over from here
        }
    }

    private static double ImpliedKnots(TrackPoint previous, TrackPoint point, double legSquared)
    {
        var hours = (point.UnixMilliseconds - previous.UnixMilliseconds) / 3_600_000.0;
        return hours > 0 ? 60 * Math.Sqrt(legSquared) / hours : 0;
    }

    private void Looped(VesselState vessel, TrackPoint closedAt, uint startUnixSeconds, double knots, bool clockwise)
    {
        var watch = vessel.Spoof ??= new SpoofWatch { LastSign = closedAt.Time };
        Begin(watch, closedAt.Time);
        var closedSeconds = closedAt.UnixMilliseconds / 1000;
        var minutes = (closedSeconds - startUnixSeconds) / 60.0;
        var loop = new PositionLoop(PositionEvidence.From(closedAt), Math.Round(minutes, 1), Math.Round(knots * minutes / 60 / (2 * Math.PI), 2), clockwise);
        var inRow = watch.LastLoopClosedUnixSeconds == startUnixSeconds && watch.Loops.Count > 0
            && GreatCircle.DistanceNauticalMiles(watch.Loops[^1].ClosedAt.LatitudeDegrees, watch.Loops[^1].ClosedAt.LongitudeDegrees, closedAt.LatitudeDegrees, closedAt.LongitudeDegrees) <= options.MaximumLoopDriftNauticalMiles;
        if (!inRow)
        {
            watch.LoopCount = 0;
            watch.RowStart = Instant.FromUnixTimeSeconds(startUnixSeconds);
        }

        watch.LoopCount++;
        watch.MostLoops = Math.Max(watch.MostLoops, watch.LoopCount);
        watch.LastLoopClosedUnixSeconds = closedSeconds;
        Keep(watch.Loops, loop);
        Raise(vessel, watch);
    }

    private void Jumped(VesselState vessel, SpoofWatch watch, TrackPoint from, TrackPoint to)
    {
        Begin(watch, to.Time);
        var distance = GreatCircle.DistanceNauticalMiles(from.Position, to.Position);
        var hours = (to.Time - from.Time).TotalHours;
        Keep(watch.Jumps, new PositionJump(PositionEvidence.From(from), PositionEvidence.From(to), Math.Round(distance, 1), hours > 0 ? Math.Round(distance / hours) : null));
        watch.JumpCount++;
        if (watch.FirstRaised is null)
        {
            watch.Jumps.RemoveAll(j => to.Time - j.To.Time > options.JumpWindow);
            watch.JumpCount = watch.Jumps.Count;
        }

        Raise(vessel, watch);
    }

    /// <summary>A sign at <paramref name="time"/>: after a quiet window, a new episode.</summary>
    private void Begin(SpoofWatch watch, Instant time)
    {
        if (time - watch.LastSign > options.JumpWindow)
        {
            watch.Jumps.Clear();
            (watch.JumpCount, watch.LoopCount, watch.MostLoops, watch.FirstRaised) = (0, 0, 0, null);
            watch.Loops.Clear();
        }

        watch.LastSign = time;
    }

    private static void Keep<T>(List<T> evidence, T item)
    {
        evidence.Add(item);
        if (evidence.Count > SpoofWatch.EvidenceKept * 2)
        {
            evidence.RemoveRange(0, evidence.Count - SpoofWatch.EvidenceKept); // amortised: trimmed once in twenty
        }
    }

    private void Raise(VesselState vessel, SpoofWatch watch)
    {
        var jumps = watch.JumpCount >= options.MinimumJumps;
        var circles = watch.MostLoops >= options.MinimumLoops;
        if (watch.FirstRaised is null && !jumps && !circles)
        {
            return;
        }

        if (watch.FirstRaised is null)
        {
            var firstJump = jumps ? watch.Jumps[0].From.Time : Instant.MaxValue;
            var firstLoop = circles ? watch.RowStart : Instant.MaxValue;
            watch.Start = firstJump < firstLoop ? firstJump : firstLoop;
        }

        var c = CultureInfo.InvariantCulture;
        var shown = watch.Jumps.TakeLast(SpoofWatch.EvidenceKept).ToList();
        var listed = vessel.WatchListMatches.Count > 0;
        var location = shown.Count > 0 ? new GeoPoint(shown[^1].From.LatitudeDegrees, shown[^1].From.LongitudeDegrees) : new GeoPoint(watch.Loops[^1].ClosedAt.LatitudeDegrees, watch.Loops[^1].ClosedAt.LongitudeDegrees);
        var concern = portsOfConcern.NearbyRule(location, options.PortOfConcernNauticalMiles);
        var fastest = shown.Max(j => j.ImpliedSpeedKnots);
        RuleResult[] rules =
        [
            new("PositionManipulation", true, string.Create(c, $"{watch.JumpCount} jump(s) where no ship could go and back (from {options.MinimumJumps} within {options.JumpWindow.TotalHours:0} h), {watch.MostLoops} loop(s) in a row (from {options.MinimumLoops}, each within {options.MaximumLoopDuration.TotalMinutes:0} min)")),
            new("RepeatedJumps", jumps, jumps ? string.Create(c, $"{watch.JumpCount} jumps, up to {shown.Max(j => j.DistanceNauticalMiles):0} nm away{(fastest is { } f ? $", up to {f:0} kn implied" : string.Empty)}") : "too few jumps to count"),
            new("Circling", circles, circles ? string.Create(c, $"{watch.MostLoops} loops in a row of radius about {watch.Loops[^1].RadiusNauticalMiles:0.##} nm, {watch.Loops[^1].Minutes:0} min each") : "no circles"),
            new("WatchListedVessel", listed, listed ? "on a watch list" : "on no watch list"),
            concern,
        ];
        var score = (jumps ? 1 : 0) + (circles ? 1 : 0) + (listed ? 2 : 0) + (concern.Fired ? 2 : 0);
        var now = context.Watermark is { } w && w > watch.LastSign ? w : watch.LastSign;
        context.Raise(new Alert
        {
            Kind = AlertKind.PositionSpoofing,
            Mmsi = vessel.Mmsi,
            Imo = vessel.Identity?.Imo,
            VesselName = vessel.Identity?.Name,
            Start = watch.Start,
            End = watch.LastSign,
            Severity = FactorScore.Severity(score),
            SeverityReason = FactorScore.Reason(rules, score, "jumps that come back or circles, alone: low (a faulty GNSS or receiver, garbled satellite reports, a ship really circling, or spoofing)"),
            Score = score,
            ScoreExplanation = string.Create(c, $"{watch.JumpCount} jump(s) and {watch.MostLoops} loop(s) in a row from {watch.Start} to {watch.LastSign}."),
            Rules = rules,
            Location = location,
            WatchLists = vessel.WatchListEvidence,
            PositionSpoofing = new PositionSpoofingEvidence
            {
                JumpCount = watch.JumpCount,
                Jumps = shown,
                LoopCount = watch.MostLoops,
                Loops = [.. watch.Loops.TakeLast(SpoofWatch.EvidenceKept)],
            },
            FirstRaised = watch.FirstRaised ??= now,
            LastUpdated = now,
        });
    }
}
