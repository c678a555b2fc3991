namespace AisMonitor.Core.Tests.Ais;

/// <summary>
/// Where AisMonitor deliberately differs from a source's expectation, and the fields it does not
/// decode. Each entry is a decision, with its reason; README.md ("Decoder conformance") lists them.
/// </summary>
public static class ConformanceRules
{
    /// <summary>Message types decoded field by field: every expected value must agree.</summary>
    public static readonly IReadOnlySet<int> FullyDecodedTypes = new HashSet<int> { 1, 2, 3, 4, 5, 9, 11, 18, 19, 21, 24, 27 };

    /// <summary>Fields of the partially decoded types that are not decoded (radio-link management, application payloads).</summary>
    public static readonly IReadOnlyDictionary<int, string[]> NotDecoded = new Dictionary<int, string[]>
    {
        [6] = ["eta_month", "eta_day", "eta_hour", "eta_minute", "destination", "lon", "lat"], // DAC/FID application payloads
        [8] = ["lat", "lon", "position_accuracy", "ship_type", "draught"], // DAC/FID application payloads
        [26] = ["radio"], // communication state after a variable-length payload
    };

    /// <summary>
    /// Deliberate disagreements with one source, by (vector id prefix or id, field) → reason.
    /// </summary>
    public static readonly IReadOnlyList<(string IdPrefix, string Field, string Reason)> Disagreements =
    [
        ("pyais-", "epfd", "pyais maps the reserved EPFD value 14 to 0 (Undefined); AisMonitor keeps the transmitted value, as gpsd does."),
        ("libais-", "gnss", "libais reports the inverse of the type 27 position-latency bit; AisMonitor follows ITU-R M.1371-5 and gpsd (1 = latency over 5 s)."),
        ("libais-typeexamples-24", "sog", "libais scales the type 9 SOG by 1/10; ITU-R M.1371-5 Table 48 and gpsd give it in whole knots."),
        ("gpsd-sample-096", "radio", "a type 1 whose fill count (5) cuts into the radio field: gpsd right-aligns the 14 bits before the fill, AisMonitor reads the 19 bits as transmitted."),
        ("libais-cpp-014", "raim", "libais reads the flags missing from a 262-bit type 21 as 0; AisMonitor, like pyais, reports them as null (not transmitted)."),
        ("libais-cpp-014", "assigned", "as raim."),
        ("libais-typeexamples-20", "aton_name", "libais' 6-bit table has '-' and '`' at values 31 and 39; ITU-R M.1371-5 Table 47 has '_' and '\''."),
    ];

    /// <summary>Vectors that AisMonitor deliberately does not decode, with the rejection it gives instead.</summary>
    public static readonly IReadOnlyDictionary<string, (Core.Nmea.RejectionReason Reason, string Why)> Rejected = new Dictionary<string, (Core.Nmea.RejectionReason, string)>
    {
        ["pyais-decode-006"] = (Core.Nmea.RejectionReason.UnknownMessageType, "message type 0 is not defined by ITU-R M.1371-5; pyais decodes it as a position report."),
        ["pyais-decode-055"] = (Core.Nmea.RejectionReason.UnknownMessageType, "message type 28 is not defined by ITU-R M.1371-5 (pyais decodes a proposed AtoN layout)."),
        ["pyais-decode-061"] = (Core.Nmea.RejectionReason.FragmentIncomplete, "the first fragment of a two-part message alone; pyais decodes it partially, AisMonitor waits for the whole message."),
        ["libais-cpp-018"] = (Core.Nmea.RejectionReason.PayloadTooShort, "a 160-bit type 24 whose part number is 1 (part B needs 162 bits); libais decodes it as a part A."),
        ["libais-cpp-019"] = (Core.Nmea.RejectionReason.PayloadTooShort, "as libais-cpp-018."),
        ["libais-cpp-020"] = (Core.Nmea.RejectionReason.PayloadTooShort, "as libais-cpp-018."),
        ["pyais-decode-063"] = (Core.Nmea.RejectionReason.PayloadTooShort, "28 bits, shorter than the 38-bit header every message needs; pyais decodes the bits that are there."),
        ["pyais-decode-067"] = (Core.Nmea.RejectionReason.PayloadTooShort, "12 bits; as pyais-decode-063."),
        ["pyais-decode-068"] = (Core.Nmea.RejectionReason.PayloadTooShort, "14 bits; as pyais-decode-063."),
        ["pyais-decode-069"] = (Core.Nmea.RejectionReason.PayloadTooShort, "30 bits; as pyais-decode-063."),
    };

    /// <summary>Fields a source reports with a zero or empty value where AisMonitor's message has no such field.</summary>
    public static bool AbsentMeansZero(int type, string field) => (type, field) switch
    {
        (24, _) => true, // libais reports the fields of both parts; part A has no type or call sign, part B no name
        (25 or 26, "dest_mmsi") => true, // gpsd reports 0 for a broadcast; AisMonitor omits the destination
        _ => false,
    };

    public static string? DisagreementFor(string id, string field)
    {
        foreach (var (prefix, f, reason) in Disagreements)
        {
            if (f == field && id.StartsWith(prefix, StringComparison.Ordinal))
            {
                return reason;
            }
        }

        return null;
    }
}
