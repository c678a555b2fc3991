using AisMonitor.Core.Ais;
using AisMonitor.Core.Geo;
using NodaTime;

namespace AisMonitor.Core.Alerts;

/// <summary>
/// An alert with its evidence. Its <see cref="Id"/> is derived from what it is about (kind, MMSI,
/// start instant), so a replay, a restart or a redelivery updates the same alert instead of adding
/// another; an open gap keeps its id when it closes. Its times are whole seconds (<see cref="Presentation"/>).
/// </summary>
public sealed record Alert
{
    private readonly Instant _start;
    private readonly Instant? _end;
    private readonly Instant _firstRaised;
    private readonly Instant _lastUpdated;

    /// <summary>"TransponderGap:273210440:2024-02-01T00:00:00Z".</summary>
    public string Id => $"{Kind}:{Mmsi}:{NodaTime.Text.InstantPattern.ExtendedIso.Format(Start)}";

    /// <summary>What the alert is about.</summary>
    public required AlertKind Kind { get; init; }

    /// <summary>The vessel.</summary>
    public required Mmsi Mmsi { get; init; }

    /// <summary>IMO number at the time, when known.</summary>
    public Imo? Imo { get; init; }

    /// <summary>Vessel name at the time, when known.</summary>
    public string? VesselName { get; init; }

    /// <summary>Start of the interval the alert covers (a gap: the last position before it).</summary>
    public required Instant Start { get => _start; init => _start = Presentation.ToWholeSecond(value); }

    /// <summary>End of the interval (a gap: the first position after it); null while open. The interval is half-open [Start, End).</summary>
    public Instant? End { get => _end; init => _end = Presentation.ToWholeSecond(value); }

    /// <summary>True while the condition lasts (a vessel still silent).</summary>
    public bool IsOpen => End is null;

    /// <summary>Severity, decided by <see cref="SeverityReason"/>.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Why this severity.</summary>
    public required string SeverityReason { get; init; }

    /// <summary>Score: −log10 of the probability of the silence where it happened (higher is more surprising).</summary>
    public double Score { get; init; }

    /// <summary>How the score came about, in words.</summary>
    public required string ScoreExplanation { get; init; }

    /// <summary>Every rule evaluated, fired or not.</summary>
    public IReadOnlyList<RuleResult> Rules { get; init; } = [];

    /// <summary>Where it happened (a gap: the last position before it).</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>Gap evidence (gap alerts).</summary>
    public GapEvidence? Gap { get; init; }

    /// <summary>The call, for port-call alerts.</summary>
    public PortCalls.PortCall? PortCall { get; init; }

    /// <summary>The reachable ports of concern, for possible dark port calls.</summary>
    public PortCalls.DarkPortCallEvidence? DarkPortCall { get; init; }

    /// <summary>The watch-list entries the vessel matched (by IMO or MMSI) when the alert was raised or updated; null when none.</summary>
    public IReadOnlyList<WatchLists.WatchListMatch>? WatchLists { get; init; }

    /// <summary>For an encounter: both vessels, how close, how long, their tracks and the silences around it.</summary>
    public Encounters.EncounterEvidence? Encounter { get; init; }

    /// <summary>For an identity change: every change, the flags, the silence before and where it happened.</summary>
    public Identity.IdentityChangeEvidence? IdentityChange { get; init; }

    /// <summary>For one MMSI heard from two ships at once: both tracks.</summary>
    public Detection.SharedMmsiEvidence? SharedMmsi { get; init; }

    /// <summary>For loitering: how long, how slow, how far from shore, the silences around it, the track.</summary>
    public Loitering.LoiteringEvidence? Loitering { get; init; }

    /// <summary>For position spoofing: the jumps and loops seen.</summary>
    public Spoofing.PositionSpoofingEvidence? PositionSpoofing { get; init; }

    /// <summary>Event time when the alert was first raised.</summary>
    public required Instant FirstRaised { get => _firstRaised; init => _firstRaised = Presentation.ToWholeSecond(value); }

    /// <summary>Event time of the latest change.</summary>
    public required Instant LastUpdated { get => _lastUpdated; init => _lastUpdated = Presentation.ToWholeSecond(value); }
}
