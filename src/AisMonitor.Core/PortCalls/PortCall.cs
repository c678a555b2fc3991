using AisMonitor.Core.Ais;
using AisMonitor.Core.Ports;
using NodaTime;

namespace AisMonitor.Core.PortCalls;

/// <summary>
/// One call of a vessel at a port: every call is recorded, unusual or not, because an analyst
/// needs a vessel's port history. Emitted when it becomes a call (open) and when the vessel
/// leaves (closed); <see cref="Id"/> stays the same. Its times are whole seconds.
/// </summary>
public sealed record PortCall
{
    private readonly Instant _arrival;
    private readonly Instant? _departure;
    private readonly Instant? _lastSeenInPort;

    /// <summary>"MMSI:place:arrival", the place by its <see cref="Port.Key"/>.</summary>
    public string Id => $"{Mmsi}:{Port.Key}:{NodaTime.Text.InstantPattern.ExtendedIso.Format(Arrival)}";

    /// <summary>The vessel.</summary>
    public required Mmsi Mmsi { get; init; }

    /// <summary>Its IMO number, when known.</summary>
    public Imo? Imo { get; init; }

    /// <summary>Its name at the time.</summary>
    public string? VesselName { get; init; }

    /// <summary>The port.</summary>
    public required Port Port { get; init; }

    /// <summary>First position inside the port.</summary>
    public required Instant Arrival { get => _arrival; init => _arrival = Alerts.Presentation.ToWholeSecond(value); }

    /// <summary>
    /// First position outside the exit radius; null while the vessel is in port (or silent there).
    /// When the vessel was silent before it (<see cref="DepartureKnown"/> false), it left between
    /// <see cref="LastSeenInPort"/> and this, the latest it can have been.
    /// </summary>
    public Instant? Departure { get => _departure; init => _departure = Alerts.Presentation.ToWholeSecond(value); }

    /// <summary>False when the departure is only known from a reappearance outside after a silence of at least the port-gap minimum: the vessel left at some time between <see cref="LastSeenInPort"/> and <see cref="Departure"/>.</summary>
    public bool DepartureKnown { get; init; } = true;

    /// <summary>The last position in port, when <see cref="DepartureKnown"/> is false.</summary>
    public Instant? LastSeenInPort { get => _lastSeenInPort; init => _lastSeenInPort = Alerts.Presentation.ToWholeSecond(value); }

    /// <summary>The place's time zone (IANA), for display.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Arrival in the place's local time, with its offset (for display; <see cref="Arrival"/> is the data).</summary>
    public string? LocalArrival { get; init; }

    /// <summary>Departure in local time, when it has happened.</summary>
    public string? LocalDeparture { get; init; }

    /// <summary>Hours stopped (below the stop speed) during the call.</summary>
    public double StoppedHours { get; init; }

    /// <summary>Silences inside the port of at least the port-gap minimum.</summary>
    public IReadOnlyList<PortGap> PortGaps { get; init; } = [];
}

/// <summary>A silence inside a port.</summary>
/// <param name="Start">Last position before it.</param>
/// <param name="End">First position after it; null while it lasts.</param>
/// <param name="Hours">Its length so far.</param>
public sealed record PortGap(Instant Start, Instant? End, double Hours)
{
    /// <summary>Last position before it, to the second.</summary>
    public Instant Start { get; init; } = Alerts.Presentation.ToWholeSecond(Start);

    /// <summary>First position after it, to the second.</summary>
    public Instant? End { get; init; } = Alerts.Presentation.ToWholeSecond(End);
}
