using System.Text.Json;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.PortCalls;
using Npgsql;
using NpgsqlTypes;

namespace AisMonitor.Storage;

/// <summary>Writes port calls idempotently by id (MMSI, place, arrival): a call written again, open or closed, updates its row.</summary>
public sealed class PortCallStore(NpgsqlDataSource dataSource)
{
    private const string Upsert = """
        INSERT INTO port_call (id, mmsi, imo, vessel_name, place_key, place_name, place_kind, un_locode, country, latitude, longitude,
                               arrival, departure, stopped_hours, port_gaps, time_zone, departure_known, last_seen_in_port)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
        ON CONFLICT (id) DO UPDATE SET
            imo = EXCLUDED.imo, vessel_name = EXCLUDED.vessel_name, departure = EXCLUDED.departure,
            departure_known = EXCLUDED.departure_known, last_seen_in_port = EXCLUDED.last_seen_in_port,
            stopped_hours = EXCLUDED.stopped_hours, port_gaps = EXCLUDED.port_gaps, stored_last = now()
        """;

    /// <summary>Writes the calls in one transaction.</summary>
    public async Task UpsertAsync(IReadOnlyCollection<PortCall> calls, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(calls);
        await using var connection = await dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        foreach (var chunk in calls.Chunk(500))
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var call in chunk)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(Upsert)
                {
                    Parameters =
                    {
                        new() { Value = call.Id },
                        new() { Value = (int)call.Mmsi.Value },
                        new() { Value = (object?)call.Imo?.Value ?? DBNull.Value },
                        new() { Value = (object?)call.VesselName ?? DBNull.Value },
                        new() { Value = call.Port.Key },
                        new() { Value = call.Port.Name },
                        new() { Value = JsonNamingPolicy.SnakeCaseLower.ConvertName(call.Port.Kind.ToString()) },
                        new() { Value = (object?)call.Port.UnLocode ?? DBNull.Value },
                        new() { Value = call.Port.CountryName },
                        new() { Value = call.Port.Position.LatitudeDegrees },
                        new() { Value = call.Port.Position.LongitudeDegrees },
                        new() { Value = call.Arrival },
                        new() { Value = (object?)call.Departure ?? DBNull.Value },
                        new() { Value = call.StoppedHours },
                        new() { Value = JsonSerializer.Serialize(call.PortGaps, AlertJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb },
                        new() { Value = (object?)call.TimeZone ?? DBNull.Value },
                        new() { Value = call.DepartureKnown },
                        new() { Value = (object?)call.LastSeenInPort ?? DBNull.Value },
                    },
                });
            }

            await batch.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }
}
