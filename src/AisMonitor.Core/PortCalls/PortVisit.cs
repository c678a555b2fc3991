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
internal sealed record RecentGap(Instant End, double Hours, double DisplacementNauticalMiles);
