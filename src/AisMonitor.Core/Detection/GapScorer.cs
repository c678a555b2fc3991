using System.Globalization;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Detection;

/// <summary>
/// Turns a silence into a scored gap alert: evidence (positions, displacement, implied speed,
/// nearest ports), the reception model's chance of such a silence where the vessel went quiet,
/// halfway and where it reappeared (while it is silent: halfway to, and at, where its last course
/// and speed would have taken it), the rules (GFW intentional disabling, a voyage made dark where
/// vessels are well heard, far reappearance, near a port of concern) and the severity that follows.
/// The score is −log10 of the chance at the place that explains the silence best (a vessel that sails
/// out of coverage is silent because of the waters it entered); a place the model knows nothing about
/// is left out rather than averaged in. Silences of other vessels still under way count as evidence
/// at the moment judged (<see cref="ReceptionModel.SilenceBegan"/>). Whether a silence is
/// alert-worthy is decided from numbers alone; texts and port lookups are made only for alerts. Pure:
/// the same inputs give the same alert.
/// </summary>
public sealed class GapScorer
{
    private const double ShoreShownUpToNauticalMiles = 200; // the distance from shore is measured up to this, to show it
    private readonly GapOptions _options;
    private readonly ReceptionModel _reception;
    private readonly PortIndex _ports;
    private readonly PortIndex _portsOfConcern;
    private readonly PortProximityGrid _nearConcern;
    private readonly Func<Coastline> _land;

    /// <summary>
    /// Scores against <paramref name="reception"/>, with <paramref name="ports"/> for port distances and
    /// <paramref name="land"/> for the distance from shore (without land, or with none, the nearest port stands in for the shore).
    /// </summary>
    public GapScorer(GapOptions options, ReceptionModel reception, PortIndex ports, Func<Coastline>? land = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ports);
        options.Validate();
        _options = options;
        _reception = reception;
        _ports = ports;
        _land = land ?? (() => Coastline.None);
        var concern = options.PortsOfConcern.ToHashSet(StringComparer.OrdinalIgnoreCase);
        _portsOfConcern = new PortIndex(ports.All.Where(p => (p.UnLocode is not null && concern.Contains(p.UnLocode)) || p.Tags.Contains("of-concern", StringComparer.OrdinalIgnoreCase)));
        _nearConcern = new PortProximityGrid(_portsOfConcern.All, p => options.PortOfConcernRadiusNauticalMiles + (p.Boundary is null ? 0 : p.RadiusNauticalMiles));
    }

    /// <summary>The port of concern within the rule's radius, looked up only where the grid says one may be.</summary>
    private (Port Port, double DistanceNauticalMiles)? ConcernNear(GeoPoint point) =>
        _portsOfConcern.Count == 0 || _nearConcern.Candidates(point.LatitudeDegrees, point.LongitudeDegrees).IsEmpty
            ? null
            : _portsOfConcern.Nearest(point, _options.PortOfConcernRadiusNauticalMiles);

    /// <summary>
    /// The alert for a silence of <paramref name="vessel"/> from its last good position to
    /// <paramref name="after"/> (null while open, the silence then runs to <paramref name="now"/>),
    /// or null when it is not alert-worthy and no alert is open for it. A place where other vessels
    /// were heard meanwhile (<see cref="ReceptionModel.OthersHeard"/>) cannot explain a class A vessel's
    /// closed silence: the place that explains it best is sought among the others, and when others
    /// were heard at every place, no coverage explains it and the rarest place counts.
    /// <paramref name="classB"/>: the vessel reappeared with a class B report (heard less well: never so judged).
    /// </summary>
    public Alert? Score(VesselState vessel, TrackPoint before, TrackPoint? after, Instant now, Alert? open, Duration feedSilent = default, bool classB = false)
    {
        ArgumentNullException.ThrowIfNull(vessel);
        var end = after?.Time ?? now;
        var elapsed = end - before.Time;
        var duration = elapsed - feedSilent; // judged on the hours the feed was listening
        if (open is null && duration < _options.MinimumDuration)
        {
            return null;
        }

        // Numbers first: most silences of a satellite feed are not alert-worthy, and are checked often.
        var seconds = duration.TotalSeconds;
        var judged = new JudgedSilence(vessel.Mmsi.Value, before.UnixMilliseconds, end.ToUnixTimeMilliseconds());
        var startChance = _reception.ChancePerVesselDay(before.LatitudeDegrees, before.LongitudeDegrees, seconds, out var startKnown, judged);
        (long From, long To)? heardWindow = after is not null && !classB ? (before.UnixMilliseconds, judged.NowUnixMilliseconds) : null;
        var start = new Place(startChance, startKnown, OthersHeard((before.LatitudeDegrees, before.LongitudeDegrees), heardWindow));
        // The other places can only make the chance larger when the start is known and can explain the
        // silence (the place that explains it best counts): if the start alone alerts on nothing, they need not be assessed.
        var startDecides = startKnown && !start.OthersHeard && -Math.Log10(startChance) < _options.MinimumScore && startChance > _options.DarkVoyageMaximumChancePerVesselDay;
        var disablingCandidate = duration >= _options.DisablingMinimumDuration && PositionsBefore(vessel, before) >= _options.DisablingMinimumPositionsBefore
            && DisablingReception(before, judged).WellHeard;
        var (chance, known) = (startChance, startKnown);
        var assessed = open is not null || !startDecides || disablingCandidate;
        var path = assessed ? AssessPath(vessel, before, after, elapsed, seconds, judged, start, heardWindow, out chance, out known) : null;
        var score = known ? -Math.Log10(chance) : 0;
        double? displacement = after is { } b ? GreatCircle.DistanceNauticalMiles(before.Position, b.Position) : null;
        double? impliedSpeed = displacement / Math.Max(elapsed.TotalHours, 1e-9);
        var concernAtStart = ConcernNear(before.Position);
        var concernAtEnd = after is { } d ? ConcernNear(d.Position) : null;
        var nearConcern = concernAtStart is not null || concernAtEnd is not null;
        var far = impliedSpeed is { } speed && speed > PlausibleSpeed(vessel); // the ship type (a cache miss) only once it has reappeared
        var darkVoyage = displacement >= _options.DarkVoyageMinimumDisplacementNauticalMiles && duration >= _options.DarkVoyageMinimumDuration
            && chance <= _options.DarkVoyageMaximumChancePerVesselDay && known;
        if (open is null && score < _options.MinimumScore && !nearConcern && !far && !darkVoyage && !(disablingCandidate && NotExplainedAlongTheWay(chance)))
        {
            return null;
        }

        if (!assessed)
        {
            // A rule that needs no reception raised it: the other places count in its score and evidence too.
            path = AssessPath(vessel, before, after, elapsed, seconds, judged, start, heardWindow, out chance, out known);
            score = known ? -Math.Log10(chance) : 0;
        }

        var portBefore = _ports.Nearest(before.Position);
        var inPort = portBefore is { } home && home.DistanceNauticalMiles <= InPortDistance(home.Port)
            && (displacement ?? 0) < 1 && !nearConcern;
        if (open is null && inPort)
        {
            return null;
        }

        var land = _land();
        double? shoreBefore = land.Count == 0 ? null : land.DistanceToShoreNauticalMiles(before.Position, ShoreShownUpToNauticalMiles);
        var rules = new List<RuleResult>
        {
            IntentionalDisabling(vessel, before, duration, portBefore, shoreBefore, judged, chance),
            FarReappearance(vessel, impliedSpeed, displacement),
            DarkVoyage(duration, displacement, chance, known),
            NearPortOfConcern(concernAtStart, concernAtEnd),
        };
        var fired = rules.Where(r => r.Fired).Select(r => r.Name).ToList();
        if (open is null && score < _options.MinimumScore && fired.Count == 0)
        {
            return null;
        }

        var startReception = _reception.Assess(before.LatitudeDegrees, before.LongitudeDegrees, seconds, judged);
        var endReception = path?.End is { } e ? _reception.Assess(e.Latitude, e.Longitude, seconds, judged) : null;
        var halfwayReception = path is { Halfway: var h } ? _reception.Assess(h.Latitude, h.Longitude, seconds, judged) : null;
        var portAfter = after is { } c ? _ports.Nearest(c.Position) : null;
        var (severity, severityReason) = SeverityOf(score, fired);
        var positions = PositionsThrough(vessel, before.Time);
        if (after is { } first)
        {
            positions.Add(PositionEvidence.From(first));
        }

        return new Alert
        {
            Kind = AlertKind.TransponderGap,
            Mmsi = vessel.Mmsi,
            Imo = vessel.Identity?.Imo,
            VesselName = vessel.Identity?.Name,
            Start = before.Time,
            End = after?.Time,
            Severity = severity,
            SeverityReason = severityReason,
            Score = Math.Round(score, 2),
            ScoreExplanation = Explain(duration, startReception, halfwayReception, endReception, score, after is null, [start.OthersHeard, path?.HalfwayOthersHeard ?? false, path?.EndOthersHeard ?? false], _reception.OwnSilenceHeardHours)
                + (feedSilent > Duration.Zero ? string.Create(CultureInfo.InvariantCulture, $" The feed itself was silent for {feedSilent.TotalHours:0.0} h of the {elapsed.TotalHours:0.0} h (a feed outage): those hours are not counted.") : string.Empty),
            Rules = rules,
            Location = before.Position,
            WatchLists = vessel.WatchListEvidence,
            Gap = new GapEvidence
            {
                LastBefore = PositionEvidence.From(before),
                FirstAfter = after is { } f ? PositionEvidence.From(f) : null,
                DurationHours = Math.Round(elapsed.TotalHours, 2),
                FeedOutageHours = feedSilent > Duration.Zero ? Math.Round(feedSilent.TotalHours, 2) : null,
                DisplacementNauticalMiles = Round(displacement, 1),
                DisplacementKilometres = Round(displacement * GreatCircle.KilometresPerNauticalMile, 1),
                ImpliedSpeedKnots = Round(impliedSpeed, 2),
                DistanceFromShoreBeforeNauticalMiles = Round(shoreBefore, 1),
                NearestPortBefore = portBefore?.Port.ToString(),
                NearestPortBeforeNauticalMiles = Round(portBefore?.DistanceNauticalMiles, 1),
                NearestPortAfter = portAfter?.Port.ToString(),
                NearestPortAfterNauticalMiles = Round(portAfter?.DistanceNauticalMiles, 1),
                ReceptionAtStart = startReception,
                ReceptionAtEnd = after is null ? null : endReception,
                ReceptionHalfway = halfwayReception,
                HeadedFor = after is null && path?.End is { } headed ? new Geo.GeoPoint(headed.Latitude, headed.Longitude) : null,
                ReceptionWhereHeaded = after is null ? endReception : null,
                Positions = positions,
            },
            FirstRaised = open?.FirstRaised ?? now,
            LastUpdated = now,
        };
    }

    /// <summary>
    /// The earliest silence length, from <paramref name="silentFor"/> up to <paramref name="latest"/>,
    /// at which <paramref name="vessel"/>, silent since <paramref name="before"/>, could become alert-worthy as the model
    /// stands (the score grows with the length): where its score reaches the minimum, or the
    /// intentional-disabling rule's minimum if that comes first and the vessel was heard often enough
    /// before it went quiet for the rule (those positions do not change while it is silent); null when
    /// it cannot by <paramref name="latest"/>. The longest length is tried first, so a vessel that cannot
    /// alert costs one assessment; otherwise lengths are halved towards the answer, which is at most a
    /// twentieth of the range late.
    /// </summary>
    public Duration? EarliestAlertWorthy(VesselState vessel, TrackPoint before, Duration silentFor, Duration latest)
    {
        ArgumentNullException.ThrowIfNull(vessel);
        var mmsi = vessel.Mmsi.Value;
        var disabling = _options.DisablingMinimumDuration;
        var disablingInReach = silentFor < disabling && latest >= disabling && PositionsBefore(vessel, before) >= _options.DisablingMinimumPositionsBefore;
        if (disablingInReach)
        {
            latest = disabling; // the rule's other conditions are checked when it is reached
        }

        var low = Max(silentFor, _options.MinimumDuration);
        if (low > latest || !AlertWorthyByScore(mmsi, before, latest))
        {
            return disablingInReach ? disabling : null;
        }

        var high = latest;
        var precision = (latest - low) / 20;
        while (high - low > precision && high - low > Duration.FromMinutes(10))
        {
            var middle = low + ((high - low) / 2);
            (low, high) = AlertWorthyByScore(mmsi, before, middle) ? (low, middle) : (middle, high);
        }

        return high;
    }

    /// <summary>
    /// Where else a silence may be explained: halfway to where the vessel reappeared and there; or, while
    /// it is silent, halfway to where its last course and speed would have taken it by now and there;
    /// null when it is silent and its last two positions give no course.
    /// </summary>
    private SilencePlaces? Path(VesselState vessel, TrackPoint before, TrackPoint? after, Duration elapsed)
    {
        if (after is { } a)
        {
            return new SilencePlaces(SilencePath.Midway(before.LatitudeDegrees, before.LongitudeDegrees, a.LatitudeDegrees, a.LongitudeDegrees), (a.LatitudeDegrees, a.LongitudeDegrees));
        }

        TrackPoint? previous = null;
        foreach (var p in vessel.History)
        {
            if (p.Quality == TrackPointQuality.Good && p.UnixMilliseconds < before.UnixMilliseconds)
            {
                previous = p;
            }
        }

        return previous is { } prev && SilencePath.DeadReckoned(prev, before, elapsed.TotalHours, _options.MaximumPlausibleSpeedKnots) is { } now
            ? new SilencePlaces(SilencePath.Midway(before.LatitudeDegrees, before.LongitudeDegrees, now.Latitude, now.Longitude), now)
            : null;
    }

    /// <summary>
    /// The places of <see cref="Path"/> assessed, and the chance of the silence combined over them and
    /// <paramref name="start"/> (<see cref="Combine"/>); with <paramref name="heardWindow"/>, whether
    /// other vessels were heard at each place in that window.
    /// </summary>
    private SilencePlaces? AssessPath(VesselState vessel, TrackPoint before, TrackPoint? after, Duration elapsed, double seconds, JudgedSilence judged, Place start, (long From, long To)? heardWindow, out double chance, out bool known)
    {
        var path = Path(vessel, before, after, elapsed);
        Span<Place> places = [start, default, default];
        var count = 1;
        if (path is { } p)
        {
            places[count++] = Assess(p.Halfway, seconds, judged, heardWindow);
            if (p.End is { } end)
            {
                places[count++] = Assess(end, seconds, judged, heardWindow);
            }

            path = p with { HalfwayOthersHeard = places[1].OthersHeard, EndOthersHeard = count > 2 && places[2].OthersHeard };
        }

        (chance, known) = Combine(places[..count]);
        return path;
    }

    private Place Assess((double Latitude, double Longitude) at, double seconds, JudgedSilence judged, (long From, long To)? heardWindow) =>
        new(_reception.ChancePerVesselDay(at.Latitude, at.Longitude, seconds, out var known, judged), known, OthersHeard(at, heardWindow));

    /// <summary>Whether other vessels were heard at <paramref name="at"/> in <paramref name="window"/> (false without one: an open silence, or class B).</summary>
    private bool OthersHeard((double Latitude, double Longitude) at, (long From, long To)? window) =>
        window is { } w && _reception.OthersHeard(at.Latitude, at.Longitude, w.From, w.To);

    /// <summary>One place's chance of the silence, whether the model knows the place, and whether others were heard there meanwhile.</summary>
    private readonly record struct Place(double Chance, bool Known, bool OthersHeard);

    private readonly record struct SilencePlaces((double Latitude, double Longitude) Halfway, (double Latitude, double Longitude)? End)
    {
        public bool HalfwayOthersHeard { get; init; }

        public bool EndOthersHeard { get; init; }
    }

    /// <summary>
    /// The place that explains a silence best counts (the largest chance) among the places known where
    /// no one else was heard meanwhile; when others were heard at every place known, no coverage
    /// explains it and the rarest place counts (the smallest chance). A place without any local
    /// reception data is left out; with none known, the start's chance, not known.
    /// </summary>
    private static (double Chance, bool Known) Combine(ReadOnlySpan<Place> places)
    {
        double? best = null, rarest = null;
        foreach (var place in places)
        {
            if (!place.Known)
            {
                continue;
            }

            rarest = Math.Min(rarest ?? 1, place.Chance);
            if (!place.OthersHeard)
            {
                best = Math.Max(best ?? 0, place.Chance);
            }
        }

        return (best ?? rarest) is { } chance ? (chance, true) : (places[0].Chance, false);
    }

    private bool AlertWorthyByScore(uint mmsi, TrackPoint before, Duration length) =>
        -Math.Log10(_reception.ChancePerVesselDay(before.LatitudeDegrees, before.LongitudeDegrees, length.TotalSeconds, out var known,
            new JudgedSilence(mmsi, before.UnixMilliseconds, before.UnixMilliseconds + (long)length.TotalMilliseconds))) >= _options.MinimumScore && known;

    private static Duration Max(Duration x, Duration y) => x > y ? x : y;

    /// <summary>How near its point (or inside its polygon, distance 0) a silence must start to be in port.</summary>
    private double InPortDistance(Port place) => (place.Boundary is null ? place.RadiusNauticalMiles : 0) + _options.InPortMarginNauticalMiles;

    /// <summary>The GFW rule's "good reception" where a silence started: the chance of a silence of the rule's length, from enough of the cell's own hours.</summary>
    private (double Chance, double CellHours, bool WellHeard) DisablingReception(TrackPoint before, JudgedSilence judged)
    {
        var seconds = _options.DisablingMinimumDuration.TotalSeconds;
        var chance = _reception.ChancePerVesselDay(before.LatitudeDegrees, before.LongitudeDegrees, seconds, out _, judged);
        var cellHours = _reception.CellVesselHours(before.LatitudeDegrees, before.LongitudeDegrees, seconds);
        return (chance, cellHours, chance <= _options.DisablingMaximumChancePerVesselDay && cellHours >= _options.DisablingMinimumCellVesselHours);
    }

    /// <summary>
    /// Good reception where a silence began is not enough when the vessel reappeared (or, still silent,
    /// would by now be) where such silences are ordinary: the waters it sailed into explain it.
    /// </summary>
    private bool NotExplainedAlongTheWay(double chance) => chance < _options.DisablingExplainedChancePerVesselDay;

    /// <summary>The history up to <paramref name="time"/>, as evidence (a loop: a lambda over the parameter would make every call allocate its closure).</summary>
    private static List<PositionEvidence> PositionsThrough(VesselState vessel, Instant time)
    {
        var positions = new List<PositionEvidence>(VesselState.HistoryCapacity + 1);
        foreach (var p in vessel.History)
        {
            if (p.Time <= time)
            {
                positions.Add(PositionEvidence.From(p));
            }
        }

        return positions;
    }

    private int PositionsBefore(VesselState vessel, TrackPoint before)
    {
        var window = _options.DisablingMinimumDuration;
        var count = 0;
        foreach (var p in vessel.History)
        {
            if (p.Quality == TrackPointQuality.Good && p.Time <= before.Time && p.Time > before.Time - window)
            {
                count++;
            }
        }

        return count;
    }

    private double PlausibleSpeed(VesselState vessel)
    {
        var type = vessel.Identity?.ShipType ?? 0;
        return type is >= 20 and <= 29 or >= 40 and <= 49 ? _options.MaximumPlausibleSpeedHighSpeedCraftKnots : _options.MaximumPlausibleSpeedKnots;
    }

    private RuleResult IntentionalDisabling(VesselState vessel, TrackPoint before, Duration duration, (Port Port, double DistanceNauticalMiles)? nearestPort, double? shore, JudgedSilence judged, double silenceChance)
    {
        const string name = "IntentionalDisabling";
        var window = _options.DisablingMinimumDuration;
        var minimumFromShore = _options.DisablingMinimumDistanceFromShoreNauticalMiles;
        var positionsBefore = PositionsBefore(vessel, before);
        var (chance, cellHours, wellHeard) = DisablingReception(before, judged);
        var offshore = shore is { } fromShore ? fromShore > minimumFromShore
            : nearestPort is null || nearestPort.Value.DistanceNauticalMiles > minimumFromShore;
        var explained = !NotExplainedAlongTheWay(silenceChance);
        var fired = duration >= window && offshore && wellHeard && !explained && positionsBefore >= _options.DisablingMinimumPositionsBefore;
        var where = shore is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"{s:0} nm from shore{(s >= ShoreShownUpToNauticalMiles ? " or more" : string.Empty)} (needs > {minimumFromShore:0} nm)")
            : string.Create(CultureInfo.InvariantCulture, $"nearest port {(nearestPort is { } p ? $"{p.DistanceNauticalMiles:0} nm" : "none within 600 nm")} (needs > {minimumFromShore:0} nm, shore approximated by ports: no coastline given)");
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"GFW: gap {duration.TotalHours:0.0} h (needs ≥ {window.TotalHours:0} h); {where}; chance of a {window.TotalHours:0} h silence per vessel-day at the start {chance:0.###e+0}, from {cellHours:#,0} vessel-hours heard in its cell (good reception needs ≤ {_options.DisablingMaximumChancePerVesselDay} from ≥ {_options.DisablingMinimumCellVesselHours:#,0}); {positionsBefore} positions in the {window.TotalHours:0} h before (needs ≥ {_options.DisablingMinimumPositionsBefore}){(explained ? string.Create(CultureInfo.InvariantCulture, $"; but where it was on the way or reappeared a silence this long happens with a chance of {silenceChance:0.###e+0} per vessel-day (ordinary from {_options.DisablingExplainedChancePerVesselDay}): it sailed out of coverage") : string.Empty)}");
        return new RuleResult(name, fired, detail);
    }

    private RuleResult FarReappearance(VesselState vessel, double? impliedSpeed, double? displacement)
    {
        var type = vessel.Identity?.ShipType ?? 0;
        var limit = PlausibleSpeed(vessel);
        var fired = impliedSpeed > limit;
        var detail = impliedSpeed is null
            ? "not evaluated: the vessel has not reappeared"
            : string.Create(CultureInfo.InvariantCulture, $"reappeared {displacement:0.0} nm away, an average of {impliedSpeed:0.0} kn (plausible for ship type {type}: ≤ {limit:0} kn)");
        return new RuleResult("FarReappearance", fired, detail);
    }

    private RuleResult DarkVoyage(Duration duration, double? displacement, double chance, bool receptionKnown)
    {
        var minimumHours = _options.DarkVoyageMinimumDuration.TotalHours;
        var minimumDistance = _options.DarkVoyageMinimumDisplacementNauticalMiles;
        var wellHeard = chance <= _options.DarkVoyageMaximumChancePerVesselDay && receptionKnown;
        var fired = displacement >= minimumDistance && duration >= _options.DarkVoyageMinimumDuration && wellHeard;
        var detail = displacement is null
            ? "not evaluated: the vessel has not reappeared"
            : !receptionKnown
            ? "not evaluated: nothing is known of reception where it went quiet or where it reappeared"
            : string.Create(CultureInfo.InvariantCulture, $"moved {displacement:0.0} nm in {duration.TotalHours:0.0} h of silence (fires from {minimumDistance:0} nm and {minimumHours:0} h) where such a silence happens with a chance of {chance:0.###e+0} per vessel-day (fires at ≤ {_options.DarkVoyageMaximumChancePerVesselDay}: sailing on where vessels are well heard, not where satellites pass now and then)");
        return new RuleResult("DarkVoyage", fired, detail);
    }

    private static RuleResult NearPortOfConcern((Port Port, double DistanceNauticalMiles)? atStart, (Port Port, double DistanceNauticalMiles)? atEnd)
    {
        var detail = atStart is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"went silent {s.DistanceNauticalMiles:0.0} nm from {s.Port}")
            : atEnd is { } e
                ? string.Create(CultureInfo.InvariantCulture, $"reappeared {e.DistanceNauticalMiles:0.0} nm from {e.Port}")
                : "no port of concern near either end";
        return new RuleResult("NearPortOfConcern", atStart is not null || atEnd is not null, detail);
    }

    private (Severity, string) SeverityOf(double score, List<string> fired)
    {
        var s = score.ToString("0.0", CultureInfo.InvariantCulture);
        if (fired.Contains("IntentionalDisabling") || fired.Contains("NearPortOfConcern"))
        {
            return (Severity.High, $"high-confidence rule fired: {string.Join(", ", fired)}");
        }

        if (score >= _options.HighScore)
        {
            return (Severity.High, $"score {s} ≥ {_options.HighScore}");
        }

        if (fired.Contains("DarkVoyage") && score >= _options.MediumScore)
        {
            return (Severity.High, $"moved while silent (DarkVoyage) where vessels are well heard (score {s} ≥ {_options.MediumScore})");
        }

        if (fired.Count > 0)
        {
            return (Severity.Medium, $"rule fired: {string.Join(", ", fired)}");
        }

        return score >= _options.MediumScore
            ? (Severity.Medium, $"score {s} ≥ {_options.MediumScore}")
            : (Severity.Low, $"score {s} < {_options.MediumScore}, no rule fired");
    }

    private static string Explain(Duration duration, ReceptionEvidence start, ReceptionEvidence? halfway, ReceptionEvidence? end, double score, bool open, ReadOnlySpan<bool> othersHeard, int heardHours)
    {
        var c = CultureInfo.InvariantCulture;
        var text = string.Create(c, $"{(open ? "Silent for" : "Silent")} {duration.TotalHours:0.0} h{(open ? " so far" : string.Empty)}. Where it went quiet ({Describe(start)}), a silence this long happens {Rarity(start.ChancePerVesselDay)}.");
        var (halfwayName, endName) = open
            ? ("halfway to where its last course and speed would have taken it", "where they would have taken it by now")
            : ("halfway to where it reappeared", "where it reappeared");
        if (halfway is not null)
        {
            text += string.Create(c, $" {char.ToUpperInvariant(halfwayName[0])}{halfwayName[1..]} ({Describe(halfway)}): {Rarity(halfway.ChancePerVesselDay)}.");
        }

        if (end is not null)
        {
            text += string.Create(c, $" {char.ToUpperInvariant(endName[0])}{endName[1..]} ({Describe(end)}): {Rarity(end.ChancePerVesselDay)}.");
        }

        ReadOnlySpan<(string Name, ReceptionEvidence? Reception)> places = [("where it went quiet", start), (halfwayName, halfway), (endName, end)];
        var known = new List<(string Name, double Chance, bool OthersHeard)>();
        var unknown = new List<string>();
        for (var i = 0; i < places.Length; i++)
        {
            var (name, reception) = places[i];
            if (reception is null)
            {
                continue;
            }

            if (reception.HasLocalEvidence)
            {
                known.Add((name, reception.ChancePerVesselDay, othersHeard[i]));
            }
            else
            {
                unknown.Add(name);
            }
        }

        if (known.Count == 0)
        {
            return text + " Score 0: too few vessel-hours have been heard in the cell or the blocks around it, at every place looked at, to know reception there, so the silence proves nothing.";
        }

        var heard = known.Where(k => k.OthersHeard).Select(k => k.Name).ToList();
        var candidates = known.Where(k => !k.OthersHeard).ToList();
        string how;
        if (candidates.Count == 0)
        {
            var rarest = known.MinBy(k => k.Chance).Name;
            how = string.Create(c, $"−log10 of the smallest chance, {rarest}: other vessels were heard meanwhile at every place looked at (in at least {heardHours} distinct hours each), so the receivers were listening and no coverage explains the silence");
        }
        else
        {
            var best = candidates.MaxBy(k => k.Chance).Name;
            how = known.Count == 1 ? $"−log10 of the chance {best}" : $"−log10 of the largest chance, {best}: the place that explains the silence best counts";
            if (heard.Count > 0)
            {
                how += string.Create(c, $" (other vessels were heard meanwhile {string.Join(" and ", heard)}, in at least {heardHours} distinct hours: the receivers were listening there, so {(heard.Count == 1 ? "that place does" : "those places do")} not explain it)");
            }
        }

        var left = unknown.Count == 0 ? string.Empty : $" (nothing is known of reception {string.Join(" or ", unknown)})";
        return text + string.Create(c, $" Score {score:0.0} = {how}{left}.");
    }

    private static string Rarity(double chancePerVesselDay) => chancePerVesselDay >= 1
        ? "at least daily"
        : string.Create(CultureInfo.InvariantCulture, $"about once per {Presentation.Significant(1 / chancePerVesselDay):#,0} vessel-days");

    /// <summary>The cell once, then what each level of the pooled estimate has seen.</summary>
    private static string Describe(ReceptionEvidence reception)
    {
        var c = CultureInfo.InvariantCulture;
        var heard = reception.MedianIntervalSeconds is { } median
            ? string.Create(c, $"moving vessels heard every {FormatSeconds(median)} (median of {reception.Intervals} intervals over {reception.VesselHours:#,0} vessel-hours); ")
            : string.Empty;
        var levels = string.Join("; ", reception.Levels.Select((l, i) =>
            string.Create(c, $"{(i == 0 ? string.Empty : l.Area + ": ")}{l.Silences:0.#} such silences{(l.StillSilent > 0 ? $" ({l.StillSilent} of them vessels still silent)" : string.Empty)} in {l.VesselHours:#,0} vessel-hours (own weight {l.Weight:0.00})")));
        return $"cell {reception.Cell}: {heard}{(levels.Length > 0 ? levels : reception.Basis)}";
    }

    private static string FormatSeconds(double seconds) => seconds switch
    {
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.0} h"),
    };

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}
