using Npgsql;

namespace AisMonitor.Storage;

/// <summary>
/// Which of several workers on one database processes the feeds: the one holding a session-level
/// PostgreSQL advisory lock named after the worker, on a connection of its own kept open for as long
/// as it is active. The others stand by, asking again every few seconds. The lock goes with the
/// session: when the active process dies (even <c>kill -9</c>) its connection closes, the server ends
/// the session and frees the lock, and a standby takes it at its next try. TCP keepalives on the
/// session (10 s idle, 5 s apart, 3 probes) free it within about 25 s when the host itself is lost.
/// </summary>
public sealed class ActiveLease : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _worker;
    private readonly SemaphoreSlim _one = new(1, 1); // one command at a time on the lease's connection, whoever asks
    private NpgsqlConnection? _connection;

    private ActiveLease(NpgsqlDataSource dataSource, string worker) => (_dataSource, _worker) = (dataSource, worker);

    /// <summary>The lease of <paramref name="worker"/> (all workers of one deployment share its name), not yet held.</summary>
    public static ActiveLease For(NpgsqlDataSource dataSource, string worker)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrEmpty(worker);
        return new ActiveLease(dataSource, worker);
    }

    /// <summary>Whether this process held the lease at its last try or check.</summary>
    public bool Held => _connection is not null;

    /// <summary>Takes the lease if no one holds it: true when this process holds it now. Throws when the database is unreachable.</summary>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellation = default)
    {
        await _one.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            return await AcquireAsync(cancellation).ConfigureAwait(false);
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<bool> AcquireAsync(CancellationToken cancellation)
    {
        if (_connection is not null)
        {
            return true;
        }

        var connection = await _dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        try
        {
            await using (var session = new NpgsqlCommand("SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3", connection))
            {
                await session.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
            }

            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended('aismonitor.active.' || $1, 0))", connection) { Parameters = { new() { Value = _worker } } };
            if (await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false) is true)
            {
                _connection = connection;
                return true;
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Whether the lease is still this process's: its session answers. False when the session is gone
    /// (the database restarted or the connection broke): the lock went with it, and another worker may
    /// hold it now; <see cref="TryAcquireAsync"/> says whether this one can have it back.
    /// </summary>
    public async Task<bool> CheckAsync(CancellationToken cancellation = default)
    {
        await _one.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (_connection is not { } connection)
            {
                return false;
            }

            try
            {
                await using var command = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = 5 };
                await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                _connection = null;
                await connection.DisposeAsync().ConfigureAwait(false);
                return false;
            }
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>Gives the lease up: unlocked before the connection goes back to the pool (whose session would keep the lock).</summary>
    public async ValueTask DisposeAsync()
    {
        await _one.WaitAsync().ConfigureAwait(false);
        try
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task ReleaseAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection) { CommandTimeout = 5 };
                await unlock.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // the session is gone, and the lock with it
            }

            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
