using NodaTime;

namespace AisMonitor.Core.Alerts;

/// <summary>
/// How alert evidence is rounded for people: times to the second, rates and chances to three
/// significant digits. Decisions use the exact values; only what an alert shows is rounded.
/// </summary>
public static class Presentation
{
    /// <summary>The instant truncated to its whole second (towards the past).</summary>
    public static Instant ToWholeSecond(Instant instant) =>
        instant.PlusTicks(-(((instant.ToUnixTimeTicks() % NodaConstants.TicksPerSecond) + NodaConstants.TicksPerSecond) % NodaConstants.TicksPerSecond));

    /// <summary><see cref="ToWholeSecond(Instant)"/> of a value that may be missing.</summary>
    public static Instant? ToWholeSecond(Instant? instant) => instant is { } value ? ToWholeSecond(value) : null;

    /// <summary>The value to <paramref name="digits"/> significant digits (0, infinities and NaN unchanged).</summary>
    public static double Significant(double value, int digits = 3)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        // Divided or multiplied by an exact power of ten, so the result is the double nearest the rounded decimal.
        var exponent = digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        return exponent >= 0
            ? Math.Round(value * Math.Pow(10, exponent)) / Math.Pow(10, exponent)
            : Math.Round(value / Math.Pow(10, -exponent)) * Math.Pow(10, -exponent);
    }
}
