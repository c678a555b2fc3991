using AisMonitor.Core.Ais;
using NodaTime;

namespace AisMonitor.Ingestion.Replay;

/// <summary>
/// Merges several readers into one stream in event-time order (k-way merge on the next message of
/// each). A message without a time keeps its reader's place (the time of its previous message), so
/// files without timestamps still replay in file order. Each input must be roughly in time order
/// itself; the engine's reordering window absorbs small disorder within a file.
/// </summary>
public sealed class TimeOrderedMerge : IMessageSource, IDisposable
{
    private readonly IReadOnlyList<IMessageReader> _readers;
    private readonly PriorityQueue<int, (Instant Time, int Reader)> _heads = new();
    private readonly DecodedMessage[] _next;
    private readonly Instant[] _lastTime;

    /// <summary>Merges <paramref name="readers"/> (disposed with the merge).</summary>
    public TimeOrderedMerge(IReadOnlyList<IMessageReader> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        _readers = readers;
        _next = new DecodedMessage[readers.Count];
        _lastTime = new Instant[readers.Count];
        Array.Fill(_lastTime, Instant.MinValue);
        if (readers.Count > 1)
        {
            for (var i = 0; i < readers.Count; i++)
            {
                Advance(i);
            }
        }
    }

    /// <summary>The next message in time order, or false when every reader is done.</summary>
    public bool TryRead(out DecodedMessage message)
    {
        if (_readers.Count == 1)
        {
            return _readers[0].TryRead(out message); // nothing to merge
        }

        if (!_heads.TryDequeue(out var reader, out _))
        {
            message = default;
            return false;
        }

        message = _next[reader];
        Advance(reader);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var reader in _readers)
        {
            reader.Dispose();
        }
    }

    private void Advance(int reader)
    {
        if (_readers[reader].TryRead(out var message))
        {
            _next[reader] = message;
            var time = message.Metadata.Received ?? _lastTime[reader];
            _lastTime[reader] = time;
            _heads.Enqueue(reader, (time, reader));
        }
    }
}
