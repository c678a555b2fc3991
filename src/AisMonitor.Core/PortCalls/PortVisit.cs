using AisMonitor.Core.Alerts;
using AisMonitor.Core.Ports;
using NodaTime;

namespace AisMonitor.Core.PortCalls;

/// <summary>A vessel's stay inside a port's radius, before and while it is a call. Owned by the vessel's partition.</summary>
internal sealed class PortVisit(Port port, double exitRadiusNauticalMiles, Instant arrival)
{
    public Port Port { get; } = port;

    public double ExitRadiusNauticalMiles { get; } = exitRadiusNauticalMiles;

    public Instant Arrival { get; } = arrival;

    /// <summary>The place's time zone (looked up when first needed: most visits never become calls).</summary>
    public DateTimeZone TimeZone => PlaceTimeZones.ZoneOf(Port);

    public bool IsCall { get; set; }

    public bool Stopped { get; set; }

    public Instant LastTime { get; set; } = arrival;

    public Duration StoppedTotal { get; set; }

    public List<PortGap> PortGaps { get; } = [];

    public PortGap? OpenPortGap => PortGaps.Count > 0 && PortGaps[^1].End is null ? PortGaps[^1] : null;

    /// <summary>Factors known at the call's start (they do not change while it lasts).</summary>
    public List<(RuleResult Rule, double Weight)>? ArrivalFactors { get; set; }

    public Alert? UnusualAlert { get; set; }
}

/// <summary>A transponder gap remembered until the vessel's next call.</summary>
/// <param name="End">When it ended.</param>
/// <param name="Hours">How long it lasted.</param>
/// <param name="DisplacementNauticalMiles">How far the vessel moved while silent.</param>
public sealed record RecentGap(Instant End, double Hours, double DisplacementNauticalMiles);

/// <summary>A port visit as data (engine snapshots).</summary>
public sealed record VisitSnapshot(
    Port Port,
    double ExitRadiusNauticalMiles,
    Instant Arrival,
    bool IsCall,
    bool Stopped,
    Instant LastTime,
    double StoppedSeconds,
    IReadOnlyList<PortGap> PortGaps,
    IReadOnlyList<WeightedRule>? ArrivalFactors,
    Alert? UnusualAlert)
{
    internal static VisitSnapshot From(PortVisit v) => new(
        v.Port, v.ExitRadiusNauticalMiles, v.Arrival, v.IsCall, v.Stopped, v.LastTime, v.StoppedTotal.TotalSeconds, [.. v.PortGaps],
        v.ArrivalFactors?.Select(f => new WeightedRule(f.Rule, f.Weight)).ToList(), v.UnusualAlert);

    /// <summary>The visit, its place taken from <paramref name="places"/> (a snapshot does not carry polygons) when indexed there.</summary>
    internal PortVisit ToVisit(PortIndex places)
    {
        var visit = new PortVisit(places.Find(Port.Key) ?? Port, ExitRadiusNauticalMiles, Arrival)
        {
            IsCall = IsCall,
            Stopped = Stopped,
            LastTime = LastTime,
            StoppedTotal = Duration.FromSeconds(StoppedSeconds),
            ArrivalFactors = ArrivalFactors?.Select(f => (f.Rule, f.Weight)).ToList(),
            UnusualAlert = UnusualAlert,
        };
        visit.PortGaps.AddRange(PortGaps);
        return visit;
    }
}

/// <summary>A factor of a port call's score with its weight.</summary>
/// <param name="Rule">The factor.</param>
/// <param name="Weight">Its weight.</param>
public sealed record WeightedRule(RuleResult Rule, double Weight);
