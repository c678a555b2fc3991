using AisMonitor.Core.Alerts;
using AisMonitor.Core.PortCalls;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Detection;

/// <summary>
/// Transponder gaps: a silence is scored against the reception model when the vessel reappears
/// (closed) or, while it is still silent, when the watermark passes the gap minimum (open); a
/// scored gap is also looked at for a dark port call. The reception model learns from every
/// interval after it has been judged, on the hours the feed was listening, where the vessel was
/// while unheard (halfway between the two reports: a vessel that sailed out of coverage teaches the
/// waters it entered, not the well-heard ones it left), unless other class A vessels were heard there
/// meanwhile (every class A report marks its cell's hour heard) and it is class A too; a vessel
/// silent for the gap minimum counts as a silence under way until it is heard again.
/// </summary>
internal sealed class GapDetector : VesselDetector
{
    private readonly DetectorContext _context;
    private readonly GapScorer _scorer;
    private readonly DarkPortCalls _darkCalls;
    private readonly long _minimumGapMilliseconds;
    private readonly Duration _sweepInterval;
    private readonly List<Alert> _opened = [];

    public GapDetector(DetectionOptions options, PortIndex ports, DetectorContext context)
    {
        _context = context;
        Reception = new ReceptionModel(options.Reception);
        _scorer = new GapScorer(options.Gaps, Reception, ports, () => context.Land);
        var concern = options.Gaps.PortsOfConcern.ToHashSet(StringComparer.OrdinalIgnoreCase);
        _darkCalls = new DarkPortCalls(options.PortCalls, [.. ports.All.Where(p => p.UnLocode is not null && concern.Contains(p.UnLocode)).OrderBy(p => p.UnLocode, StringComparer.Ordinal)]);
        _minimumGapMilliseconds = (long)options.Gaps.MinimumDuration.TotalMilliseconds;
        _sweepInterval = options.Tracking.SweepInterval;
    }

    /// <summary>The reception model learnt so far.</summary>
    public ReceptionModel Reception { get; }

    public override void PositionAccepted(VesselState vessel, in AcceptedPosition position)
    {
        var point = position.Point;
        var classA = !position.ClassB; // class B is heard less well: its silences among class A vessels heard are still coverage
        if (classA)
        {
            Reception.Heard(point.LatitudeDegrees, point.LongitudeDegrees, point.UnixMilliseconds); // the receivers were listening here then
        }

        if (position.Previous is not { } previous)
        {
            return;
        }

        var intervalMilliseconds = point.UnixMilliseconds - previous.UnixMilliseconds;
        var feedSilent = _context.FeedSilent(previous.Time, point.Time, vessel.LastFeed);
        if (intervalMilliseconds >= _minimumGapMilliseconds || vessel.OpenGap is not null)
        {
            Reception.SilenceEnded(previous.LatitudeDegrees, previous.LongitudeDegrees, previous.UnixMilliseconds, vessel.Mmsi.Value);
            var gap = _scorer.Score(vessel, previous, point, point.Time, vessel.OpenGap, feedSilent, classB: !classA);
            _context.Raise(gap);
            vessel.OpenGap = null;
            if (gap is not null)
            {
                _context.Raise(_darkCalls.Find(vessel, previous, point));
            }
        }

        // Learnt after scoring, so that a gap is not judged against itself; like a gap, on the time the feed was listening; halfway.
        var (wayLatitude, wayLongitude) = SilencePath.Midway(previous.LatitudeDegrees, previous.LongitudeDegrees, point.LatitudeDegrees, point.LongitudeDegrees);
        Reception.Observe(wayLatitude, wayLongitude, (intervalMilliseconds / 1000.0) - feedSilent.TotalSeconds, previous.SpeedKnots, point.UnixMilliseconds, classA ? previous.UnixMilliseconds : null);
    }

    public override long? NextLook(VesselState vessel, TrackPoint last, Instant? now)
    {
        if (vessel.OpenGap is not null)
        {
            return null; // looked at again once it is heard
        }

        var due = last.UnixMilliseconds + _minimumGapMilliseconds;
        return now is not { } watermark || due > watermark.ToUnixTimeMilliseconds() ? due : NextAlertWorthyCheck(vessel, last, watermark);
    }

    public override void SilenceDue(VesselState vessel, Instant watermark)
    {
        if (vessel.OpenGap is not null || vessel.LastGood is not { } last || last.UnixMilliseconds + _minimumGapMilliseconds > watermark.ToUnixTimeMilliseconds())
        {
            return;
        }

        if (_scorer.Score(vessel, last, null, watermark, null, _context.FeedSilent(last.Time, watermark, vessel.LastFeed)) is { } alert)
        {
            vessel.OpenGap = alert;
            _opened.Add(alert);
        }

        Reception.SilenceBegan(last.LatitudeDegrees, last.LongitudeDegrees, last.UnixMilliseconds, vessel.Mmsi.Value);
    }

    /// <summary>The gaps a sweep opened are raised together, in time then MMSI order, whatever the order vessels fell due in.</summary>
    public override void SweepEnded(Instant watermark)
    {
        if (_opened.Count == 0)
        {
            return;
        }

        foreach (var alert in _opened.OrderBy(a => a.Start).ThenBy(a => a.Mmsi.Value))
        {
            _context.Raise(alert);
        }

        _opened.Clear();
    }

    /// <summary>
    /// When a silent vessel that is not yet alert-worthy needs its next look: when its silence could
    /// first become alert-worthy as the reception model stands, but no later than half as long again
    /// as it has lasted (the model learns meanwhile), and never before the next sweep. A satellite
    /// feed's silent vessels so cost two or three looks per silence rather than one per sweep.
    /// </summary>
    private long NextAlertWorthyCheck(VesselState vessel, TrackPoint last, Instant watermark)
    {
        var silentFor = watermark - last.Time;
        var latest = silentFor + Duration.FromTicks(Math.Max(silentFor.BclCompatibleTicks / 2, _sweepInterval.BclCompatibleTicks));
        var due = _scorer.EarliestAlertWorthy(vessel, last, silentFor + _sweepInterval, latest) ?? latest;
        return last.UnixMilliseconds + (long)due.TotalMilliseconds;
    }
}
