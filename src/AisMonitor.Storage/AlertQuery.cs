using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using NodaTime;

namespace AisMonitor.Storage;

/// <summary>Which stored alerts to read: every filter left null matches all.</summary>
public sealed record AlertQuery
{
    /// <summary>Alerts starting at or after this instant.</summary>
    public Instant? From { get; init; }

    /// <summary>Alerts starting before this instant.</summary>
    public Instant? To { get; init; }

    /// <summary>One kind of alert.</summary>
    public AlertKind? Kind { get; init; }

    /// <summary>This severity or higher.</summary>
    public Severity? MinimumSeverity { get; init; }

    /// <summary>One vessel.</summary>
    public Mmsi? Mmsi { get; init; }

    /// <summary>Whether an alert matches, by the same rules as the database query (for alerts read from a file).</summary>
    public bool Matches(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return (From is not { } from || alert.Start >= from) && (To is not { } to || alert.Start < to)
            && (Kind is not { } kind || alert.Kind == kind) && (MinimumSeverity is not { } severity || alert.Severity >= severity)
            && (Mmsi is not { } mmsi || alert.Mmsi == mmsi);
    }
}
