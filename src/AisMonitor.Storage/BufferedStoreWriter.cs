using System.Text;
using System.Text.Json;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.PortCalls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AisMonitor.Storage;

/// <summary>
/// Writes alert and port-call updates to PostgreSQL as they happen, and survives database
/// outages: updates wait in memory (at most <c>memoryLimit</c>), then in an append-only spool file
/// (each line flushed to disk), and are written when the database returns, oldest first. Writes
/// are idempotent (ids, and "an older update never overwrites a newer one"), so an update sent
/// twice across a failure is harmless: nothing is lost and nothing is duplicated. A spool left by
/// a process that stopped during an outage is written first at the next start.
/// </summary>
public sealed partial class BufferedStoreWriter : IAsyncDisposable
{
    private const int BatchSize = 500;
    private readonly object _gate = new();
    private readonly Queue<Update> _memory = new();
    private readonly int _memoryLimit;
    private readonly string _spoolPath;
    private readonly AlertStore _alerts;
    private readonly PortCallStore _calls;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _work = new(0, 1);
    private readonly Task _writing;
    private FileStream? _spool;
    private long _spoolReadOffset;
    private bool _completing;
    private readonly Action<TimeSpan>? _batchWritten;

    /// <summary>Starts writing in the background; <paramref name="spoolPath"/> is where updates go when memory is full.</summary>
    public BufferedStoreWriter(NpgsqlDataSource dataSource, string spoolPath, int memoryLimit = 10_000, ILogger? logger = null, Action<TimeSpan>? batchWritten = null)
    {
        _batchWritten = batchWritten;
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryLimit, 1);
        _memoryLimit = memoryLimit;
        _spoolPath = spoolPath;
        _alerts = new AlertStore(dataSource);
        _calls = new PortCallStore(dataSource);
        _logger = logger ?? NullLogger.Instance;
        if (File.Exists(spoolPath) && new FileInfo(spoolPath).Length > 0)
        {
            _spool = OpenSpool();
            LogSpoolFromEarlierRun(_logger, _spool.Length);
        }

        _writing = Task.Run(WriteLoop);
    }

    /// <summary>Updates written to the database.</summary>
    public long Written { get; private set; }

    /// <summary>Updates that went through the spool file.</summary>
    public long Spooled { get; private set; }

    /// <summary>Spool lines that could not be read (torn by a power cut or a full disk), set aside in <c>{spool}.quarantine</c>.</summary>
    public long Quarantined { get; private set; }

    /// <summary>
    /// A failure that is not an outage (a database turned read-only, a schema it does not expect, an
    /// encoding error): writing stopped at once and everything pending is in the spool, to be written
    /// at the next start once the cause is fixed. Null while all is well.
    /// </summary>
    public Exception? Fault { get; private set; }

    /// <summary>Updates queued since the start.</summary>
    public long Enqueued
    {
        get
        {
            lock (_gate)
            {
                return _enqueued;
            }
        }
    }

    /// <summary>
    /// How many of the updates queued since the start are safe from a crash: written, or in the spool
    /// file (flushed to disk). Updates are kept in order, so these are the first ones queued. A
    /// checkpoint is taken only once every update before it is safe.
    /// </summary>
    public long Durable
    {
        get
        {
            lock (_gate)
            {
                return _enqueued - _memory.Count;
            }
        }
    }

    private long _enqueued;

    /// <summary>Failed attempts to write (each followed by a wait and a retry).</summary>
    public long Failures { get; private set; }

    /// <summary>Queues an alert update.</summary>
    public void Add(Alert alert) => Enqueue(new Update(alert, null));

    /// <summary>Queues a port-call update.</summary>
    public void Add(PortCall call) => Enqueue(new Update(null, call));

    /// <summary>Waits until everything queued is written, or <paramref name="timeout"/> passes (what is left stays in the spool for the next start).</summary>
    public async Task<bool> CompleteAsync(TimeSpan timeout)
    {
        lock (_gate)
        {
            _completing = true;
        }

        Signal();

        var finished = await Task.WhenAny(_writing, Task.Delay(timeout)).ConfigureAwait(false) == _writing;
        if (!finished)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            lock (_gate)
            {
                KeepMemoryInSpool();
            }
        }

        try
        {
            await _writing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped on purpose
        }

        return finished;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_writing.IsCompleted)
        {
            await CompleteAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }

        _spool?.Dispose();
        _stop.Dispose();
        _work.Dispose();
    }

    private void Enqueue(Update update)
    {
        lock (_gate)
        {
            _enqueued++;
            if (_spool is not null || _memory.Count >= _memoryLimit || Fault is not null)
            {
                AppendToSpool(update); // once spooling, everything newer goes there too: order is kept
            }
            else
            {
                _memory.Enqueue(update);
            }
        }

        Signal();
    }

    /// <summary>Wakes the writing loop (at most one wake-up pending: it looks at everything queued when it runs).</summary>
    private void Signal()
    {
        if (_work.CurrentCount == 0)
        {
            try
            {
                _work.Release();
            }
            catch (SemaphoreFullException)
            {
                // another thread signalled in between: one wake-up is enough
            }
        }
    }

    private void AppendToSpool(Update update)
    {
        _spool ??= OpenSpool();
        _spool.Seek(0, SeekOrigin.End);
        _spool.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(update, AlertJson.ExactOptions) + "\n"));
        _spool.Flush(flushToDisk: true);
        Spooled++;
    }

    /// <summary>Leaves what is still in memory to the spool, ahead of what the spool holds unwritten (memory is the older of the two).</summary>
    private void KeepMemoryInSpool()
    {
        if (_memory.Count == 0)
        {
            return;
        }

        var unwritten = new List<string>();
        if (_spool is not null)
        {
            _spool.Seek(_spoolReadOffset, SeekOrigin.Begin);
            using var text = new StreamReader(_spool, Encoding.UTF8, leaveOpen: true);
            while (text.ReadLine() is { } line)
            {
                unwritten.Add(line);
            }

            _spool.SetLength(0);
            _spoolReadOffset = 0;
        }

        while (_memory.TryDequeue(out var left))
        {
            AppendToSpool(left);
        }

        foreach (var line in unwritten)
        {
            _spool!.Write(Encoding.UTF8.GetBytes(line + "\n"));
        }

        _spool!.Flush(flushToDisk: true);
    }

    private FileStream OpenSpool()
    {
        PrivateFiles.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(_spoolPath))!);
        var spool = PrivateFiles.Open(_spoolPath, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        if (spool.Length > 0)
        {
            // Only a crash leaves a last line torn mid-write, without its newline: end it, so that what
            // is appended starts a line of its own (the torn one is set aside when it is read).
            spool.Seek(-1, SeekOrigin.End);
            if (spool.ReadByte() != '\n')
            {
                spool.WriteByte((byte)'\n');
            }
        }

        return spool;
    }

    private async Task WriteLoop()
    {
        var wait = TimeSpan.FromMilliseconds(200);
        var down = false;
        while (true)
        {
            List<Update> batch;
            long nextOffset;
            bool idle;
            lock (_gate)
            {
                idle = _memory.Count == 0 && _spool is null && !_completing;
                (batch, nextOffset) = idle ? ([], -1) : NextBatch();
                if (batch.Count == 0 && _completing)
                {
                    return;
                }
            }

            if (idle)
            {
                await _work.WaitAsync(TimeSpan.FromMilliseconds(200), _stop.Token).ConfigureAwait(false); // nothing queued: wait without holding a thread
                continue;
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                _stop.Token.ThrowIfCancellationRequested();
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await WriteAsync(batch).ConfigureAwait(false);
                _batchWritten?.Invoke(System.Diagnostics.Stopwatch.GetElapsedTime(started));
                if (down)
                {
                    LogReachableAgain(_logger);
                    down = false;
                }

                wait = TimeSpan.FromMilliseconds(200);
                lock (_gate)
                {
                    Commit(batch.Count, nextOffset);
                }
            }
            catch (Exception e) when (Outages.IsTransient(e))
            {
                Failures++;
                if (!down)
                {
                    LogUnavailable(_logger, e.Message);
                    down = true;
                }

                await Task.Delay(wait, _stop.Token).ConfigureAwait(false);
                wait = TimeSpan.FromMilliseconds(Math.Min(5000, wait.TotalMilliseconds * 2));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not an outage: retrying would not help, and carrying on would lose what is queued.
                lock (_gate)
                {
                    Fault = e;
                    _spool ??= OpenSpool();
                    KeepMemoryInSpool();
                }

                LogRefused(_logger, e, _spoolPath);
                return;
            }
        }
    }

    /// <summary>The oldest updates: memory first (it is older than the spool while spooling), then the spool from where reading stopped.</summary>
    private (List<Update> Batch, long NextOffset) NextBatch()
    {
        if (_memory.Count > 0)
        {
            return ([.. _memory.Take(BatchSize)], -1);
        }

        if (_spool is null)
        {
            return ([], -1);
        }

        var batch = new List<Update>();
        using var reader = new FileStream(_spoolPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        reader.Seek(_spoolReadOffset, SeekOrigin.Begin);
        var offset = _spoolReadOffset;
        using var text = new StreamReader(reader, Encoding.UTF8);
        while (batch.Count < BatchSize && text.ReadLine() is { } line)
        {
            offset += Encoding.UTF8.GetByteCount(line) + 1;
            if (line.Length == 0)
            {
                continue; // the newline that ended a torn line
            }

            if (Read(line) is { } update)
            {
                batch.Add(update);
            }
            else
            {
                Quarantine(line);
            }
        }

        return (batch, Math.Min(offset, _spool.Length));
    }

    private static Update? Read(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<Update>(line, AlertJson.ExactOptions) is { } update && (update.Alert is null) != (update.PortCall is null) ? update : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Sets an unreadable spool line aside (never lost, never blocking the rest), counted and logged.</summary>
    private void Quarantine(string line)
    {
        var path = _spoolPath + ".quarantine";
        using (var file = PrivateFiles.Open(path, FileMode.Append, FileAccess.Write))
        {
            file.Write(Encoding.UTF8.GetBytes(line + "\n"));
            file.Flush(flushToDisk: true);
        }

        Quarantined++;
        LogQuarantined(_logger, line.Length, path);
    }

    private void Commit(int count, long nextOffset)
    {
        Written += count;
        if (nextOffset < 0)
        {
            for (var i = 0; i < count; i++)
            {
                _memory.Dequeue();
            }

            return;
        }

        _spoolReadOffset = nextOffset;
        if (_spool is not null && _spoolReadOffset >= _spool.Length)
        {
            _spool.Dispose();
            _spool = null;
            _spoolReadOffset = 0;
            File.Delete(_spoolPath); // all written: back to memory
        }
    }

    private async Task WriteAsync(List<Update> batch)
    {
        // Consecutive updates of one kind go together; the order between them is kept.
        var start = 0;
        while (start < batch.Count)
        {
            var isAlert = batch[start].Alert is not null;
            var end = start;
            while (end < batch.Count && (batch[end].Alert is not null) == isAlert)
            {
                end++;
            }

            var run = batch.GetRange(start, end - start);
            if (isAlert)
            {
                await _alerts.UpsertAsync([.. run.Select(u => u.Alert!)], _stop.Token).ConfigureAwait(false);
            }
            else
            {
                await _calls.UpsertAsync([.. run.Select(u => u.PortCall!)], _stop.Token).ConfigureAwait(false);
            }

            start = end;
        }
    }

    /// <summary>One queued update: an alert or a port call.</summary>
    /// <param name="Alert">The alert, when it is one.</param>
    /// <param name="PortCall">The port call, when it is one.</param>
    public sealed record Update(Alert? Alert, PortCall? PortCall);

    [LoggerMessage(Level = LogLevel.Information, Message = "storage: a spool of updates from an earlier run ({Bytes} bytes) is written first")]
    private static partial void LogSpoolFromEarlierRun(ILogger logger, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "storage: database reachable again: writing the buffered updates")]
    private static partial void LogReachableAgain(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "storage: database unavailable ({Reason}): buffering updates, retrying")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "storage: the database refused the updates: writing stopped; everything pending is kept in the spool {Spool} and written at the next start, once the cause is fixed")]
    private static partial void LogRefused(ILogger logger, Exception error, string spool);

    [LoggerMessage(Level = LogLevel.Warning, Message = "storage: an unreadable spool line ({Characters} characters, torn by a crash or a full disk?) was set aside in {Quarantine}; the rest is written")]
    private static partial void LogQuarantined(ILogger logger, int characters, string quarantine);
}
