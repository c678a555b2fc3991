using System.Globalization;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Tracking;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace AisMonitor.Storage;

/// <summary>
/// Writes positions to the day-partitioned <c>position</c> table with binary COPY, in chunks: the
/// day partitions a chunk needs are created first (DDL cannot run inside a COPY), then the chunk
/// is copied. A day's (mmsi, time) index is built once the day is complete (or at
/// <see cref="CompleteAsync"/>). Retention drops whole day partitions older than the given number
/// of days before the latest day written. Not thread safe: one writer.
/// </summary>
public sealed class PositionArchive(NpgsqlDataSource dataSource, int? retentionDays = null)
{
    private readonly HashSet<LocalDate> _partitions = [];
    private LocalDate? _latestDay;
    private bool _existingRead;
    private readonly HashSet<LocalDate> _indexed = [];

    /// <summary>Positions written.</summary>
    public long Written { get; private set; }

    /// <summary>Writes one chunk of positions: all or nothing (one COPY), so a failed chunk can be written again without duplicates.</summary>
    public async Task WriteAsync(IReadOnlyList<(Mmsi Mmsi, TrackPoint Point)> chunk, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        if (!_existingRead)
        {
            await ReadExistingPartitions(connection, cancellation).ConfigureAwait(false);
        }

        foreach (var day in chunk.Select(p => p.Point.Time.InUtc().Date).Distinct())
        {
            if (_partitions.Add(day))
            {
                await Execute(connection, string.Create(CultureInfo.InvariantCulture,
                    $"CREATE TABLE IF NOT EXISTS position_{day:yyyyMMdd} PARTITION OF position FOR VALUES FROM ('{day:yyyy-MM-dd}') TO ('{day.PlusDays(1):yyyy-MM-dd}')"), cancellation).ConfigureAwait(false);
            }

            _latestDay = _latestDay is { } latest && latest > day ? latest : day;
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY position (mmsi, time, latitude, longitude, speed, suspect) FROM STDIN (FORMAT BINARY)", cancellation).ConfigureAwait(false))
        {
            foreach (var (mmsi, point) in chunk)
            {
                await writer.StartRowAsync(cancellation).ConfigureAwait(false);
                await writer.WriteAsync((int)mmsi.Value, NpgsqlDbType.Integer, cancellation).ConfigureAwait(false);
                await writer.WriteAsync(point.Time, NpgsqlDbType.TimestampTz, cancellation).ConfigureAwait(false);
                await writer.WriteAsync((float)point.LatitudeDegrees, NpgsqlDbType.Real, cancellation).ConfigureAwait(false);
                await writer.WriteAsync((float)point.LongitudeDegrees, NpgsqlDbType.Real, cancellation).ConfigureAwait(false);
                if (point.SpeedKnots is { } speed)
                {
                    await writer.WriteAsync((float)speed, NpgsqlDbType.Real, cancellation).ConfigureAwait(false);
                }
                else
                {
                    await writer.WriteNullAsync(cancellation).ConfigureAwait(false);
                }

                await writer.WriteAsync(point.Quality == TrackPointQuality.Suspect, NpgsqlDbType.Boolean, cancellation).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellation).ConfigureAwait(false);
        }

        Written += chunk.Count;
    }

    /// <summary>After a chunk: drops the days past retention and indexes the complete days (idempotent: safe to retry).</summary>
    public async Task MaintainAsync(CancellationToken cancellation = default)
    {
        if (_latestDay is not { } latest)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await ApplyRetention(connection, cancellation).ConfigureAwait(false);

        // Days two before the latest are complete (positions arrive in event-time order within minutes).
        await IndexDays(connection, _partitions.Where(d => d < latest.PlusDays(-1)), cancellation).ConfigureAwait(false);
    }

    /// <summary>Indexes the days not indexed yet: call when the writing is over.</summary>
    public async Task CompleteAsync(CancellationToken cancellation = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await IndexDays(connection, _partitions, cancellation).ConfigureAwait(false);
    }

    private async Task IndexDays(NpgsqlConnection connection, IEnumerable<LocalDate> days, CancellationToken cancellation)
    {
        foreach (var day in days.Where(d => !_indexed.Contains(d)).ToList())
        {
            await Execute(connection, string.Create(CultureInfo.InvariantCulture, $"CREATE INDEX IF NOT EXISTS position_{day:yyyyMMdd}_mmsi_time ON position_{day:yyyyMMdd} (mmsi, time)"), cancellation).ConfigureAwait(false);
            _indexed.Add(day);
        }
    }

    private async Task ReadExistingPartitions(NpgsqlConnection connection, CancellationToken cancellation)
    {
        const string sql = "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'position'";
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            if (DateOnly.TryParseExact(reader.GetString(0).Replace("position_", "", StringComparison.Ordinal), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                _partitions.Add(LocalDate.FromDateOnly(date));
            }
        }

        _existingRead = true;
    }

    private async Task ApplyRetention(NpgsqlConnection connection, CancellationToken cancellation)
    {
        if (retentionDays is not { } days || _latestDay is not { } latest)
        {
            return;
        }

        var oldestKept = latest.PlusDays(-days);
        foreach (var day in _partitions.Where(d => d < oldestKept).ToList())
        {
            await Execute(connection, string.Create(CultureInfo.InvariantCulture, $"DROP TABLE IF EXISTS position_{day:yyyyMMdd}"), cancellation).ConfigureAwait(false);
            _partitions.Remove(day);
            _indexed.Remove(day);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }
}
