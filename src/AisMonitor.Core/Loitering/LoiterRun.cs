using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Loitering;

/// <summary>A vessel's slow run in progress: where it began, the last interval judged slow, how far it has moved.</summary>
internal sealed class LoiterRun(TrackPoint start, double? silentBeforeHours)
{
    public TrackPoint Start { get; } = start;

    /// <summary>The start of the interval being judged (the end of the last slow one).</summary>
    public TrackPoint IntervalStart { get; set; } = start;

    /// <summary>The latest position heard in it.</summary>
    public TrackPoint Last { get; set; } = start;

    public double DistanceNauticalMiles { get; set; }

    public double? SilentBeforeHours { get; } = silentBeforeHours;

    public double? ShoreNauticalMiles { get; set; }

    public Instant? FirstRaised { get; set; }

    /// <summary>The positions shown as evidence: the start, then the end of each slow interval. Made when first asked for (an interval's end): most runs end before one, and a run that allocates nothing more than itself costs the collector less.</summary>
    public List<PositionEvidence> Track => _track ??= [PositionEvidence.From(Start)];

    private List<PositionEvidence>? _track;

    public LoiterSnapshot ToSnapshot() => new(Detection.TrackPointSnapshot.From(Start), Detection.TrackPointSnapshot.From(IntervalStart), Detection.TrackPointSnapshot.From(Last), DistanceNauticalMiles, SilentBeforeHours, ShoreNauticalMiles, FirstRaised, [.. Track]);

    public static LoiterRun From(LoiterSnapshot s)
    {
        var run = new LoiterRun(s.Start.ToPoint(), s.SilentBeforeHours)
        {
            IntervalStart = s.IntervalStart.ToPoint(),
            Last = s.Last.ToPoint(),
            DistanceNauticalMiles = s.DistanceNauticalMiles,
            ShoreNauticalMiles = s.ShoreNauticalMiles,
            FirstRaised = s.FirstRaised,
        };
        run.Track.Clear();
        run.Track.AddRange(s.Track);
        return run;
    }
}

/// <summary>A slow run as data (engine snapshots).</summary>
public sealed record LoiterSnapshot(
    Detection.TrackPointSnapshot Start,
    Detection.TrackPointSnapshot IntervalStart,
    Detection.TrackPointSnapshot Last,
    double DistanceNauticalMiles,
    double? SilentBeforeHours,
    double? ShoreNauticalMiles,
    Instant? FirstRaised,
    IReadOnlyList<PositionEvidence> Track);
