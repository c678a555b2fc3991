using AisMonitor.Core.Ais;
using NodaTime;

namespace AisMonitor.Core.Tracking;

/// <summary>What a vessel says about itself (types 5, 19 and 24, CSV identity columns), merged over time.</summary>
public sealed record VesselIdentity
{
    /// <summary>Ship name.</summary>
    public string? Name { get; init; }

    /// <summary>Call sign.</summary>
    public string? CallSign { get; init; }

    /// <summary>IMO number, when a valid one was transmitted.</summary>
    public Imo? Imo { get; init; }

    /// <summary>ITU ship type code (0 = unknown).</summary>
    public byte ShipType { get; init; }

    /// <summary>Overall length in metres.</summary>
    public double? LengthMetres { get; init; }

    /// <summary>Draught in metres.</summary>
    public double? DraughtMetres { get; init; }

    /// <summary>Destination as entered by the crew.</summary>
    public string? Destination { get; init; }

    /// <summary>When this identity was last changed.</summary>
    public Instant? ChangedAt { get; init; }
}
