using AisMonitor.Core.Ais;

namespace AisMonitor.Core.Tracking;

/// <summary>
/// MMSIs that cannot identify one ship: tracked as identity conflicts, never as transponder gaps.
/// A ship station has nine digits starting 2–7 (ITU-R M.585); anything else (coast stations,
/// aids to navigation, SAR aircraft, craft associated with a parent ship) is not a vessel whose
/// silence means anything here.
/// </summary>
public static class IdentityRules
{
    /// <summary>Why this MMSI cannot identify a single vessel, or null when it can.</summary>
    public static string? ConflictReason(Mmsi mmsi)
    {
        var digits = mmsi.ToString();
        if (mmsi.Value == 0 || digits.Distinct().Count() == 1 || digits == "123456789")
        {
            return $"MMSI {digits} is a placeholder pattern, not an assigned identity.";
        }

        if (!mmsi.IsShipStation)
        {
            return null; // a coast station, aid to navigation, SAR aircraft…: not tracked for gaps, not a conflict either
        }

        if (FlagStates.CountryOf(mmsi) is null)
        {
            return $"MMSI {digits} has Maritime Identification Digits {digits[..3]} that no administration holds: an invalid or made-up identity.";
        }

        if (digits[3..] == "000000")
        {
            return $"MMSI {digits} is the country prefix followed by zeros, the value many transponders are left at: it is shared by unrelated vessels.";
        }

        return null;
    }

    /// <summary>
    /// True when silence of this station can be a transponder gap: a ship station with no identity
    /// conflict. The same rules as <see cref="ConflictReason"/>, in arithmetic: called for every message.
    /// </summary>
    public static bool IsTrackedForGaps(Mmsi mmsi)
    {
        var value = mmsi.Value;
        return mmsi.IsShipStation
            && value % 111_111_111 != 0 // nine equal digits
            && value != 123_456_789
            && value % 1_000_000 != 0 // country prefix and zeros
            && FlagStates.CountryOfMid((int)(value / 1_000_000)) is not null;
    }
}
