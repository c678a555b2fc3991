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
public sealed record QueueRow(string Id, string Kind, long Mmsi, int? Imo, string? VesselName, Instant Start, Instant? End, string Severity, double Score, double? Latitude, double? Longitude, string Status, string? Assignee, Instant LastUpdated)
{
    internal int SeverityRank => Severity switch { "high" => 2, "medium" => 1, _ => 0 };
}

/// <summary>What the queue is sorted by: each with its keyset, ties broken by the next key and the alert's id.</summary>
public enum QueueSort
{
    /// <summary>The alert's start (event time).</summary>
    Start,

    /// <summary>Severity, then start.</summary>
    Severity,

    /// <summary>The event time of detection's latest update of the alert (an open gap that grows moves up).</summary>
    Updated,
}

/// <summary>The queue's order: a key, descending (the default: newest, highest, latest first) or ascending.</summary>
public readonly record struct QueueOrder(QueueSort Sort, bool Ascending = false)
{
    /// <summary>Newest first.</summary>
    public static QueueOrder Default => default;

    /// <summary>The API's and the command line's name of each sort key.</summary>
    public static string Name(QueueSort sort) => sort switch { QueueSort.Severity => "severity", QueueSort.Updated => "updated", _ => "start" };

    /// <summary>The sort key named <paramref name="name"/> (start, severity or updated), or null.</summary>
    public static QueueSort? ParseSort(string name) =>
        Enum.GetValues<QueueSort>().Cast<QueueSort?>().FirstOrDefault(s => string.Equals(Name(s!.Value), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The ORDER BY columns, each in this order's direction.</summary>
    internal string[] Columns => Sort switch
    {
        QueueSort.Severity => ["a.severity_rank", "a.start_time", "a.id"],
        QueueSort.Updated => ["a.last_updated", "a.id"],
        _ => ["a.start_time", "a.id"],
    };

    internal string OrderBy
    {
        get
        {
            var direction = Ascending ? " ASC" : " DESC";
            return " ORDER BY " + string.Join(", ", Columns.Select(c => c + direction));
        }
    }
}

/// <summary>A page of the queue in its order, and the cursor of the next (null at the end).</summary>
public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, string? Next);

/// <summary>An alert's triage as it stands.</summary>
public sealed record TriageState(string Status, string? DismissalReason, string? Assignee, string? Notes, DateTimeOffset UpdatedAt, string? UpdatedBy);

/// <summary>One change of an alert's triage.</summary>
public sealed record TriageEvent(DateTimeOffset ChangedAt, string ChangedBy, string Field, string? From, string? To);

/// <summary>An alert with its triage and the history of it.</summary>
public sealed record AlertDetail(Alert Alert, TriageState Triage, IReadOnlyList<TriageEvent> History)
{
    /// <summary>The vessel's archived positions from <see cref="AlertQueueReader.TrackMargin"/> before the alert to as long after it (empty without the position archive).</summary>
    public IReadOnlyList<PositionEvidence> Track { get; init; } = [];
}

/// <summary>
/// Reads the queue a page at a time in a <see cref="QueueOrder"/>: keyset paging on the order's columns and
/// the id, so the next page of a million alerts costs what the first does (no OFFSET), and a page does not
/// shift when alerts arrive.
/// </summary>
public sealed class AlertQueueReader(NpgsqlDataSource dataSource)
{
    /// <summary>The triage statuses, in the order of the workflow.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["new", "acknowledged", "escalated", "dismissed", "resolved"];

    /// <summary>How far before and after an alert its detail shows the vessel's archived track.</summary>
    public static readonly Duration TrackMargin = Duration.FromHours(12);

    /// <summary>The most archived positions an alert's detail shows.</summary>
    public const int MaximumTrackPositions = 5000;

    /// <summary>The most rows a page holds.</summary>
    public const int MaximumPageSize = 500;

    /// <summary>A page of at most <paramref name="limit"/> rows newest first after <paramref name="cursor"/> (from a previous page's <see cref="QueuePage.Next"/>).</summary>
    public Task<QueuePage> PageAsync(QueueFilter filter, string? cursor, int limit, CancellationToken cancellation = default) =>
        PageAsync(filter, QueueOrder.Default, cursor, limit, cancellation);

    /// <summary>A page of at most <paramref name="limit"/> rows in <paramref name="order"/> after <paramref name="cursor"/> (from a previous page of the same order).</summary>
    public async Task<QueuePage> PageAsync(QueueFilter filter, QueueOrder order, string? cursor, int limit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (limit is < 1 or > MaximumPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), $"A page holds 1 to {MaximumPageSize} alerts.");
        }

        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder("""
            SELECT a.id, a.kind, a.mmsi, a.imo, a.vessel_name, a.start_time, a.end_time, a.severity, a.score, a.latitude, a.longitude,
                   a.triage_status, t.assignee, a.last_updated
            FROM alert a LEFT JOIN alert_triage t ON t.alert_id = a.id
            WHERE true
            """);
        AppendFilter(sql, command, filter);
        if (cursor is not null)
        {
            var (rank, time, id) = ParseCursor(cursor, order);
            var values = new List<string>();
            if (order.Sort == QueueSort.Severity)
            {
                values.Add(Parameter(command, rank, NpgsqlDbType.Smallint));
            }

            values.Add(Parameter(command, time, NpgsqlDbType.TimestampTz));
            values.Add(Parameter(command, id, NpgsqlDbType.Text));
            sql.Append(" AND (").Append(string.Join(", ", order.Columns)).Append(order.Ascending ? ") > (" : ") < (").Append(string.Join(", ", values)).Append(')');
        }

        sql.Append(order.OrderBy).Append(" LIMIT ").Append(Parameter(command, limit + 1, NpgsqlDbType.Integer));
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
        return new QueuePage(rows, Cursor(rows[^1], order));
    }

    /// <summary>The whole alerts the filter selects in <paramref name="order"/>, at most <paramref name="limit"/> (for exports).</summary>
    public async Task<IReadOnlyList<Alert>> AlertsAsync(QueueFilter filter, QueueOrder order, int limit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder($"SELECT {AlertStore.AlertColumns.Replace("\n", " ", StringComparison.Ordinal)} FROM alert a LEFT JOIN alert_triage t ON t.alert_id = a.id WHERE true");
        AppendFilter(sql, command, filter);
        sql.Append(order.OrderBy).Append(" LIMIT ").Append(Parameter(command, limit, NpgsqlDbType.Integer));
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
            sql.Append(" AND a.triage_status = ").Append(Parameter(command, status, NpgsqlDbType.Text));
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
        await using var command = dataSource.CreateCommand("SELECT triage_status, count(*) FROM alert GROUP BY 1");
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

        // The track around it, when positions are archived (replay --archive-positions): every position of the
        // MMSI from the margin before its start to the margin after its end (or its last update while open).
        var track = new List<PositionEvidence>();
        await using (var command = new NpgsqlCommand("""
            SELECT time, latitude, longitude, speed, suspect FROM position
            WHERE mmsi = $1 AND time >= $2 AND time <= $3 ORDER BY time LIMIT $4
            """, connection)
        {
            Parameters =
            {
                new() { Value = (int)alert.Mmsi.Value }, new() { Value = alert.Start - TrackMargin }, new() { Value = (alert.End ?? alert.LastUpdated) + TrackMargin },
                new() { Value = MaximumTrackPositions },
            },
        })
        await using (var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
            {
                track.Add(new PositionEvidence(reader.GetFieldValue<Instant>(0), Math.Round(reader.GetFloat(1), 5), Math.Round(reader.GetFloat(2), 5), reader.IsDBNull(3) ? null : reader.GetFloat(3), reader.GetBoolean(4)));
            }
        }

        return new AlertDetail(alert, triage, history) { Track = track };
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    // A cursor names its order and holds the last row's keys: "severity|asc|2|ticks|id".
    private static string Cursor(QueueRow row, QueueOrder order)
    {
        var time = order.Sort == QueueSort.Updated ? row.LastUpdated : row.Start;
        var text = string.Create(CultureInfo.InvariantCulture, $"{QueueOrder.Name(order.Sort)}|{(order.Ascending ? "asc" : "desc")}|{row.SeverityRank}|{time.ToUnixTimeTicks()}|{row.Id}");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static (short Rank, Instant Time, string Id) ParseCursor(string cursor, QueueOrder order)
    {
        string[] parts;
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4))).Split('|', 5);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The cursor is not one this server gave.", nameof(cursor), e);
        }

        if (parts.Length != 5 || !short.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var rank)
            || !long.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ticks)
            || ticks < Instant.MinValue.ToUnixTimeTicks() || ticks > Instant.MaxValue.ToUnixTimeTicks())
        {
            throw new ArgumentException("The cursor is not one this server gave.", nameof(cursor));
        }

        if (parts[0] != QueueOrder.Name(order.Sort) || parts[1] != (order.Ascending ? "asc" : "desc"))
        {
            throw new ArgumentException($"The cursor belongs to the order {parts[0]} {parts[1]}: ask for the same sort and order as the page that gave it.", nameof(cursor));
        }

        return (rank, Instant.FromUnixTimeTicks(ticks), parts[4]);
    }
}
