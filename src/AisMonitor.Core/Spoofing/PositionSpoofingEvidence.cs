using AisMonitor.Core.Alerts;

namespace AisMonitor.Core.Spoofing;

/// <summary>The facts behind a position-spoofing alert.</summary>
public sealed record PositionSpoofingEvidence
{
    /// <summary>Positions that jumped where no ship could go and came back, in the episode.</summary>
    public required int JumpCount { get; init; }

    /// <summary>The jumps (the latest 20): where the vessel was, where it jumped to, how far and how fast that would be.</summary>
    public required IReadOnlyList<PositionJump> Jumps { get; init; }

    /// <summary>Loops in a row around one place (0 when none).</summary>
    public required int LoopCount { get; init; }

    /// <summary>The loops (the latest 20): where and when each closed, how long it took, its radius.</summary>
    public required IReadOnlyList<PositionLoop> Loops { get; init; }
}

/// <summary>A position no ship could reach from the one before, followed by a return to the track.</summary>
/// <param name="From">The last trusted position before it.</param>
/// <param name="To">The position it jumped to.</param>
/// <param name="DistanceNauticalMiles">From one to the other.</param>
/// <param name="ImpliedSpeedKnots">The speed the jump would take (null when no time passed).</param>
public sealed record PositionJump(PositionEvidence From, PositionEvidence To, double DistanceNauticalMiles, double? ImpliedSpeedKnots);

/// <summary>A full turn of the course made good.</summary>
/// <param name="ClosedAt">The position where the turn reached 360°.</param>
/// <param name="Minutes">How long the loop took.</param>
/// <param name="RadiusNauticalMiles">Its radius, from the speed and the time it took.</param>
/// <param name="Clockwise">True for a turn to starboard.</param>
public sealed record PositionLoop(PositionEvidence ClosedAt, double Minutes, double RadiusNauticalMiles, bool Clockwise);
