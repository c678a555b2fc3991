namespace AisMonitor.Core.Ais;

/// <summary>
/// A Maritime Mobile Service Identity: the 30-bit station identifier every AIS message carries
/// (ITU-R M.1371-5, ITU-R M.585). Any 30-bit value is representable because AIS can transmit it;
/// whether it is a plausible ship identity is a separate question (<see cref="IsShipStation"/>),
/// answered by tracking, not by the decoder.
/// </summary>
public readonly record struct Mmsi
{
    /// <summary>The largest value a 30-bit AIS MMSI field can hold.</summary>
    public const uint MaxValue = (1u << 30) - 1;

    /// <summary>Creates an MMSI; throws when the value does not fit the 30-bit AIS field.</summary>
    public Mmsi(uint value)
    {
        if (value > MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "An MMSI is a 30-bit number (at most 1073741823).");
        }

        Value = value;
    }

    /// <summary>The numeric identity.</summary>
    public uint Value { get; }

    /// <summary>
    /// The Maritime Identification Digits (country) of a ship station: the first three of nine
    /// digits (MID 201–775), or null when the MMSI is not in the ship-station range.
    /// </summary>
    public int? MaritimeIdentificationDigits => IsShipStation ? (int)(Value / 1_000_000) : null;

    /// <summary>True for 9-digit identities whose first digit is 2–7 (ship stations, ITU-R M.585).</summary>
    public bool IsShipStation => Value is >= 200_000_000 and <= 799_999_999;

    /// <summary>Parses a decimal MMSI; returns false for anything that is not 1–9 digits within the 30-bit range.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Mmsi mmsi)
    {
        mmsi = default;
        text = text.Trim();
        if (text.IsEmpty || text.Length > 10 || !uint.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value > MaxValue)
        {
            return false;
        }

        mmsi = new Mmsi(value);
        return true;
    }

    /// <summary>The MMSI as nine digits with leading zeros (coast stations start with 00).</summary>
    public override string ToString() => Value.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
}
