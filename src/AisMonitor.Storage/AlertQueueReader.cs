using System.Globalization;
using System.Text;
using AisMonitor.Core.Alerts;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace AisMonitor.Storage;

/// <summary>The analysts' queue: which alerts, under the filters of <see cref="AlertQuery"/> and these.</summary>
public sealed record QueueFilter
{
    /// <summary>Time range, kind, minimum severity, vessel.</summary>
    public AlertQuery Alerts { get; init; } = new();

    /// <summary>new, acknowledged, escalated, dismissed or resolved.</summary>
    public string? Status { get; init; }

    /// <summary>The vessel's IMO.</summary>
    public int? Imo { get; init; }

    /// <summary>The start of the vessel's name, any case.</summary>
    public string? Name { get; init; }

    /// <summary>Alerts located inside, degrees: south, west, north, east.</summary>
    public (double South, double West, double North, double East)? Bounds { get; init; }

    /// <summary>Only alerts that cite a watch-list entry.</summary>
    public bool WatchListed { get; init; }
}

/// <summary>One line of the queue.</summary>
public sealed record QueueRow(string Id, string Kind, long Mmsi, int? Imo, string? VesselName, Instant Start, Instant? End, string Severity, double Score, double? Latitude, double? Longitude, string Status, string? Assignee, Instant LastUpdated);

/// <summary>A page of the queue, newest first, and the cursor of the next (null at the end).</summary>
public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, string? Next);

/// <summary>An alert's triage as it stands.</summary>
public sealed record TriageState(string Status, string? DismissalReason, string? Assignee, string? Notes, DateTimeOffset UpdatedAt, string? UpdatedBy);

/// <summary>One change of an alert's triage.</summary>
public sealed record TriageEvent(DateTimeOffset ChangedAt, string ChangedBy, string Field, string? From, string? To);

/// <summary>An alert with its triage and the history of it.</summary>
public sealed record AlertDetail(Alert Alert, TriageState Triage, IReadOnlyList<TriageEvent> History);

/// <summary>
/// Reads the queue a page at a time, newest first: keyset paging on (start, id), so the next page of
/// a million alerts costs what the first does (no OFFSET), and a page does not shift when alerts arrive.
/// </summary>
public sealed class AlertQueueReader(NpgsqlDataSource dataSource)
{
    /// <summary>The triage statuses, in the order of the workflow.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["new", "acknowledged", "escalated", "dismissed", "resolved"];

    /// <summary>The most rows a page holds.</summary>
    public const int MaximumPageSize = 500;

    /// <summary>A page of at most <paramref name="limit"/> rows after <paramref name="cursor"/> (from a previous page's <see cref="QueuePage.Next"/>).</summary>
    public async Task<QueuePage> PageAsync(QueueFilter filter, string? cursor, int limit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (limit is < 1 or > MaximumPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), $"A page holds 1 to {MaximumPageSize} alerts.");
        }

        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder("""
            SELECT a.id, a.kind, a.mmsi, a.imo, a.vessel_name, a.start_time, a.end_time, a.severity, a.score, a.latitude, a.longitude,
                   coalesce(t.status, 'new'), t.assignee, a.last_updated
            FROM alert a LEFT JOIN alert_triage t ON t.alert_id = a.id
            WHERE true
            """);
        AppendFilter(sql, command, filter);
        if (cursor is not null)
        {
            var (start, id) = ParseCursor(cursor);
            sql.Append(" AND (a.start_time, a.id) < (").Append(Parameter(command, start, NpgsqlDbType.TimestampTz)).Append(", ").Append(Parameter(command, id, NpgsqlDbType.Text)).Append(')');
        }

        sql.Append(" ORDER BY a.start_time DESC, a.id DESC LIMIT ").Append(Parameter(command, limit + 1, NpgsqlDbType.Integer));
        command.CommandText = sql.ToString();
        var rows = new List<QueueRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            rows.Add(new QueueRow(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetFieldValue<Instant>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<Instant>(6), reader.GetString(7), reader.GetDouble(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9), reader.IsDBNull(10) ? null : reader.GetDouble(10), reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.GetFieldValue<Instant>(13)));
        }

        if (rows.Count <= limit)
        {
            return new QueuePage(rows, null);
        }

        rows.RemoveAt(limit);
        return new QueuePage(rows, Cursor(rows[^1]));
    }

    /// <summary>The whole alerts the filter selects, newest first, at most <paramref name="limit"/> (for exports).</summary>
    public async Task<IReadOnlyList<Alert>> AlertsAsync(QueueFilter filter, int limit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder($"SELECT {AlertStore.AlertColumns.Replace("\n", " ", StringComparison.Ordinal)} FROM alert a LEFT JOIN alert_triage t ON t.alert_id = a.id WHERE true");
        AppendFilter(sql, command, filter);
        sql.Append(" ORDER BY a.start_time DESC, a.id DESC LIMIT ").Append(Parameter(command, limit, NpgsqlDbType.Integer));
        command.CommandText = sql.ToString();
        var alerts = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            alerts.Add(AlertStore.ReadAlert(reader));
        }

        return alerts;
    }

    /// <summary>The filter's conditions, each value a parameter of <paramref name="command"/>.</summary>
    private static void AppendFilter(StringBuilder sql, NpgsqlCommand command, QueueFilter filter)
    {
        var q = filter.Alerts;
        if (q.From is { } from)
        {
            sql.Append(" AND a.start_time >= ").Append(Parameter(command, from, NpgsqlDbType.TimestampTz));
        }

        if (q.To is { } to)
        {
            sql.Append(" AND a.start_time < ").Append(Parameter(command, to, NpgsqlDbType.TimestampTz));
        }

        if (q.Kind is { } kind)
        {
            sql.Append(" AND a.kind = ").Append(Parameter(command, AlertJson.KindName(kind), NpgsqlDbType.Text));
        }

        if (q.MinimumSeverity is { } severity)
        {
            sql.Append(" AND a.severity = ANY(").Append(Parameter(command, Enum.GetValues<Severity>().Where(s => s >= severity).Select(s => s.ToString().ToLowerInvariant()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)).Append(')');
        }

        if (q.Mmsi is { } mmsi)
        {
            sql.Append(" AND a.mmsi = ").Append(Parameter(command, (int)mmsi.Value, NpgsqlDbType.Integer));
        }

        if (filter.Status is { } status)
        {
            sql.Append(" AND coalesce(t.status, 'new') = ").Append(Parameter(command, status, NpgsqlDbType.Text));
        }

        if (filter.Imo is { } imo)
        {
            sql.Append(" AND a.imo = ").Append(Parameter(command, imo, NpgsqlDbType.Integer));
        }

        if (filter.Name is { Length: > 0 } name)
        {
            sql.Append(" AND upper(a.vessel_name) LIKE ").Append(Parameter(command, EscapeLike(name.ToUpperInvariant()) + "%", NpgsqlDbType.Text));
        }

        if (filter.Bounds is { } b)
        {
            sql.Append(" AND a.latitude BETWEEN ").Append(Parameter(command, b.South, NpgsqlDbType.Double)).Append(" AND ").Append(Parameter(command, b.North, NpgsqlDbType.Double));
            sql.Append(b.West <= b.East ? " AND a.longitude BETWEEN " : " AND NOT a.longitude BETWEEN ") // across the antimeridian: outside east..west
                .Append(Parameter(command, Math.Min(b.West, b.East), NpgsqlDbType.Double)).Append(" AND ").Append(Parameter(command, Math.Max(b.West, b.East), NpgsqlDbType.Double));
        }

        if (filter.WatchListed)
        {
            sql.Append(" AND a.evidence ? 'watch_lists'");
        }
    }

    private static string Parameter(NpgsqlCommand command, object value, NpgsqlDbType type)
    {
        command.Parameters.Add(new() { Value = value, NpgsqlDbType = type });
        return "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>How many alerts there are in each triage status.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsByStatusAsync(CancellationToken cancellation = default)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(t.status, 'new'), count(*) FROM alert a LEFT JOIN alert_triage t ON t.alert_id = a.id GROUP BY 1");
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var counts = Statuses.ToDictionary(s => s, _ => 0L);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>The alert with its triage and history; null when there is no such alert.</summary>
    public async Task<AlertDetail?> DetailAsync(string id, CancellationToken cancellation = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        Alert alert;
        TriageState triage;
        await using (var command = new NpgsqlCommand($"""
            SELECT {AlertStore.AlertColumns}, coalesce(t.status, 'new'), t.dismissal_reason, t.assignee, t.notes, coalesce(t.updated_at, a.stored_first), t.updated_by
            FROM alert a LEFT JOIN alert_triage t ON t.alert_id = a.id WHERE a.id = $1
            """, connection) { Parameters = { new() { Value = id } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellation).ConfigureAwait(false))
            {
                return null;
            }

            alert = AlertStore.ReadAlert(reader);
            triage = new TriageState(reader.GetString(16), Text(reader, 17), Text(reader, 18), Text(reader, 19), reader.GetFieldValue<DateTimeOffset>(20), Text(reader, 21));
        }

        var history = new List<TriageEvent>();
        await using (var command = new NpgsqlCommand("SELECT changed_at, changed_by, field, from_value, to_value FROM alert_triage_history WHERE alert_id = $1 ORDER BY changed_at, id", connection) { Parameters = { new() { Value = id } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
            {
                history.Add(new TriageEvent(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), Text(reader, 4)));
            }
        }

        return new AlertDetail(alert, triage, history);
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string Cursor(QueueRow row) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{row.Start.ToUnixTimeTicks()}|{row.Id}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (Instant Start, string Id) ParseCursor(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4)));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            return (Instant.FromUnixTimeTicks(long.Parse(text[..bar], NumberStyles.None, CultureInfo.InvariantCulture)), text[(bar + 1)..]);
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new ArgumentException("The cursor is not one this server gave.", nameof(cursor), e);
        }
    }
}
