namespace AisMonitor.Core.Detection;

/// <summary>How the reception model learns. Every value is an option with this default.</summary>
public sealed record ReceptionOptions
{
    /// <summary>Grid cell size in degrees. Default 1° (about 60 nm north–south).</summary>
    public double CellSizeDegrees { get; init; } = 1.0;

    /// <summary>Only intervals that start at this speed or more are learnt (moored vessels report on their own schedule). Default 1 kn.</summary>
    public double MovingSpeedKnots { get; init; } = 1.0;

    /// <summary>How many vessel-hours of the whole feed's experience a cell starts with, before its own (Bayesian prior). Default 24.</summary>
    public double PriorWeightHours { get; init; } = 24;

    /// <summary>Intervals longer than this are not learnt (a vessel laid up). Default 30 days.</summary>
    public double MaxIntervalDays { get; init; } = 30;

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        if (CellSizeDegrees is <= 0 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(CellSizeDegrees), CellSizeDegrees, "Reception:CellSizeDegrees must be in (0, 30].");
        }

        if (PriorWeightHours <= 0 || MovingSpeedKnots < 0 || MaxIntervalDays <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PriorWeightHours), "Reception:PriorWeightHours and MaxIntervalDays must be positive, MovingSpeedKnots not negative.");
        }
    }
}
