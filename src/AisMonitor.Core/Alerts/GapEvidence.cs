namespace AisMonitor.Core.Alerts;

/// <summary>The facts behind a transponder-gap alert.</summary>
public sealed record GapEvidence
{
    /// <summary>Last good position before the silence.</summary>
    public required PositionEvidence LastBefore { get; init; }

    /// <summary>First good position after it (null while the gap is open).</summary>
    public PositionEvidence? FirstAfter { get; init; }

    /// <summary>Length of the silence in hours (to the watermark while open).</summary>
    public required double DurationHours { get; init; }

    /// <summary>Hours of the silence during which the whole feed was silent (a feed outage): not counted when the gap is judged; null when none.</summary>
    public double? FeedOutageHours { get; init; }

    /// <summary>Great-circle displacement between the two positions, in nautical miles.</summary>
    public double? DisplacementNauticalMiles { get; init; }

    /// <summary>The same displacement in kilometres.</summary>
    public double? DisplacementKilometres { get; init; }

    /// <summary>Displacement divided by duration, in knots: the least average speed the vessel needed.</summary>
    public double? ImpliedSpeedKnots { get; init; }

    /// <summary>Distance from the last position to the shore of the coastline in use, nautical miles, up to 200 (200 means 200 or more); null without a coastline.</summary>
    public double? DistanceFromShoreBeforeNauticalMiles { get; init; }

    /// <summary>Nearest known port to the last position, with its distance in nautical miles.</summary>
    public string? NearestPortBefore { get; init; }

    /// <summary>Distance to <see cref="NearestPortBefore"/> in nautical miles.</summary>
    public double? NearestPortBeforeNauticalMiles { get; init; }

    /// <summary>Nearest known port to the first position after.</summary>
    public string? NearestPortAfter { get; init; }

    /// <summary>Distance to <see cref="NearestPortAfter"/> in nautical miles.</summary>
    public double? NearestPortAfterNauticalMiles { get; init; }

    /// <summary>Reception where the gap started.</summary>
    public required ReceptionEvidence ReceptionAtStart { get; init; }

    /// <summary>Reception where it ended.</summary>
    public ReceptionEvidence? ReceptionAtEnd { get; init; }

    /// <summary>Reception halfway between where it started and where it ended (or, while open, <see cref="HeadedFor"/>); null while open without a course to follow.</summary>
    public ReceptionEvidence? ReceptionHalfway { get; init; }

    /// <summary>While the gap is open: where the vessel's last course and speed would have taken it by now (null once it reappeared, or without a course).</summary>
    public Geo.GeoPoint? HeadedFor { get; init; }

    /// <summary>Reception at <see cref="HeadedFor"/>.</summary>
    public ReceptionEvidence? ReceptionWhereHeaded { get; init; }

    /// <summary>The positions before the gap (oldest first, the last one included) and the first after it.</summary>
    public required IReadOnlyList<PositionEvidence> Positions { get; init; }
}
