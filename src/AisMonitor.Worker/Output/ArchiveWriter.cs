using System.Threading.Channels;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Tracking;
using AisMonitor.Storage;

namespace AisMonitor.Worker.Output;

/// <summary>
/// Feeds the position archive from the detection thread without making it wait for the
/// database: positions are gathered in chunks of 65,536 and written by a background task, with
/// at most four chunks waiting (then the detection thread waits: memory stays bounded). Through a
/// database outage each chunk is retried (for up to five minutes; a chunk is one COPY, all or nothing).
/// </summary>
internal sealed class ArchiveWriter
{
    private const int ChunkSize = 1 << 16;
    private readonly Channel<List<(Mmsi, TrackPoint)>> _chunks = Channel.CreateBounded<List<(Mmsi, TrackPoint)>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
    private readonly Task _writing;
    private List<(Mmsi, TrackPoint)> _current = new(ChunkSize);

    public ArchiveWriter(PositionArchive archive)
    {
        Archive = archive;
        _writing = Task.Run(async () =>
        {
            var outage = TimeSpan.FromMinutes(5);
            await foreach (var chunk in _chunks.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                await Outages.RetryAsync(() => archive.WriteAsync(chunk), outage, Log).ConfigureAwait(false);
                await Outages.RetryAsync(() => archive.MaintainAsync(), outage, Log).ConfigureAwait(false);
            }

            await Outages.RetryAsync(() => archive.CompleteAsync(), outage, Log).ConfigureAwait(false);
        });
    }

    public PositionArchive Archive { get; }

    private static void Log(string message) => Console.Error.WriteLine($"archive     {message}");

    public void Add(Mmsi mmsi, TrackPoint point)
    {
        _current.Add((mmsi, point));
        if (_current.Count == ChunkSize)
        {
            Send();
        }
    }

    /// <summary>Writes what is left and waits for the writing to finish (a database error surfaces here).</summary>
    public void Complete()
    {
        Send();
        _chunks.Writer.Complete();
        _writing.GetAwaiter().GetResult();
    }

    private void Send()
    {
        if (_current.Count == 0)
        {
            return;
        }

        if (!_chunks.Writer.TryWrite(_current))
        {
            if (_writing.IsCompleted)
            {
                _writing.GetAwaiter().GetResult(); // the writer failed: say why
            }

            _chunks.Writer.WriteAsync(_current).AsTask().GetAwaiter().GetResult();
        }

        _current = new List<(Mmsi, TrackPoint)>(ChunkSize);
    }
}
