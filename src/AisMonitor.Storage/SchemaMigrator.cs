using System.Globalization;
using Npgsql;

namespace AisMonitor.Storage;

/// <summary>
/// Applies the plain SQL migrations embedded from Migrations/NNNN_name.sql, in order, each once,
/// inside one transaction under a transaction-level advisory lock, so that several processes
/// starting together neither race nor apply a migration twice. Applied versions are recorded in
/// <c>schema_migration</c>. A database migrated by a later version is refused (<see cref="SchemaTooNewException"/>).
/// </summary>
public static class SchemaMigrator
{
    private const long AdvisoryLockKey = 0x41_49_53_4D_4F_4E; // "AISMON"

    /// <summary>The migrations built into this version, in order.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = Load();

    /// <summary>Brings the database to the latest version; returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, int? upTo = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        await Execute(connection, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey.ToString(CultureInfo.InvariantCulture)})", cancellation).ConfigureAwait(false);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migration') IS NOT NULL", connection))
        {
            // Created only when missing: a database that is up to date is not written to (it may be read-only).
            if (!(bool)(await exists.ExecuteScalarAsync(cancellation).ConfigureAwait(false))!)
            {
                await Execute(connection, "CREATE TABLE schema_migration (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", cancellation).ConfigureAwait(false);
            }
        }

        var applied = new HashSet<int>();
        await using (var query = new NpgsqlCommand("SELECT version FROM schema_migration", connection))
        await using (var reader = await query.ExecuteReaderAsync(cancellation).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        if (applied.Count > 0 && applied.Max() > Migrations[^1].Version)
        {
            throw new SchemaTooNewException(applied.Max(), Migrations[^1].Version);
        }

        var now = new List<int>();
        foreach (var (version, name, sql) in Migrations)
        {
            if (applied.Contains(version) || version > upTo)
            {
                continue;
            }

            await Execute(connection, sql, cancellation).ConfigureAwait(false);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migration (version, name) VALUES ($1, $2)", connection) { Parameters = { new() { Value = version }, new() { Value = name } } };
            await record.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
            now.Add(version);
        }

        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
        return now;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "AisMonitor.Storage.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..^4];
                var version = int.Parse(file.AsSpan(0, file.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (version, file, reader.ReadToEnd());
            })
            .OrderBy(m => m.version)
            .ToList();
    }
}
