using AisMonitor.Worker.Commands;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AisMonitor.Worker.Hosting;

/// <summary>
/// Opens the database when the host starts (migrations applied; AisMonitor's own server started
/// when no connection string is configured) and closes it when the host has stopped everything
/// else: a database that cannot be reached stops the start, with its reason, before any feed is read.
/// </summary>
internal sealed class DatabaseService(StorageOptions storage, ILogger<DatabaseService> logger) : IHostedService, IAsyncDisposable
{
    private Database? _database;

    public Database Database => _database ?? throw new InvalidOperationException("The database is opened when the host starts.");

    /// <summary>Opens the database, once (the command opens it before the host starts, so that an unreachable one is a clear error and exit code, not a failed host).</summary>
    public async Task StartAsync(CancellationToken cancellationToken) => _database ??= await Database.OpenAsync(storage, logger).ConfigureAwait(false);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
        }
    }
}
