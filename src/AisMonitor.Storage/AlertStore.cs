using System.Text.Json;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Geo;
using AisMonitor.Core.PortCalls;
using AisMonitor.Core.WatchLists;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace AisMonitor.Storage;

/// <summary>
/// Writes alerts idempotently: an alert is identified by its id (kind, MMSI, start), so writing
/// it again, from a replay, a restart or a redelivery, updates the same row; an older update never
/// overwrites a newer one. Each new alert gets a triage row with status <c>new</c>; detection
/// never writes triage again, so analysts' decisions survive every re-run.
/// </summary>
public sealed class AlertStore(NpgsqlDataSource dataSource)
{
    private const string Upsert = """
        INSERT INTO alert (id, kind, mmsi, imo, vessel_name, start_time, end_time, severity, severity_reason, score,
                           score_explanation, rules, evidence, latitude, longitude, first_raised, last_updated)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
        ON CONFLICT (id) DO UPDATE SET
            kind = EXCLUDED.kind, mmsi = EXCLUDED.mmsi, imo = EXCLUDED.imo, vessel_name = EXCLUDED.vessel_name,
            start_time = EXCLUDED.start_time, end_time = EXCLUDED.end_time, severity = EXCLUDED.severity,
            severity_reason = EXCLUDED.severity_reason, score = EXCLUDED.score, score_explanation = EXCLUDED.score_explanation,
            rules = EXCLUDED.rules, evidence = EXCLUDED.evidence, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
            first_raised = LEAST(alert.first_raised, EXCLUDED.first_raised), last_updated = EXCLUDED.last_updated, stored_last = now()
        WHERE alert.last_updated <= EXCLUDED.last_updated
        """;

    private const string NewTriage = "INSERT INTO alert_triage (alert_id) VALUES ($1) ON CONFLICT (alert_id) DO NOTHING";

    /// <summary>Writes the alerts in one transaction (one round trip per batch of 500).</summary>
    public async Task UpsertAsync(IReadOnlyCollection<Alert> alerts, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        await using var connection = await dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        foreach (var chunk in alerts.Chunk(500))
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var alert in chunk)
            {
                batch.BatchCommands.Add(Command(alert));
                batch.BatchCommands.Add(new NpgsqlBatchCommand(NewTriage) { Parameters = { new() { Value = alert.Id } } });
            }

            await batch.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>The columns <see cref="ReadAlert"/> reads, in its order.</summary>
    internal const string AlertColumns = """
        kind, mmsi, imo, vessel_name, start_time, end_time, severity, severity_reason, score,
               score_explanation, rules, evidence, latitude, longitude, first_raised, last_updated
        """;

    private const string Select = $"""
        SELECT {AlertColumns}
        FROM alert
        WHERE ($1::timestamptz IS NULL OR start_time >= $1) AND ($2::timestamptz IS NULL OR start_time < $2)
          AND ($3::text IS NULL OR kind = $3)
          AND ($4::int IS NULL OR CASE severity WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END >= $4)
          AND ($5::int IS NULL OR mmsi = $5)
        ORDER BY start_time, id COLLATE "C"
        """;

    /// <summary>The stored alerts that match, by start time (then id), as the alerts that were written.</summary>
    public async Task<IReadOnlyList<Alert>> ReadAsync(AlertQuery query, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = dataSource.CreateCommand(Select);
        command.Parameters.Add(new() { Value = (object?)query.From ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)query.To ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = query.Kind is { } kind ? Name(kind) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = query.MinimumSeverity is { } severity ? (int)severity : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = query.Mmsi is { } mmsi ? (int)mmsi.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        var alerts = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            alerts.Add(ReadAlert(reader));
        }

        return alerts;
    }

    /// <summary>Number of alerts stored.</summary>
    public async Task<long> CountAsync(CancellationToken cancellation = default)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM alert");
        return (long)(await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false))!;
    }

    /// <summary>Rows held: alerts, port calls, vessels.</summary>
    public async Task<(long Alerts, long PortCalls, long Vessels)> CountsAsync(CancellationToken cancellation = default)
    {
        await using var command = dataSource.CreateCommand("SELECT (SELECT count(*) FROM alert), (SELECT count(*) FROM port_call), (SELECT count(*) FROM vessel)");
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        await reader.ReadAsync(cancellation).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>
    /// An analyst's triage change: status (a dismissal needs a reason), assignee, notes. Each changed
    /// field is appended to the alert's history with who and when.
    /// </summary>
    public async Task UpdateTriageAsync(string alertId, TriageChange change, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        string? status, reason, assignee, notes;
        await using (var current = new NpgsqlCommand("SELECT status, dismissal_reason, assignee, notes FROM alert_triage WHERE alert_id = $1 FOR UPDATE", connection, transaction) { Parameters = { new() { Value = alertId } } })
        await using (var reader = await current.ExecuteReaderAsync(cancellation).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellation).ConfigureAwait(false))
            {
                throw new KeyNotFoundException($"No alert {alertId}.");
            }

            (status, reason, assignee, notes) = (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        var written = change.Notes ?? notes;
        var next = (Status: change.Status ?? status, Reason: change.Status is null ? reason : change.DismissalReason, Assignee: change.Assignee ?? assignee,
            Notes: change.AddNote is { } added ? $"{written}{(string.IsNullOrEmpty(written) ? string.Empty : "\n")}{change.ChangedBy}: {added}" : written);
        await using (var update = new NpgsqlCommand("UPDATE alert_triage SET status = $2, dismissal_reason = $3, assignee = $4, notes = $5, updated_at = now(), updated_by = $6 WHERE alert_id = $1", connection, transaction)
        {
            Parameters =
            {
                new() { Value = alertId }, new() { Value = next.Status }, new() { Value = (object?)next.Reason ?? DBNull.Value },
                new() { Value = (object?)next.Assignee ?? DBNull.Value }, new() { Value = (object?)next.Notes ?? DBNull.Value }, new() { Value = change.ChangedBy },
            },
        })
        {
            await update.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }

        foreach (var (field, from, to) in new[] { ("status", status, next.Status), ("dismissal_reason", reason, next.Reason), ("assignee", assignee, next.Assignee), ("notes", notes, next.Notes) })
        {
            if (from == to)
            {
                continue;
            }

            await using var history = new NpgsqlCommand("INSERT INTO alert_triage_history (alert_id, changed_by, field, from_value, to_value) VALUES ($1, $2, $3, $4, $5)", connection, transaction)
            {
                Parameters = { new() { Value = alertId }, new() { Value = change.ChangedBy }, new() { Value = field }, new() { Value = (object?)from ?? DBNull.Value }, new() { Value = (object?)to ?? DBNull.Value } },
            };
            await history.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>An alert from a row that starts with <see cref="AlertColumns"/>.</summary>
    internal static Alert ReadAlert(NpgsqlDataReader row)
    {
        var evidence = row.IsDBNull(11) ? null : JsonSerializer.Deserialize<StoredEvidence>(row.GetString(11), AlertJson.Options);
        return new Alert
        {
            Kind = Enum.Parse<AlertKind>(row.GetString(0).Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true),
            Mmsi = new Mmsi((uint)row.GetInt32(1)),
            Imo = row.IsDBNull(2) ? null : Imo.TryCreate(row.GetInt32(2), out var imo) ? imo : null,
            VesselName = row.IsDBNull(3) ? null : row.GetString(3),
            Start = row.GetFieldValue<Instant>(4),
            End = row.IsDBNull(5) ? null : row.GetFieldValue<Instant>(5),
            Severity = Enum.Parse<Severity>(row.GetString(6), ignoreCase: true),
            SeverityReason = row.GetString(7),
            Score = row.GetDouble(8),
            ScoreExplanation = row.GetString(9),
            Rules = JsonSerializer.Deserialize<List<RuleResult>>(row.GetString(10), AlertJson.Options) ?? [],
            Location = row.IsDBNull(12) || row.IsDBNull(13) ? null : new GeoPoint(row.GetDouble(12), row.GetDouble(13)),
            Gap = evidence?.Gap,
            PortCall = evidence?.PortCall,
            DarkPortCall = evidence?.DarkPortCall,
            WatchLists = evidence?.WatchLists,
            Encounter = evidence?.Encounter,
            IdentityChange = evidence?.IdentityChange,
            SharedMmsi = evidence?.SharedMmsi,
            Loitering = evidence?.Loitering,
            PositionSpoofing = evidence?.PositionSpoofing,
            FirstRaised = row.GetFieldValue<Instant>(14),
            LastUpdated = row.GetFieldValue<Instant>(15),
        };
    }

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Everything an alert carries beyond its columns, one member per kind of evidence (absent ones left out).</summary>
    private static object Evidence(Alert alert)
    {
        var evidence = new StoredEvidence(alert.Gap, alert.PortCall, alert.DarkPortCall, alert.WatchLists, alert.Encounter, alert.IdentityChange, alert.SharedMmsi, alert.Loitering, alert.PositionSpoofing);
        return evidence == StoredEvidence.None ? DBNull.Value : JsonSerializer.Serialize(evidence, AlertJson.Options);
    }

    private static NpgsqlBatchCommand Command(Alert alert) => new(Upsert)
    {
        Parameters =
        {
            new() { Value = alert.Id },
            new() { Value = Name(alert.Kind) },
            new() { Value = (int)alert.Mmsi.Value },
            new() { Value = (object?)alert.Imo?.Value ?? DBNull.Value },
            new() { Value = (object?)alert.VesselName ?? DBNull.Value },
            new() { Value = alert.Start },
            new() { Value = (object?)alert.End ?? DBNull.Value },
            new() { Value = Name(alert.Severity) },
            new() { Value = alert.SeverityReason },
            new() { Value = alert.Score },
            new() { Value = alert.ScoreExplanation },
            new() { Value = JsonSerializer.Serialize(alert.Rules, AlertJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb },
            new() { Value = Evidence(alert), NpgsqlDbType = NpgsqlDbType.Jsonb },
            new() { Value = (object?)alert.Location?.LatitudeDegrees ?? DBNull.Value },
            new() { Value = (object?)alert.Location?.LongitudeDegrees ?? DBNull.Value },
            new() { Value = alert.FirstRaised },
            new() { Value = alert.LastUpdated },
        },
    };

    private sealed record StoredEvidence(
        GapEvidence? Gap,
        PortCall? PortCall,
        DarkPortCallEvidence? DarkPortCall,
        IReadOnlyList<WatchListMatch>? WatchLists,
        Core.Encounters.EncounterEvidence? Encounter,
        Core.Identity.IdentityChangeEvidence? IdentityChange,
        Core.Detection.SharedMmsiEvidence? SharedMmsi,
        Core.Loitering.LoiteringEvidence? Loitering,
        Core.Spoofing.PositionSpoofingEvidence? PositionSpoofing)
    {
        public static StoredEvidence None { get; } = new(null, null, null, null, null, null, null, null, null);
    }
}
