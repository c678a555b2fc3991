using NodaTime;

namespace AisMonitor.Core.Ais;

/// <summary>
/// Receives a message's fields under the normalised names shared with gpsd, pyais and libais
/// (<see cref="AisFieldNames"/>), in domain units. Output formats (JSON Lines, CSV) and the
/// conformance tests implement it, so every consumer sees the same names and values.
/// A null value means the field exists in this message type but was "not available".
/// </summary>
public interface IAisFieldWriter
{
    /// <summary>An integer field (codes, raw counts, identifiers).</summary>
    void WriteInteger(string name, long? value);

    /// <summary>A measured quantity in domain units (degrees, knots, metres).</summary>
    void WriteNumber(string name, double? value);

    /// <summary>A flag.</summary>
    void WriteBoolean(string name, bool? value);

    /// <summary>Text, already trimmed of 6-bit padding.</summary>
    void WriteText(string name, string? value);

    /// <summary>A UTC instant.</summary>
    void WriteInstant(string name, Instant? value);
}
