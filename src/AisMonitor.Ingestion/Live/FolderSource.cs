using System.Diagnostics;
using System.Text.Json;
using AisMonitor.Ingestion.Replay;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AisMonitor.Ingestion.Live;

/// <summary>
/// A folder watched for new files (every replay format: NMEA logs with or without tag blocks, CSV
/// exports, <c>.gz</c>), each processed once, in name order, as fast as the pipeline takes them
/// (waiting while it is full: no loss) or at <see cref="SourceOptions.Speed"/> times real time. The
/// folder is polled every <see cref="SourceOptions.PollInterval"/>: a file is taken once its size and
/// time have not changed for one poll (a writer still writing it is waited for), and names starting
/// with a dot or ending in <c>.tmp</c> or <c>.part</c> are left alone (writers that rename when done).
/// Where it got to (the files done, and how many messages of the current one) is kept in every batch,
/// so a checkpoint resumes it exactly: after a restart, even after <c>kill -9</c>, the current file is
/// read again from the start and the messages already detected are skipped. A file that cannot be
/// read, or ends early, is logged and counted done; its messages up to there are used.
/// </summary>
public sealed partial class FolderSource
{
    private readonly SourceOptions _options;
    private readonly IMessageSink _sink;
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly SortedSet<string> _done = new(StringComparer.Ordinal); // changed on the source's task only, under a lock: the position may be read from any thread
    private readonly Lock _doneLock = new();
    private readonly FolderCounts _counts = new();
    private readonly Dictionary<string, (long Length, DateTime Written)> _seen = new(StringComparer.Ordinal);
    private string? _current;
    private long _messages;
    private string? _resumeFile;
    private long _resumeMessages;

    /// <summary>A source not started yet, resuming from <paramref name="position"/> when given (a checkpoint's).</summary>
    public FolderSource(SourceOptions options, IMessageSink sink, string? position, IClock clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        _options = options;
        _sink = sink;
        _clock = clock;
        _logger = logger;
        Status = new SourceStatus(options, _counts);
        if (position is not null)
        {
            var saved = JsonSerializer.Deserialize<SavedPosition>(position) ?? new SavedPosition();
            _done.UnionWith(saved.Done);
            (_resumeFile, _resumeMessages) = (saved.File, saved.Messages);
        }

        sink.Position = Describe;
    }

    /// <summary>How it is doing.</summary>
    public SourceStatus Status { get; }

    /// <summary>Watches the folder until <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (!Directory.Exists(_options.Path))
                {
                    Status.Disconnect($"folder {_options.Path} not found");
                }
                else
                {
                    Status.Connect();
                    Status.Heard(_clock.GetCurrentInstant()); // a folder with nothing new is still being watched
                    foreach (var file in ReadyFiles())
                    {
                        await ProcessAsync(file, stop).ConfigureAwait(false);
                    }
                }

                await Task.Delay(_options.PollInterval, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        await _sink.FlushAsync(idle: true, CancellationToken.None).ConfigureAwait(false);
        Status.Disconnect("stopped");
    }

    /// <summary>
    /// Files not done yet whose size and time have not changed since the last poll, in name order.
    /// Files that have gone from the folder are forgotten (so the position stays as small as the
    /// folder; a file put back under the same name is a new file).
    /// </summary>
    private List<string> ReadyFiles()
    {
        var ready = new List<string>();
        var present = Directory.EnumerateFiles(_options.Path!).Order(StringComparer.Ordinal).ToList();
        var names = present.Select(p => System.IO.Path.GetFileName(p)).ToHashSet(StringComparer.Ordinal);
        lock (_doneLock)
        {
            _done.IntersectWith(names);
        }

        foreach (var gone in _seen.Keys.Where(k => !names.Contains(k)).ToList())
        {
            _seen.Remove(gone);
        }

        foreach (var path in present)
        {
            var name = System.IO.Path.GetFileName(path);
            if (_done.Contains(name) || name.StartsWith('.') || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var info = new FileInfo(path);
            var now = (info.Length, info.LastWriteTimeUtc);
            if (_seen.TryGetValue(name, out var before) && before == now)
            {
                ready.Add(path);
            }

            _seen[name] = now;
        }

        return ready;
    }

    private async Task ProcessAsync(string path, CancellationToken stop)
    {
        var name = System.IO.Path.GetFileName(path);
        var skip = name == _resumeFile ? _resumeMessages : 0;
        _current = name;
        _messages = 0;
        var started = Stopwatch.StartNew();
        ReadSummary? summary = null;
        try
        {
            using var reader = ReplayInput.Open(path);
            var pacing = _options.Speed > 0 ? new SpeedLimit(_options.Speed) : null;
            while (reader.TryRead(out var message))
            {
                if (_messages < skip)
                {
                    _messages++; // detected before the restart
                    continue;
                }

                _messages++;
                _sink.Add(message);
                if ((_messages & 1023) == 0)
                {
                    Status.Heard(_clock.GetCurrentInstant());
                    _counts.Current = reader.Summary;
                    if (pacing?.Wait(message.Metadata.Received) is { } wait)
                    {
                        await _sink.FlushAsync(idle: true, stop).ConfigureAwait(false);
                        await Task.Delay(wait, stop).ConfigureAwait(false);
                    }
                    else
                    {
                        await _sink.FlushAsync(idle: false, stop).ConfigureAwait(false);
                    }
                }
            }

            summary = reader.Summary;
            if (summary.Incomplete is { } why)
            {
                FileIncomplete(_logger, _options.Name, name, why, summary.LinesRead);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            // Binary, a CSV without MMSI or time columns, an archive without a file: counted with the rejections, as a file.
            _counts.Unreadable();
            FileUnreadable(_logger, _options.Name, name, e.Message);
        }

        lock (_doneLock)
        {
            _done.Add(name);
        }

        _current = null;
        _resumeFile = null;
        _counts.Finish(summary);
        await _sink.FlushAsync(idle: true, stop).ConfigureAwait(false); // the batch that records the file as done
        FileDone(_logger, _options.Name, name, _messages - skip, skip, started.Elapsed.TotalSeconds);
    }

    /// <summary>Where the source got to, as a checkpoint keeps it; safe from any thread (the sink asks on the source's task, a status reader may not).</summary>
    private string Describe()
    {
        List<string> done;
        lock (_doneLock)
        {
            done = [.. _done];
        }

        return JsonSerializer.Serialize(new SavedPosition { Done = done, File = Volatile.Read(ref _current), Messages = Interlocked.Read(ref _messages) });
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "{Source}: file {File} done: {Messages} messages ({Skipped} skipped as already detected before a restart) in {Seconds:0.00} s")]
    private static partial void FileDone(ILogger logger, string source, string file, long messages, long skipped, double seconds);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "{Source}: file {File} ended early ({Reason}, after line {Lines}): what was read is used, the file counts as done")]
    private static partial void FileIncomplete(ILogger logger, string source, string file, string reason, long lines);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "{Source}: file {File} cannot be read ({Reason}): skipped, counted as done")]
    private static partial void FileUnreadable(ILogger logger, string source, string file, string reason);

    private sealed class SavedPosition
    {
        public List<string> Done { get; set; } = [];

        public string? File { get; set; }

        public long Messages { get; set; }
    }

    /// <summary>Event time at a chosen multiple of real time: how long to wait before going on, when ahead.</summary>
    private sealed class SpeedLimit(double factor)
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private Instant? _first;

        public TimeSpan? Wait(Instant? eventTime)
        {
            if (eventTime is not { } time)
            {
                return null;
            }

            _first ??= time;
            var ahead = TimeSpan.FromSeconds((time - _first.Value).TotalSeconds / factor) - _wall.Elapsed;
            return ahead > TimeSpan.FromMilliseconds(1) ? ahead : null;
        }
    }

    /// <summary>The counts of the files done and of the one being read.</summary>
    private sealed class FolderCounts : ISourceCounts
    {
        private readonly object _gate = new();
        private long _lines;
        private readonly Dictionary<int, long> _types = [];
        private readonly Dictionary<string, long> _rejected = [];
        private volatile ReadSummary? _current;

        public ReadSummary? Current
        {
            set => _current = value;
        }

        public long LinesRead
        {
            get
            {
                lock (_gate)
                {
                    return _lines + (_current?.LinesRead ?? 0);
                }
            }
        }

        public IEnumerable<KeyValuePair<int, long>> MessagesByType => Sum(_types, _current?.MessagesByType);

        public IEnumerable<KeyValuePair<string, long>> Rejected => Sum(_rejected, _current?.Rejected);

        /// <summary>A file no reader could take, counted among the rejections as <c>UnreadableFile</c>.</summary>
        public void Unreadable()
        {
            lock (_gate)
            {
                _rejected["UnreadableFile"] = _rejected.GetValueOrDefault("UnreadableFile") + 1;
            }
        }

        public void Finish(ReadSummary? summary)
        {
            lock (_gate)
            {
                _current = null;
                if (summary is null)
                {
                    return;
                }

                _lines += summary.LinesRead;
                Add(_types, summary.MessagesByType);
                Add(_rejected, summary.Rejected);
            }
        }

        private List<KeyValuePair<TKey, long>> Sum<TKey>(Dictionary<TKey, long> done, IReadOnlyDictionary<TKey, long>? current)
            where TKey : notnull
        {
            lock (_gate)
            {
                var total = new Dictionary<TKey, long>(done);
                Add(total, current);
                return [.. total];
            }
        }

        private static void Add<TKey>(Dictionary<TKey, long> into, IReadOnlyDictionary<TKey, long>? counts)
            where TKey : notnull
        {
            foreach (var (key, count) in counts ?? new Dictionary<TKey, long>())
            {
                into[key] = into.GetValueOrDefault(key) + count;
            }
        }
    }
}
