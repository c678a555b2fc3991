using System.Text.Json;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tracking;
using AisMonitor.Core.WatchLists;
using Npgsql;
using NpgsqlTypes;

namespace AisMonitor.Storage;

/// <summary>
/// Writes vessels (current identity, last position, watch-list matches) and their identity
/// changes. Rows go through binary COPY into a temporary table and are merged from there in one
/// statement, so a million vessels take seconds; writing the same vessels again changes nothing.
/// </summary>
public sealed class VesselStore(NpgsqlDataSource dataSource)
{
    /// <summary>Writes the vessels in one transaction.</summary>
    public Task UpsertAsync(IEnumerable<VesselState> vessels, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(vessels);
        return UpsertAsync(vessels.Select(v => new VesselRow(v.Mmsi, v.Identity, v.LastGood?.LatitudeDegrees, v.LastGood?.LongitudeDegrees, v.LastGood?.Time, v.WatchListMatches, v.IdentityChanges)), cancellation);
    }

    /// <summary>Writes the vessels in one transaction.</summary>
    public async Task UpsertAsync(IEnumerable<VesselRow> vessels, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(vessels);
        var list = vessels as IReadOnlyCollection<VesselRow> ?? [.. vessels];
        await using var connection = await dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        await Execute(connection, "CREATE TEMPORARY TABLE vessel_in (LIKE vessel INCLUDING DEFAULTS) ON COMMIT DROP", cancellation).ConfigureAwait(false);
        await Execute(connection, "CREATE TEMPORARY TABLE change_in (LIKE vessel_identity_change) ON COMMIT DROP", cancellation).ConfigureAwait(false);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY vessel_in (mmsi, imo, name, call_sign, ship_type, length_metres, draught_metres, destination, flag, identity_changed_at, last_latitude, last_longitude, last_seen, watch_lists) FROM STDIN (FORMAT BINARY)", cancellation).ConfigureAwait(false))
        {
            foreach (var vessel in list)
            {
                var identity = vessel.Identity;
                await writer.StartRowAsync(cancellation).ConfigureAwait(false);
                await writer.WriteAsync((int)vessel.Mmsi.Value, NpgsqlDbType.Integer, cancellation).ConfigureAwait(false);
                await WriteOrNull(writer, identity?.Imo?.Value, NpgsqlDbType.Integer, cancellation).ConfigureAwait(false);
                await WriteOrNull(writer, identity?.Name, NpgsqlDbType.Text, cancellation).ConfigureAwait(false);
                await WriteOrNull(writer, identity?.CallSign, NpgsqlDbType.Text, cancellation).ConfigureAwait(false);
                await WriteOrNull(writer, identity is { ShipType: > 0 } ? (short?)identity.ShipType : null, NpgsqlDbType.Smallint, cancellation).ConfigureAwait(false);
                await WriteOrNull(writer, identity?.LengthMetres, NpgsqlDbType.Double, cancellation).ConfigureAwait(false);
                await WriteOrNull(writer, identity?.DraughtMetres, NpgsqlDbType.Double, cancellation).ConfigureAwait(false);
                await WriteOrNull(writer, identity?.Destination, NpgsqlDbType.Text, cancellation).ConfigureAwait(false);
                await WriteOrNull(writer, FlagStates.CountryOf(vessel.Mmsi), NpgsqlDbType.Text, cancellation).ConfigureAwait(false);
                await WriteOrNull(writer, identity?.ChangedAt, NpgsqlDbType.TimestampTz, cancellation).ConfigureAwait(false);
                await WriteOrNull(writer, vessel.LastLatitudeDegrees, NpgsqlDbType.Double, cancellation).ConfigureAwait(false);
                await WriteOrNull(writer, vessel.LastLongitudeDegrees, NpgsqlDbType.Double, cancellation).ConfigureAwait(false);
                await WriteOrNull(writer, vessel.LastSeen, NpgsqlDbType.TimestampTz, cancellation).ConfigureAwait(false);
                await WriteOrNull(writer, vessel.WatchListMatches.Count > 0 ? JsonSerializer.Serialize(vessel.WatchListMatches, AlertJson.Options) : null, NpgsqlDbType.Jsonb, cancellation).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellation).ConfigureAwait(false);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY change_in (mmsi, changed_at, field, from_value, to_value) FROM STDIN (FORMAT BINARY)", cancellation).ConfigureAwait(false))
        {
            foreach (var vessel in list)
            {
                foreach (var change in vessel.IdentityChanges)
                {
                    await writer.StartRowAsync(cancellation).ConfigureAwait(false);
                    await writer.WriteAsync((int)vessel.Mmsi.Value, NpgsqlDbType.Integer, cancellation).ConfigureAwait(false);
                    await writer.WriteAsync(change.Time, NpgsqlDbType.TimestampTz, cancellation).ConfigureAwait(false);
                    await writer.WriteAsync(change.Field, NpgsqlDbType.Text, cancellation).ConfigureAwait(false);
                    await WriteOrNull(writer, change.From, NpgsqlDbType.Text, cancellation).ConfigureAwait(false);
                    await WriteOrNull(writer, change.To, NpgsqlDbType.Text, cancellation).ConfigureAwait(false);
                }
            }

            await writer.CompleteAsync(cancellation).ConfigureAwait(false);
        }

        await Execute(connection, """
            INSERT INTO vessel SELECT * FROM vessel_in
            ON CONFLICT (mmsi) DO UPDATE SET
                imo = EXCLUDED.imo, name = EXCLUDED.name, call_sign = EXCLUDED.call_sign, ship_type = EXCLUDED.ship_type,
                length_metres = EXCLUDED.length_metres, draught_metres = EXCLUDED.draught_metres, destination = EXCLUDED.destination,
                flag = EXCLUDED.flag, identity_changed_at = EXCLUDED.identity_changed_at, last_latitude = EXCLUDED.last_latitude,
                last_longitude = EXCLUDED.last_longitude, last_seen = EXCLUDED.last_seen, watch_lists = EXCLUDED.watch_lists, stored_last = now()
            WHERE vessel.last_seen IS NULL OR EXCLUDED.last_seen IS NULL OR vessel.last_seen <= EXCLUDED.last_seen
            """, cancellation).ConfigureAwait(false);
        await Execute(connection, "INSERT INTO vessel_identity_change SELECT * FROM change_in ON CONFLICT DO NOTHING", cancellation).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }

    private static Task WriteOrNull<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellation) =>
        value is null ? writer.WriteNullAsync(cancellation) : writer.WriteAsync(value, type, cancellation);

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }
}

/// <summary>A vessel as stored: its identity, its last good position, the watch-list entries it matches and the changes of its identity.</summary>
public sealed record VesselRow(Mmsi Mmsi, VesselIdentity? Identity, double? LastLatitudeDegrees, double? LastLongitudeDegrees, NodaTime.Instant? LastSeen, IReadOnlyList<WatchListMatch> WatchListMatches, IReadOnlyList<IdentityChange> IdentityChanges);
