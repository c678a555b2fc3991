using NodaTime;

namespace AisMonitor.Core.Simulation;

/// <summary>
/// A simulation scenario: vessels with identities, routes, speeds and transmit-off windows,
/// reception by area, and optional ambient traffic. Everything random is drawn from
/// <see cref="Seed"/>, so a scenario always gives the same feed.
/// </summary>
public sealed record Scenario
{
    /// <summary>Name, for the record.</summary>
    public string Name { get; init; } = "scenario";

    /// <summary>First instant simulated.</summary>
    public required Instant Start { get; init; }

    /// <summary>End of the simulation (exclusive).</summary>
    public required Instant End { get; init; }

    /// <summary>Seed of every random draw.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The vessels the scenario is about.</summary>
    public IReadOnlyList<SimulatedVessel> Vessels { get; init; } = [];

    /// <summary>Where transmissions are received, and how reliably; the first area that contains a position applies.</summary>
    public IReadOnlyList<ReceptionArea> Reception { get; init; } = [];

    /// <summary>Chance that a transmission outside every reception area is received. Default 0.</summary>
    public double DefaultReceptionProbability { get; init; }

    /// <summary>Random background traffic.</summary>
    public AmbientTraffic? Ambient { get; init; }
}

/// <summary>A vessel with its identity, route and transmitter behaviour.</summary>
public sealed record SimulatedVessel
{
    /// <summary>MMSI.</summary>
    public required uint Mmsi { get; init; }

    /// <summary>IMO number (0 = none).</summary>
    public uint Imo { get; init; }

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Call sign.</summary>
    public string? CallSign { get; init; }

    /// <summary>ITU ship type. Default 70 (cargo).</summary>
    public byte ShipType { get; init; } = 70;

    /// <summary>"A" (types 1 and 5) or "B" (types 18 and 24). Default A.</summary>
    public string TransceiverClass { get; init; } = "A";

    /// <summary>Length overall in metres. Default 100.</summary>
    public int LengthMetres { get; init; } = 100;

    /// <summary>Beam in metres. Default 16.</summary>
    public int BeamMetres { get; init; } = 16;

    /// <summary>Draught in metres. Default 6.</summary>
    public double DraughtMetres { get; init; } = 6;

    /// <summary>Destination broadcast in type 5.</summary>
    public string? Destination { get; init; }

    /// <summary>Seconds between position reports. Default 60.</summary>
    public double ReportIntervalSeconds { get; init; } = 60;

    /// <summary>Seconds between static reports. Default 360 (ITU: every 6 minutes).</summary>
    public double StaticIntervalSeconds { get; init; } = 360;

    /// <summary>The route: the vessel starts at the first waypoint at the scenario start.</summary>
    public required IReadOnlyList<Waypoint> Route { get; init; }

    /// <summary>Windows in which the transponder is off.</summary>
    public IReadOnlyList<TimeWindow> TransmitOff { get; init; } = [];

    /// <summary>Identities the vessel takes on during the scenario (a new name, IMO, call sign, or MMSI and so flag), each from its instant on, in time order.</summary>
    public IReadOnlyList<IdentitySwitch> IdentitySwitches { get; init; } = [];

    /// <summary>Windows in which the vessel reports positions that are not where it is (it is still heard where it really is).</summary>
    public IReadOnlyList<PositionSpoof> PositionSpoofs { get; init; } = [];
}

/// <summary>How spoofed positions are drawn.</summary>
public enum SpoofPattern
{
    /// <summary>Every <see cref="PositionSpoof.EveryReports"/>-th report jumps away and the next comes back.</summary>
    Jumps,

    /// <summary>Every report lies on a circle, sailed clockwise at <see cref="PositionSpoof.SpeedKnots"/>.</summary>
    Circle,
}

/// <summary>From <see cref="From"/> to <see cref="To"/> the vessel reports positions that are not its own.</summary>
public sealed record PositionSpoof
{
    /// <summary>Start of the window.</summary>
    public required Instant From { get; init; }

    /// <summary>End of the window (exclusive).</summary>
    public required Instant To { get; init; }

    /// <summary>How the positions are drawn. Default jumps.</summary>
    public SpoofPattern Pattern { get; init; } = SpoofPattern.Jumps;

    /// <summary>The circle's centre, or the one place every jump lands at; null: the true position at <see cref="From"/> for a circle, a random direction for each jump.</summary>
    public double? Latitude { get; init; }

    /// <summary>See <see cref="Latitude"/>.</summary>
    public double? Longitude { get; init; }

    /// <summary>The circle's radius in nautical miles. Default 0.5.</summary>
    public double RadiusNauticalMiles { get; init; } = 0.5;

    /// <summary>The speed reported and sailed around the circle, knots. Default 10.</summary>
    public double SpeedKnots { get; init; } = 10;

    /// <summary>Jumps: one report in this many. Default 10.</summary>
    public int EveryReports { get; init; } = 10;

    /// <summary>Jumps in a random direction: this far from the true position, nautical miles. Default 150.</summary>
    public double JumpNauticalMiles { get; init; } = 150;
}

/// <summary>From <see cref="From"/> on, the vessel transmits with these fields instead (the others unchanged); its next static report goes out at once.</summary>
public sealed record IdentitySwitch
{
    /// <summary>When the new identity is set.</summary>
    public required Instant From { get; init; }

    /// <summary>The new MMSI (a new flag when its first three digits change), or null to keep it.</summary>
    public uint? Mmsi { get; init; }

    /// <summary>The new IMO, or null to keep it.</summary>
    public uint? Imo { get; init; }

    /// <summary>The new name, or null to keep it.</summary>
    public string? Name { get; init; }

    /// <summary>The new call sign, or null to keep it.</summary>
    public string? CallSign { get; init; }
}

/// <summary>A point of a route: reached at <see cref="SpeedKnots"/> from the previous one, then left after <see cref="DwellHours"/> (or at <see cref="DepartAt"/>).</summary>
public sealed record Waypoint
{
    /// <summary>Latitude in degrees.</summary>
    public required double Latitude { get; init; }

    /// <summary>Longitude in degrees.</summary>
    public required double Longitude { get; init; }

    /// <summary>Speed of the leg that ends here, in knots. Default 12.</summary>
    public double SpeedKnots { get; init; } = 12;

    /// <summary>Hours spent here (moored) before the next leg.</summary>
    public double DwellHours { get; init; }

    /// <summary>If set, the vessel leaves this waypoint at this instant (overrides <see cref="DwellHours"/>).</summary>
    public Instant? DepartAt { get; init; }

    /// <summary>Name, for readers of the scenario.</summary>
    public string? Name { get; init; }
}

/// <summary>A half-open window [From, To).</summary>
public sealed record TimeWindow(Instant From, Instant To);

/// <summary>
/// A rectangle in which transmissions are received with a probability, by a receiver named after it.
/// A terrestrial area listens all the time; a satellite area (<see cref="PassEveryHours"/> set)
/// only during passes of <see cref="PassMinutes"/> that follow each other at random intervals
/// within the given range, the same passes for every vessel in the area.
/// </summary>
public sealed record ReceptionArea(string Name, double South, double West, double North, double East, double Probability)
{
    /// <summary>Satellite revisit: the shortest and longest hours from one pass to the next (e.g. [1, 3]); null for a terrestrial receiver that always listens.</summary>
    public IReadOnlyList<double>? PassEveryHours { get; init; }

    /// <summary>How long a satellite pass hears the area, in minutes. Default 10.</summary>
    public double PassMinutes { get; init; } = 10;

    /// <summary>True when the position is inside.</summary>
    public bool Contains(double latitude, double longitude) => latitude >= South && latitude <= North && longitude >= West && longitude <= East;
}

/// <summary>Background vessels shuttling between random points of the given areas.</summary>
public sealed record AmbientTraffic
{
    /// <summary>Number of vessels, spread over the areas in turn.</summary>
    public int Count { get; init; }

    /// <summary>Areas the vessels sail in (each stays in its own).</summary>
    public IReadOnlyList<ReceptionArea> Areas { get; init; } = [];

    /// <summary>Slowest speed in knots. Default 8.</summary>
    public double MinimumSpeedKnots { get; init; } = 8;

    /// <summary>Fastest speed in knots. Default 16.</summary>
    public double MaximumSpeedKnots { get; init; } = 16;

    /// <summary>Seconds between position reports. Default 180.</summary>
    public double ReportIntervalSeconds { get; init; } = 180;

    /// <summary>Seconds between static reports. Default 3600.</summary>
    public double StaticIntervalSeconds { get; init; } = 3600;

    /// <summary>Maritime Identification Digits to draw MMSIs from. Default Korea, Japan, China, Russia, Panama, Liberia.</summary>
    public IReadOnlyList<int> Mids { get; init; } = [440, 431, 412, 273, 351, 636];

    /// <summary>Ship types to draw from. Default cargo and tanker.</summary>
    public IReadOnlyList<byte> ShipTypes { get; init; } = [70, 80];
}
