using System.Globalization;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Loitering;

/// <summary>
/// Raises <see cref="AlertKind.Loitering"/> for a vessel slow, far from shore, for hours: its track
/// is cut into consecutive <see cref="LoiteringOptions.SpeedInterval"/>s, a run of slow ones
/// (average implied speed under the maximum) lasting the minimum duration at least the minimum
/// distance from the shore is loitering. Raised open once it qualifies, updated when it ends (a
/// fast interval, or a silence over <see cref="LoiteringOptions.MaximumSilence"/>). Severity from a
/// score: a carrier, tanker or cargo ship (a candidate transshipment, +2), a watch-listed vessel
/// (+2), a silence of the dark minimum just before or ending it (+2), a port of concern nearby
/// (+2); high from 4, medium from 2, low otherwise; a fishing vessel slow on its grounds is not
/// raised unless something else fires. Looked for only with a coastline.
/// </summary>
internal sealed class LoiteringDetector(LoiteringOptions options, PortsOfConcern portsOfConcern, DetectorContext context) : VesselDetector
{
    private const int MaximumTrackShown = 48;
    private const double ShownUpToNauticalMiles = 200; // the distance from shore is measured up to this, to show it
    private readonly long _intervalMilliseconds = (long)options.SpeedInterval.TotalMilliseconds;
    private readonly long _silenceMilliseconds = (long)options.MaximumSilence.TotalMilliseconds;

    public override void PositionAccepted(VesselState vessel, in AcceptedPosition position)
    {
        var point = position.Point;
        var run = vessel.Loiter;
        if (run is null)
        {
            if (point.SpeedKnots is { } knots && knots >= options.MaximumSpeedKnots || vessel.Visit is not null || context.Land.Count == 0)
            {
                return; // under way, or in a port (near the shore by definition): the common cases cost a comparison or two
            }

            var silentBefore = position.Previous is { } previous ? (point.Time - previous.Time).TotalHours : (double?)null;
            vessel.Loiter = new LoiterRun(point, silentBefore >= options.DarkSilence.TotalHours ? silentBefore : null);
            return;
        }

        if (point.UnixMilliseconds - run.Last.UnixMilliseconds > _silenceMilliseconds)
        {
            End(vessel, run, silentAfterHours: (point.Time - run.Last.Time).TotalHours);
            PositionAccepted(vessel, position); // perhaps the start of another
            return;
        }

        run.Last = point;
        if (point.UnixMilliseconds - run.IntervalStart.UnixMilliseconds < _intervalMilliseconds)
        {
            return;
        }

        var moved = GreatCircle.DistanceNauticalMiles(run.IntervalStart.Position, point.Position);
        if (moved / (point.Time - run.IntervalStart.Time).TotalHours >= options.MaximumSpeedKnots)
        {
            End(vessel, run, silentAfterHours: null); // under way again: it ended where this interval began
            return;
        }

        run.DistanceNauticalMiles += moved;
        run.IntervalStart = point;
        if (run.Track.Count < MaximumTrackShown && !(run.ShoreNauticalMiles < options.MinimumDistanceFromShoreNauticalMiles))
        {
            run.Track.Add(PositionEvidence.From(point));
        }

        if (point.Time - run.Start.Time >= options.MinimumDuration)
        {
            if (run.ShoreNauticalMiles is null)
            {
                run.ShoreNauticalMiles = context.Land.DistanceToShoreNauticalMiles(run.Start.Position, Math.Max(options.MinimumDistanceFromShoreNauticalMiles, ShownUpToNauticalMiles));
                if (run.ShoreNauticalMiles < options.MinimumDistanceFromShoreNauticalMiles)
                {
                    run.Track.Clear(); // near the shore: it will never be raised, and a ship at anchor for days keeps no evidence
                    run.Track.TrimExcess();
                }
            }

            Raise(vessel, run, silentAfterHours: null, ended: false);
        }
    }

    public override void Complete(IReadOnlyList<VesselState> vessels, Instant? watermark)
    {
        foreach (var vessel in vessels)
        {
            if (vessel.Loiter is { FirstRaised: not null } run)
            {
                Raise(vessel, run, silentAfterHours: null, ended: false);
            }
        }
    }

    private void End(VesselState vessel, LoiterRun run, double? silentAfterHours)
    {
        vessel.Loiter = null;
        if (run.FirstRaised is not null)
        {
            Raise(vessel, run, silentAfterHours >= options.DarkSilence.TotalHours ? silentAfterHours : null, ended: true);
        }
    }

    private void Raise(VesselState vessel, LoiterRun run, double? silentAfterHours, bool ended)
    {
        if (run.ShoreNauticalMiles < options.MinimumDistanceFromShoreNauticalMiles)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        var end = run.IntervalStart;
        var hours = (end.Time - run.Start.Time).TotalHours;
        var type = vessel.Identity?.ShipType ?? 0;
        var carrier = type is >= 70 and <= 89;
        var fishing = type == 30;
        var listed = vessel.WatchListMatches.Count > 0;
        var dark = run.SilentBeforeHours is not null || silentAfterHours is not null;
        var concern = portsOfConcern.NearbyRule(run.Start.Position, options.PortOfConcernNauticalMiles);
        var score = (carrier ? 2 : 0) + (listed ? 2 : 0) + (dark ? 2 : 0) + (concern.Fired ? 2 : 0);
        if (fishing && !listed && !dark && !concern.Fired)
        {
            return; // a fishing vessel slow on its grounds
        }

        RuleResult[] rules =
        [
            new("Loitering", true, string.Create(c, $"under {options.MaximumSpeedKnots:0.#} kn on average over every {options.SpeedInterval.TotalHours:0.##} h for {hours:0.0} h, {run.ShoreNauticalMiles:0} nm from shore (from {options.MinimumDistanceFromShoreNauticalMiles:0} nm; 200 means 200 or more)")),
            new("CarrierTankerOrCargo", carrier, carrier ? "a carrier, tanker or cargo ship by broadcast type (70–89): a candidate transshipment" : fishing ? "a fishing vessel" : "not a carrier, tanker or cargo ship by broadcast type"),
            new("WatchListedVessel", listed, listed ? "on a watch list" : "on no watch list"),
            new("DarkLoitering", dark, dark
                ? string.Create(c, $"silent {(run.SilentBeforeHours is { } b ? $"{b:0.#} h just before" : string.Empty)}{(run.SilentBeforeHours is not null && silentAfterHours is not null ? " and " : string.Empty)}{(silentAfterHours is { } a ? $"{a:0.#} h at its end" : string.Empty)} (from {options.DarkSilence.TotalHours:0} h)")
                : "heard before and through its end"),
            concern,
        ];
        var severity = FactorScore.Severity(score);
        var now = context.Watermark is { } w && w > end.Time ? w : end.Time;
        context.Raise(new Alert
        {
            Kind = AlertKind.Loitering,
            Mmsi = vessel.Mmsi,
            Imo = vessel.Identity?.Imo,
            VesselName = vessel.Identity?.Name,
            Start = run.Start.Time,
            End = ended ? end.Time : null,
            Severity = severity,
            SeverityReason = FactorScore.Reason(rules, score, "slow far from shore with nothing else notable: low (research, survey, waiting for orders)"),
            Score = score,
            ScoreExplanation = string.Create(c, $"{hours:0.0} h at {run.DistanceNauticalMiles / Math.Max(hours, 1e-9):0.0#} kn on average, {run.ShoreNauticalMiles:0} nm from shore{(ended ? string.Empty : ", still going on")}."),
            Rules = rules,
            Location = run.Start.Position,
            WatchLists = vessel.WatchListEvidence,
            Loitering = new LoiteringEvidence
            {
                DurationHours = Math.Round(hours, 2),
                AverageSpeedKnots = Math.Round(run.DistanceNauticalMiles / Math.Max(hours, 1e-9), 2),
                DistanceFromShoreNauticalMiles = Math.Round(run.ShoreNauticalMiles ?? 0, 1),
                SilentBeforeHours = run.SilentBeforeHours is { } before ? Math.Round(before, 1) : null,
                SilentAfterHours = silentAfterHours is { } after ? Math.Round(after, 1) : null,
                Track = [.. run.Track],
            },
            FirstRaised = run.FirstRaised ??= now,
            LastUpdated = now,
        });
    }
}
