using System.Globalization;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Detection;

/// <summary>
/// Turns a silence into a scored gap alert: evidence (positions, displacement, implied speed,
/// nearest ports), the reception model's probability at each end (the score is the mean of their
/// −log10), the rules (GFW intentional disabling, far reappearance, near a port of concern) and
/// the severity that follows. Pure: the same inputs give the same alert.
/// </summary>
public sealed class GapScorer
{
    private readonly GapOptions _options;
    private readonly ReceptionModel _reception;
    private readonly PortIndex _ports;
    private readonly PortIndex _portsOfConcern;

    /// <summary>Scores against <paramref name="reception"/>, with <paramref name="ports"/> for port distances.</summary>
    public GapScorer(GapOptions options, ReceptionModel reception, PortIndex ports)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ports);
        options.Validate();
        _options = options;
        _reception = reception;
        _ports = ports;
        var concern = options.PortsOfConcern.ToHashSet(StringComparer.OrdinalIgnoreCase);
        _portsOfConcern = new PortIndex(ports.All.Where(p => p.UnLocode is not null && concern.Contains(p.UnLocode)));
    }

    /// <summary>
    /// The alert for a silence of <paramref name="vessel"/> from its last good position to
    /// <paramref name="after"/> (null while open, the silence then runs to <paramref name="now"/>),
    /// or null when it is not alert-worthy and no alert is open for it.
    /// </summary>
    public Alert? Score(VesselState vessel, TrackPoint before, TrackPoint? after, Instant now, Alert? open)
    {
        ArgumentNullException.ThrowIfNull(vessel);
        var end = after?.Time ?? now;
        var duration = end - before.Time;
        var seconds = duration.TotalSeconds;
        var startReception = _reception.Assess(before.LatitudeDegrees, before.LongitudeDegrees, seconds);
        var endReception = after is { } a ? _reception.Assess(a.LatitudeDegrees, a.LongitudeDegrees, seconds) : null;
        var startSurprise = -Math.Log10(startReception.ChancePerVesselDay);
        var score = endReception is null ? startSurprise : (startSurprise - Math.Log10(endReception.ChancePerVesselDay)) / 2;

        double? displacement = after is { } b ? GreatCircle.DistanceNauticalMiles(before.Position, b.Position) : null;
        double? impliedSpeed = displacement / Math.Max(duration.TotalHours, 1e-9);
        var portBefore = _ports.Nearest(before.Position);
        var portAfter = after is { } c ? _ports.Nearest(c.Position) : null;

        var rules = new List<RuleResult>
        {
            IntentionalDisabling(vessel, before, duration, portBefore),
            FarReappearance(vessel, impliedSpeed, displacement),
            DarkVoyage(duration, displacement),
            NearPortOfConcern(before, after),
        };
        var fired = rules.Where(r => r.Fired).Select(r => r.Name).ToList();
        var inPort = portBefore is { } home && home.DistanceNauticalMiles <= home.Port.RadiusNauticalMiles + _options.InPortMarginNauticalMiles
            && (displacement ?? 0) < 1 && !fired.Contains("NearPortOfConcern");
        if (open is null && (duration < _options.MinimumDuration || inPort || (score < _options.MinimumScore && fired.Count == 0)))
        {
            return null;
        }

        var (severity, severityReason) = SeverityOf(score, fired);
        var positions = vessel.History.Where(p => p.Time <= before.Time).Select(PositionEvidence.From).ToList();
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
            ScoreExplanation = Explain(duration, startReception, endReception, score, after is null),
            Rules = rules,
            Location = before.Position,
            WatchLists = vessel.WatchListEvidence,
            Gap = new GapEvidence
            {
                LastBefore = PositionEvidence.From(before),
                FirstAfter = after is { } f ? PositionEvidence.From(f) : null,
                DurationHours = Math.Round(duration.TotalHours, 2),
                DisplacementNauticalMiles = Round(displacement, 1),
                DisplacementKilometres = Round(displacement * GreatCircle.KilometresPerNauticalMile, 1),
                ImpliedSpeedKnots = Round(impliedSpeed, 2),
                NearestPortBefore = portBefore?.Port.ToString(),
                NearestPortBeforeNauticalMiles = Round(portBefore?.DistanceNauticalMiles, 1),
                NearestPortAfter = portAfter?.Port.ToString(),
                NearestPortAfterNauticalMiles = Round(portAfter?.DistanceNauticalMiles, 1),
                ReceptionAtStart = startReception,
                ReceptionAtEnd = endReception,
                Positions = positions,
            },
            FirstRaised = open?.FirstRaised ?? now,
            LastUpdated = now,
        };
    }

    private RuleResult IntentionalDisabling(VesselState vessel, TrackPoint before, Duration duration, (Port Port, double DistanceNauticalMiles)? nearestPort)
    {
        const string name = "IntentionalDisabling";
        var window = _options.DisablingMinimumDuration;
        var positionsBefore = vessel.History.Count(p => p.Quality == TrackPointQuality.Good && p.Time <= before.Time && p.Time > before.Time - window);
        var reception = _reception.Assess(before.LatitudeDegrees, before.LongitudeDegrees, window.TotalSeconds);
        var offshore = nearestPort is null || nearestPort.Value.DistanceNauticalMiles > _options.DisablingMinimumDistanceFromShoreNauticalMiles;
        var fired = duration >= window && offshore && reception.ChancePerVesselDay <= _options.DisablingMaximumChancePerVesselDay && positionsBefore >= _options.DisablingMinimumPositionsBefore;
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"GFW: gap {duration.TotalHours:0.0} h (needs ≥ {window.TotalHours:0} h); nearest port {(nearestPort is { } p ? $"{p.DistanceNauticalMiles:0} nm" : "none within 600 nm")} (needs > {_options.DisablingMinimumDistanceFromShoreNauticalMiles:0} nm, shore approximated by ports); chance of a {window.TotalHours:0} h silence per vessel-day at the start {reception.ChancePerVesselDay:0.###e+0} (good reception needs ≤ {_options.DisablingMaximumChancePerVesselDay}); {positionsBefore} positions in the {window.TotalHours:0} h before (needs ≥ {_options.DisablingMinimumPositionsBefore})");
        return new RuleResult(name, fired, detail);
    }

    private RuleResult FarReappearance(VesselState vessel, double? impliedSpeed, double? displacement)
    {
        var type = vessel.Identity?.ShipType ?? 0;
        var fast = type is >= 20 and <= 29 or >= 40 and <= 49;
        var limit = fast ? _options.MaximumPlausibleSpeedHighSpeedCraftKnots : _options.MaximumPlausibleSpeedKnots;
        var fired = impliedSpeed > limit;
        var detail = impliedSpeed is null
            ? "not evaluated: the vessel has not reappeared"
            : string.Create(CultureInfo.InvariantCulture, $"reappeared {displacement:0.0} nm away, an average of {impliedSpeed:0.0} kn (plausible for ship type {type}: ≤ {limit:0} kn)");
        return new RuleResult("FarReappearance", fired, detail);
    }

    private RuleResult DarkVoyage(Duration duration, double? displacement)
    {
        var minimumHours = _options.DarkVoyageMinimumDuration.TotalHours;
        var minimumDistance = _options.DarkVoyageMinimumDisplacementNauticalMiles;
        var fired = displacement >= minimumDistance && duration >= _options.DarkVoyageMinimumDuration;
        var detail = displacement is null
            ? "not evaluated: the vessel has not reappeared"
            : string.Create(CultureInfo.InvariantCulture, $"moved {displacement:0.0} nm in {duration.TotalHours:0.0} h of silence (fires from {minimumDistance:0} nm and {minimumHours:0} h)");
        return new RuleResult("DarkVoyage", fired, detail);
    }

    private RuleResult NearPortOfConcern(TrackPoint before, TrackPoint? after)
    {
        if (_portsOfConcern.Count == 0)
        {
            return new RuleResult("NearPortOfConcern", false, "no port of concern in the gazetteer");
        }

        var radius = _options.PortOfConcernRadiusNauticalMiles;
        var atStart = _portsOfConcern.Nearest(before.Position, radius);
        var atEnd = after is { } a ? _portsOfConcern.Nearest(a.Position, radius) : null;
        var detail = atStart is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"went silent {s.DistanceNauticalMiles:0.0} nm from {s.Port}")
            : atEnd is { } e
                ? string.Create(CultureInfo.InvariantCulture, $"reappeared {e.DistanceNauticalMiles:0.0} nm from {e.Port}")
                : string.Create(CultureInfo.InvariantCulture, $"no port of concern within {radius:0} nm of either end");
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

    private static string Explain(Duration duration, ReceptionEvidence start, ReceptionEvidence? end, double score, bool open)
    {
        var c = CultureInfo.InvariantCulture;
        var text = string.Create(c, $"{(open ? "Silent for" : "Silent")} {duration.TotalHours:0.0} h{(open ? " so far" : string.Empty)}. Where it went quiet ({Describe(start)}), a silence this long happens {Rarity(start.ChancePerVesselDay)}.");
        if (end is not null)
        {
            text += string.Create(c, $" Where it reappeared ({Describe(end)}): {Rarity(end.ChancePerVesselDay)}.");
        }

        return text + string.Create(c, $" Score {score:0.0} = {(end is null ? "−log10 of that chance" : "mean of −log10 of both chances")}.");
    }

    private static string Rarity(double chancePerVesselDay) => chancePerVesselDay >= 1
        ? "at least daily"
        : string.Create(CultureInfo.InvariantCulture, $"about once per {1 / chancePerVesselDay:#,0} vessel-days");

    private static string Describe(ReceptionEvidence reception) => reception.MedianIntervalSeconds is { } median
        ? string.Create(CultureInfo.InvariantCulture, $"cell {reception.Cell}: moving vessels heard every {FormatSeconds(median)} (median of {reception.Intervals} intervals over {reception.VesselHours:#,0} vessel-hours); {reception.Basis}")
        : $"cell {reception.Cell}: {reception.Basis}";

    private static string FormatSeconds(double seconds) => seconds switch
    {
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.0} h"),
    };

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}
