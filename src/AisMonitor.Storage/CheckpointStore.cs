using System.IO.Compression;
using System.Text.Json;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace AisMonitor.Storage;

/// <summary>
/// The live worker's checkpoints in PostgreSQL: the engine's state (<see cref="EngineSnapshot"/>,
/// exact JSON, gzip-compressed) and where each source got to (as JSON, for sources that can resume,
/// such as a watched folder), one row per worker, replaced whole in one statement: a checkpoint is
/// there entirely or not at all.
/// </summary>
public sealed class CheckpointStore(NpgsqlDataSource dataSource)
{
    /// <summary>Saves a checkpoint, replacing the worker's previous one; the compressed size in bytes.</summary>
    public async Task<long> SaveAsync(string worker, Instant takenAt, EngineSnapshot snapshot, IReadOnlyDictionary<string, string> sources, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await JsonSerializer.SerializeAsync(gzip, snapshot, AlertJson.ExactOptions, cancellation).ConfigureAwait(false);
        }

        await using var command = dataSource.CreateCommand("""
            INSERT INTO engine_checkpoint (worker, taken_at, watermark, sources, snapshot) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (worker) DO UPDATE SET taken_at = EXCLUDED.taken_at, watermark = EXCLUDED.watermark, sources = EXCLUDED.sources, snapshot = EXCLUDED.snapshot
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = worker });
        command.Parameters.Add(new NpgsqlParameter { Value = takenAt });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)snapshot.Watermark ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(sources), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = compressed.ToArray(), NpgsqlDbType = NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        return compressed.Length;
    }

    /// <summary>The worker's latest checkpoint, or null when it has none.</summary>
    public async Task<Checkpoint?> LoadAsync(string worker, CancellationToken cancellation = default)
    {
        await using var command = dataSource.CreateCommand("SELECT taken_at, sources::text, snapshot FROM engine_checkpoint WHERE worker = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = worker });
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            return null;
        }

        var takenAt = reader.GetFieldValue<Instant>(0);
        var sources = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(1)) ?? [];
        await using var gzip = new GZipStream(new MemoryStream(reader.GetFieldValue<byte[]>(2)), CompressionMode.Decompress);
        var snapshot = await JsonSerializer.DeserializeAsync<EngineSnapshot>(gzip, AlertJson.ExactOptions, cancellation).ConfigureAwait(false)
            ?? throw new InvalidDataException($"The checkpoint of {worker} is empty.");
        return new Checkpoint(takenAt, snapshot, sources);
    }
}

/// <summary>A checkpoint as loaded: when it was taken, the engine's state, and each source's position by source name.</summary>
public sealed record Checkpoint(Instant TakenAt, EngineSnapshot Snapshot, IReadOnlyDictionary<string, string> Sources);
