namespace AisMonitor.Core.Detection;

/// <summary>How the reception model learns. Every value is an option with this default.</summary>
public sealed record ReceptionOptions
{
    /// <summary>Grid cell size in degrees. Default 1° (about 60 nm north–south).</summary>
    public double CellSizeDegrees { get; init; } = 1.0;

    /// <summary>Only intervals that start at this speed or more are learnt (moored vessels report on their own schedule). Default 1 kn.</summary>
    public double MovingSpeedKnots { get; init; } = 1.0;

    /// <summary>How many intervals of the whole feed a cell's own intervals are weighed against (Bayesian smoothing). Default 50.</summary>
    public double PriorWeight { get; init; } = 50;

    /// <summary>Intervals longer than this are not learnt (a vessel laid up). Default 30 days.</summary>
    public double MaxIntervalDays { get; init; } = 30;

    /// <summary>Tail probability assumed before the feed has taught anything. Default 0.1: an unknown place makes no silence surprising.</summary>
    public double UninformedTailProbability { get; init; } = 0.1;

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        if (CellSizeDegrees is <= 0 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(CellSizeDegrees), CellSizeDegrees, "Reception:CellSizeDegrees must be in (0, 30].");
        }

        if (PriorWeight < 0 || MovingSpeedKnots < 0 || MaxIntervalDays <= 0 || UninformedTailProbability is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PriorWeight), "Reception options must be non-negative, MaxIntervalDays positive and UninformedTailProbability in (0, 1].");
        }
    }
}
