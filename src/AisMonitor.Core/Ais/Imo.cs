namespace AisMonitor.Core.Ais;

/// <summary>
/// An IMO ship identification number: seven digits whose last digit is a check digit
/// (sum of the first six digits weighted 7,6,5,4,3,2, modulo 10; IMO Resolution A.1117(30)).
/// Only numbers that pass the check can be created, so a match on <see cref="Imo"/> is a match
/// on a real identifier, never on a typo.
/// </summary>
public readonly record struct Imo
{
    private Imo(int value) => Value = value;

    /// <summary>The seven-digit number.</summary>
    public int Value { get; }

    /// <summary>True when <paramref name="value"/> has seven digits and a correct check digit.</summary>
    public static bool IsValid(long value)
    {
        if (value is < 1_000_000 or > 9_999_999)
        {
            return false;
        }

        var digits = (int)value;
        var check = digits % 10;
        var rest = digits / 10;
        var sum = 0;
        for (var weight = 2; weight <= 7; weight++)
        {
            sum += rest % 10 * weight;
            rest /= 10;
        }

        return sum % 10 == check;
    }

    /// <summary>Creates an IMO number when it is valid.</summary>
    public static bool TryCreate(long value, out Imo imo)
    {
        imo = IsValid(value) ? new Imo((int)value) : default;
        return imo.Value != 0;
    }

    /// <summary>Parses "9179842" or "IMO9179842" (any case, surrounding spaces ignored).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Imo imo)
    {
        imo = default;
        text = text.Trim();
        if (text.StartsWith("IMO", StringComparison.OrdinalIgnoreCase))
        {
            text = text[3..].TrimStart();
        }

        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && TryCreate(value, out imo);
    }

    /// <summary>The seven digits.</summary>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
