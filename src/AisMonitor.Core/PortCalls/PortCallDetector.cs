using System.Globalization;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.PortCalls;

/// <summary>
/// Port calls (DESIGN.md §4): a vessel enters a port within its radius and leaves beyond the
/// radius plus a margin; the visit is a call once it has stopped long enough or gone silent
/// inside (a port gap). Every call is recorded. A call is scored by its context, each factor
/// named in the alert; it is an unusual-call alert when a notable factor (a watch-listed vessel,
/// a port of concern) is present and the score reaches the threshold: behaviour alone (a gap
/// before, a silence in port) is common among fishing vessels and small craft, so it raises the
/// score of a notable call but does not make one.
/// </summary>
internal sealed class PortCallDetector : Detection.VesselDetector
{
    private const double WatchListedWeight = 2, PortOfConcernWeight = 3, RareHereWeight = 1.5, AfterLongGapWeight = 1, SilentOnArrivalWeight = 1, FirstCallWeight = 0.5;
    private static readonly string[] NotableFactors = ["WatchListedVessel", "PortOfConcern", "RareFlagHere", "RareTypeHere"];
    private readonly PortCallOptions _options;
    private readonly PortIndex _ports;
    private readonly PortProximityGrid _near;
    private readonly HashSet<string> _concern;
    private readonly Action<PortCall> _calls;
    private readonly Action<Alert> _alerts;
    private readonly CallerStatistics _callers = new();
    private readonly Duration _gapMinimum;
    private readonly long _portGapMilliseconds;

    /// <summary>Who called where, learnt so far.</summary>
    public CallerStatistics Callers => _callers;

    /// <param name="options">Port-call options.</param>
    /// <param name="ports">The ports.</param>
    /// <param name="portsOfConcern">UN/LOCODEs of the ports of concern.</param>
    /// <param name="gapMinimum">The transponder-gap minimum: a silence this long before a call is remembered as a recent gap.</param>
    /// <param name="calls">Where calls go.</param>
    /// <param name="alerts">Where unusual-call alerts go.</param>
    public PortCallDetector(PortCallOptions options, PortIndex ports, IEnumerable<string> portsOfConcern, Duration gapMinimum, Action<PortCall> calls, Action<Alert> alerts)
    {
        _options = options;
        _gapMinimum = gapMinimum;
        _portGapMilliseconds = (long)options.PortGapMinimum.TotalMilliseconds;
        _ports = ports;
        _concern = portsOfConcern.ToHashSet(StringComparer.OrdinalIgnoreCase);
        _calls = calls;
        _alerts = alerts;
        _near = new PortProximityGrid(ports.All, p => EntryRadius(p) + options.ExitMarginNauticalMiles);
    }

    public double EntryRadius(Port port) => Math.Max(port.RadiusNauticalMiles, _options.MinimumEntryRadiusNauticalMiles);

    public override void PositionAccepted(VesselState vessel, in Detection.AcceptedPosition position)
    {
        if (position.Previous is { } previous && position.Point.Time - previous.Time >= _gapMinimum)
        {
            GapEnded(vessel, previous, position.Point);
        }

        // A suspect confirmed late has no trusted predecessor to measure a stop from.
        Observe(vessel, position.Point, position.ConfirmedLate ? null : position.Previous);
    }

    /// <summary>While the vessel is in a port without an open port gap: when a silence there would become one.</summary>
    public override long? NextLook(VesselState vessel, TrackPoint last, Instant? now)
    {
        var due = last.UnixMilliseconds + _portGapMilliseconds;
        return vessel.Visit is { OpenPortGap: null } && (now is not { } watermark || due > watermark.ToUnixTimeMilliseconds()) ? due : null;
    }

    public override void SilenceDue(VesselState vessel, Instant watermark) => CheckSilence(vessel, watermark);

    /// <summary>End of input: the calls still in progress are published once more with what they accumulated since.</summary>
    public override void Complete(IReadOnlyList<VesselState> vessels, Instant? watermark)
    {
        if (watermark is not { } now)
        {
            return;
        }

        foreach (var vessel in vessels)
        {
            if (vessel.Visit is { IsCall: true } visit)
            {
                Publish(vessel, visit, now);
            }
        }
    }

    /// <summary>A good position of <paramref name="vessel"/>; <paramref name="previous"/> is the one before it.</summary>
    private void Observe(VesselState vessel, TrackPoint point, TrackPoint? previous)
    {
        var visit = vessel.Visit;
        if (visit is not null)
        {
            if (!IsInside(visit, point))
            {
                Leave(vessel, visit, point.Time, previous is { } last && point.Time - last.Time >= _options.PortGapMinimum ? last.Time : null);
                visit = null;
            }
            else
            {
                ClosePortGap(visit, point.Time);
                Track(vessel, visit, point, previous);
                return;
            }
        }

        if (IsClearOfPorts(vessel, point) || Entered(point) is not { } place)
        {
            return;
        }

        vessel.Visit = new PortVisit(place, EntryRadius(place) + _options.ExitMarginNauticalMiles, point.Time);
        Track(vessel, vessel.Visit, point, null);
    }

    /// <summary>
    /// Whether the vessel is still within the distance it was known to be clear of every port's
    /// reach (the distance moved overestimated without a cosine), else measures that distance again
    /// here. Far from the coast this spares the grid lookup for most positions.
    /// </summary>
    private bool IsClearOfPorts(VesselState vessel, TrackPoint point)
    {
        var (latitude, longitude, clearance) = (vessel.PortClearanceLatitude, vessel.PortClearanceLongitude, vessel.PortClearanceNauticalMiles);
        var dLatitude = point.LatitudeDegrees - latitude;
        var dLongitude = Math.Abs(point.LongitudeDegrees - longitude);
        dLongitude = dLongitude > 180 ? 360 - dLongitude : dLongitude;
        if (3600 * ((dLatitude * dLatitude) + (dLongitude * dLongitude)) < (double)clearance * clearance)
        {
            return true;
        }

        var measured = _near.ClearanceNauticalMiles(point.LatitudeDegrees, point.LongitudeDegrees);
        vessel.PortClearanceLatitude = (float)point.LatitudeDegrees;
        vessel.PortClearanceLongitude = (float)point.LongitudeDegrees;
        vessel.PortClearanceNauticalMiles = (float)(measured * 0.999); // float rounding stays on the safe side
        return measured > 0;
    }

    /// <summary>The place a vessel at <paramref name="point"/> is in: the smallest polygon area containing it, else the nearest port whose entry radius it is within.</summary>
    private Port? Entered(TrackPoint point)
    {
        var candidates = _near.Candidates(point.LatitudeDegrees, point.LongitudeDegrees);
        if (candidates.IsEmpty)
        {
            return null;
        }

        if (_ports.AreaCount > 0 && _ports.Containing(point.Position) is { } area)
        {
            return area;
        }

        Port? nearest = null;
        var nearestDistance = double.MaxValue;
        foreach (var port in candidates)
        {
            if (port.Boundary is not null)
            {
                continue;
            }

            // Latitude difference alone bounds the distance from below: most candidates are ruled out without trigonometry.
            var entry = EntryRadius(port);
            if (Math.Abs(point.LatitudeDegrees - port.Position.LatitudeDegrees) * 60 > entry)
            {
                continue;
            }

            var distance = GreatCircleDistance(point, port);
            if (distance <= entry && distance < nearestDistance)
            {
                (nearest, nearestDistance) = (port, distance);
            }
        }

        return nearest;
    }

    private bool IsInside(PortVisit visit, TrackPoint point) => visit.Port.Boundary is null
        ? GreatCircleDistance(point, visit.Port) <= visit.ExitRadiusNauticalMiles
        : PortIndex.IsInOrNear(visit.Port, point.Position, _options.ExitMarginNauticalMiles);

    /// <summary>Remembers a transponder gap that just ended, for the next call's "after a long gap".</summary>
    private void GapEnded(VesselState vessel, TrackPoint before, TrackPoint after)
    {
        var length = after.Time - before.Time;
        if (length >= _options.LongGapMinimum)
        {
            vessel.RecentGap = new RecentGap(after.Time, Math.Round(length.TotalHours, 1), Math.Round(Geo.GreatCircle.DistanceNauticalMiles(before.Position, after.Position), 1));
        }
    }

    /// <summary>Whether the vessel is in a port, so its silences are checked against the port-gap minimum.</summary>
    public static bool InPort(VesselState vessel) => vessel.Visit is not null;

    /// <summary>At a sweep: a vessel silent in port for the port-gap minimum has a port gap (and the visit becomes a call).</summary>
    private void CheckSilence(VesselState vessel, Instant now)
    {
        if (vessel.Visit is not { } visit || vessel.LastGood is not { } last || visit.OpenPortGap is not null || now - last.Time < _options.PortGapMinimum)
        {
            return;
        }

        visit.PortGaps.Add(new PortGap(last.Time, null, Math.Round((now - last.Time).TotalHours, 1)));
        if (!visit.IsCall)
        {
            BecomeCall(vessel, visit, now);
        }
        else
        {
            Publish(vessel, visit, now);
        }
    }

    private void Track(VesselState vessel, PortVisit visit, TrackPoint point, TrackPoint? previous)
    {
        if (visit.Stopped && previous is { } before && before.Time >= visit.Arrival)
        {
            visit.StoppedTotal += point.Time - before.Time;
        }

        var speed = point.SpeedKnots ?? 0;
        visit.Stopped = visit.Stopped ? speed <= _options.MoveSpeedKnots : speed < _options.StopSpeedKnots;
        visit.LastTime = point.Time;
        if (!visit.IsCall && visit.StoppedTotal >= _options.MinimumStop)
        {
            BecomeCall(vessel, visit, point.Time);
        }
    }

    private static void ClosePortGap(PortVisit visit, Instant time)
    {
        if (visit.OpenPortGap is { } open)
        {
            visit.PortGaps[^1] = open with { End = time, Hours = Math.Round((time - open.Start).TotalHours, 1) };
        }
    }

    private void BecomeCall(VesselState vessel, PortVisit visit, Instant now)
    {
        visit.IsCall = true;
        var key = visit.Port.Key;
        var first = vessel.PortsCalled?.Contains(key) != true;
        (vessel.PortsCalled ??= []).Add(key);
        var c = CultureInfo.InvariantCulture;
        var flag = Ais.FlagStates.CountryOf(vessel.Mmsi);
        int? typeClass = vessel.Identity?.ShipType is > 0 and var type ? type / 10 : null;
        var (rareFlag, rareType) = _callers.Judge(key, flag, typeClass);
        _callers.Count(key, flag, typeClass);
        var factors = new List<(RuleResult, double)>
        {
            (vessel.WatchListMatches.Count > 0
                ? new RuleResult("WatchListedVessel", true, string.Join("; ", vessel.WatchListMatches.Select(m => $"{m.List} {m.Version} entry {m.EntryId} \"{m.ListedName}\" matched on {m.MatchedOn}")))
                : new RuleResult("WatchListedVessel", false, "on no watch list"), WatchListedWeight),
            (IsOfConcern(visit.Port) ? new RuleResult("PortOfConcern", true, $"{visit.Port} is a port of concern") : new RuleResult("PortOfConcern", false, $"{visit.Port} is not a port of concern"), PortOfConcernWeight),
            (rareFlag, RareHereWeight),
            (rareType, RareHereWeight),
            (new RuleResult("FirstCallHere", first, first ? $"no earlier call at {visit.Port} by this vessel in the feed" : $"called at {visit.Port} before"), FirstCallWeight),
        };
        var gap = vessel.RecentGap;
        var afterGap = gap is not null && visit.Arrival - gap.End <= _options.LongGapWithin;
        factors.Add((new RuleResult("AfterLongGap", afterGap, gap is null
            ? "no transponder gap since the last call"
            : string.Create(c, $"first call since a {gap.Hours:0.#} h transponder gap over {gap.DisplacementNauticalMiles:0} nm that ended {(visit.Arrival - gap.End).TotalHours:0} h before arrival")), AfterLongGapWeight));
        vessel.RecentGap = null;
        visit.ArrivalFactors = factors;
        Publish(vessel, visit, now);
    }

    /// <summary>The vessel is outside at <paramref name="time"/>; <paramref name="lastSeenInPort"/> is set when it was silent since (the departure is then not known).</summary>
    private void Leave(VesselState vessel, PortVisit visit, Instant time, Instant? lastSeenInPort = null)
    {
        vessel.Visit = null;
        if (visit.IsCall)
        {
            ClosePortGap(visit, time);
            Publish(vessel, visit, time, departure: time, lastSeenInPort);
        }
    }

    private void Publish(VesselState vessel, PortVisit visit, Instant now, Instant? departure = null, Instant? lastSeenInPort = null)
    {
        var call = new PortCall
        {
            Mmsi = vessel.Mmsi,
            Imo = vessel.Identity?.Imo,
            VesselName = vessel.Identity?.Name,
            Port = visit.Port,
            Arrival = visit.Arrival,
            Departure = departure,
            DepartureKnown = lastSeenInPort is null,
            LastSeenInPort = lastSeenInPort,
            TimeZone = visit.TimeZone.Id,
            LocalArrival = PlaceTimeZones.Local(visit.Arrival, visit.TimeZone),
            LocalDeparture = departure is { } left ? PlaceTimeZones.Local(left, visit.TimeZone) : null,
            StoppedHours = Math.Round(visit.StoppedTotal.TotalHours, 1),
            PortGaps = [.. visit.PortGaps],
        };
        _calls(call);
        ScoreUnusual(vessel, visit, call, now);
    }

    private void ScoreUnusual(VesselState vessel, PortVisit visit, PortCall call, Instant now)
    {
        var silent = visit.PortGaps.FirstOrDefault(g => g.Start - visit.Arrival <= _options.SilentOnArrivalWithin);
        var factors = new List<(RuleResult Rule, double Weight)>(visit.ArrivalFactors ?? [])
        {
            (new RuleResult("SilentOnArrival", silent is not null, silent is null
                ? "no silence of 4 h or more inside the port soon after arrival"
                : string.Create(CultureInfo.InvariantCulture, $"transponder silent in port from {(silent.Start - visit.Arrival).TotalHours:0.#} h after arrival, for {silent.Hours:0.#} h{(silent.End is null ? " and counting" : "")}")), SilentOnArrivalWeight),
        };
        var fired = factors.Where(f => f.Rule.Fired).ToList();
        var score = fired.Sum(f => f.Weight);
        var notable = fired.Any(f => NotableFactors.Contains(f.Rule.Name));
        // Sanctions screening wants every call of a listed vessel, however ordinary.
        var listed = fired.Any(f => f.Rule.Name == "WatchListedVessel");
        if (visit.UnusualAlert is null && !listed && (!notable || score < _options.UnusualMinimumScore))
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        var names = string.Join(", ", fired.Select(f => f.Rule.Name));
        var high = score >= _options.UnusualHighScore
            || (listed && fired.Any(f => f.Rule.Name is "PortOfConcern" or "AfterLongGap"));
        var previous = visit.UnusualAlert;
        var alert = new Alert
        {
            Kind = AlertKind.UnusualPortCall,
            Mmsi = vessel.Mmsi,
            Imo = vessel.Identity?.Imo,
            VesselName = vessel.Identity?.Name,
            Start = visit.Arrival,
            End = call.Departure,
            Severity = high ? Severity.High : Severity.Medium,
            SeverityReason = high && score < _options.UnusualHighScore
                ? $"a watch-listed vessel's call {(fired.Any(f => f.Rule.Name == "PortOfConcern") ? "at a port of concern" : "after a long gap")} ({names})"
                : listed && !high && score < _options.UnusualMinimumScore
                    ? string.Create(c, $"every call of a watch-listed vessel is reported: medium (score {score:0.#}; {names})")
                    : string.Create(c, $"score {score:0.#} {(high ? "≥" : "<")} {_options.UnusualHighScore:0.#} ({names})"),
            Score = score,
            ScoreExplanation = string.Create(c, $"Call at {visit.Port}: score {score:0.#} = sum of the weights of the factors that fired ({string.Join(" + ", fired.Select(f => $"{f.Rule.Name} {f.Weight:0.#}"))})."),
            Rules = [.. factors.Select(f => f.Rule)],
            Location = visit.Port.Position,
            PortCall = call,
            WatchLists = vessel.WatchListEvidence,
            FirstRaised = previous?.FirstRaised ?? now,
            LastUpdated = now,
        };
        if (previous is not null && SameContent(previous, alert))
        {
            return; // nothing new to say: no update
        }

        visit.UnusualAlert = alert;
        _alerts(alert);
    }

    /// <summary>A place of concern: its UN/LOCODE is listed, or it is tagged "of-concern" (GeoJSON areas).</summary>
    private bool IsOfConcern(Port place) =>
        (place.UnLocode is { } code && _concern.Contains(code)) || place.Tags.Contains("of-concern", StringComparer.OrdinalIgnoreCase);

    private static bool SameContent(Alert before, Alert after) =>
        System.Text.Json.JsonSerializer.Serialize(before with { LastUpdated = after.LastUpdated }, AlertJson.Options) == System.Text.Json.JsonSerializer.Serialize(after, AlertJson.Options);

    private static double GreatCircleDistance(TrackPoint point, Port port) => Geo.GreatCircle.DistanceNauticalMiles(point.Position, port.Position);
}
