using AisMonitor.Core.Ais;

namespace AisMonitor.Ingestion.Replay;

/// <summary>
/// An input in event-time order whatever the order of its rows (exports grouped by vessel): an
/// external merge sort. The input is read once into chunks of at most <c>chunkMessages</c>; each is
/// sorted by time, then MMSI, then message type, then input order (so rows in any order give the
/// same sequence) and, when there is more than one, written to a spill file under
/// <c>spillFolder</c>; the chunks are then merged. Memory is bounded by the chunk; the spill files
/// are deleted when the reader is disposed. Messages without an event time come first (replay
/// counts and drops them). Other messages than positions and static reports keep only their type
/// and MMSI (all replay uses of them).
/// </summary>
public sealed class SortingReader : IMessageReader
{
    private readonly IMessageReader _input;
    private readonly string _spillFolder;
    private readonly int _chunkMessages;
    private readonly List<string> _spills = [];
    private readonly List<BinaryReader> _readers = [];
    private PriorityQueue<(DecodedMessage Message, long Sequence), Key>? _merge;
    private List<(DecodedMessage Message, long Sequence)>? _memory;
    private int _memoryNext;
    private bool _started;

    /// <summary>Sorts <paramref name="input"/> (which this reader disposes).</summary>
    public SortingReader(IMessageReader input, string spillFolder, int chunkMessages = 2_000_000)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkMessages, 1);
        _input = input;
        _spillFolder = spillFolder;
        _chunkMessages = chunkMessages;
    }

    /// <inheritdoc />
    public ReadSummary Summary => _input.Summary;

    /// <inheritdoc />
    public Action<long, string>? RejectionObserver
    {
        get => _input.RejectionObserver;
        set => _input.RejectionObserver = value;
    }

    /// <inheritdoc />
    public bool TryRead(out DecodedMessage message)
    {
        if (!_started)
        {
            Sort();
            _started = true;
        }

        if (_memory is not null)
        {
            if (_memoryNext < _memory.Count)
            {
                message = _memory[_memoryNext++].Message;
                return true;
            }

            message = default;
            return false;
        }

        if (_merge!.TryDequeue(out var next, out var key))
        {
            var reader = _readers[key.Chunk];
            if (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                var (m, sequence) = MessageSpill.Read(reader);
                _merge.Enqueue((m, sequence), Key.Of(m, sequence, key.Chunk));
            }

            message = next.Message;
            return true;
        }

        message = default;
        return false;
    }

    private void Sort()
    {
        var chunk = new List<(DecodedMessage Message, long Sequence)>(Math.Min(_chunkMessages, 1 << 16));
        long sequence = 0;
        while (_input.TryRead(out var message))
        {
            chunk.Add((message, sequence++));
            if (chunk.Count == _chunkMessages)
            {
                Spill(chunk);
                chunk.Clear();
            }
        }

        if (_spills.Count == 0)
        {
            SortChunk(chunk);
            _memory = chunk; // it all fitted in memory
            return;
        }

        if (chunk.Count > 0)
        {
            Spill(chunk);
        }

        _merge = new PriorityQueue<(DecodedMessage, long), Key>();
        for (var i = 0; i < _spills.Count; i++)
        {
            var reader = new BinaryReader(new FileStream(_spills[i], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
            _readers.Add(reader);
            if (reader.BaseStream.Length > 0)
            {
                var (m, s) = MessageSpill.Read(reader);
                _merge.Enqueue((m, s), Key.Of(m, s, i));
            }
        }
    }

    private static void SortChunk(List<(DecodedMessage Message, long Sequence)> chunk) =>
        chunk.Sort(static (a, b) => Key.Of(a.Message, a.Sequence, 0).CompareTo(Key.Of(b.Message, b.Sequence, 0)));

    private void Spill(List<(DecodedMessage Message, long Sequence)> chunk)
    {
        SortChunk(chunk);
        PrivateFiles.CreateFolder(_spillFolder);
        var path = Path.Combine(_spillFolder, $"chunk-{Environment.ProcessId}-{Guid.NewGuid():N}.bin");
        _spills.Add(path);
        using var writer = new BinaryWriter(PrivateFiles.Open(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
        foreach (var (message, sequence) in chunk)
        {
            MessageSpill.Write(writer, message, sequence);
        }

    }

    /// <inheritdoc />
    public void Dispose()
    {
        _input.Dispose();
        foreach (var reader in _readers)
        {
            reader.Dispose();
        }

        foreach (var path in _spills)
        {
            File.Delete(path);
        }

        if (Directory.Exists(_spillFolder) && !Directory.EnumerateFileSystemEntries(_spillFolder).Any())
        {
            Directory.Delete(_spillFolder);
        }
    }

    /// <summary>The sort order: time, MMSI, message type, input order; then the chunk, for the merge.</summary>
    private readonly record struct Key(long Ticks, uint Mmsi, int Type, long Sequence, int Chunk) : IComparable<Key>
    {
        public static Key Of(in DecodedMessage message, long sequence, int chunk) =>
            new(message.Metadata.Received?.ToUnixTimeTicks() ?? long.MinValue, message.Mmsi.Value, message.MessageType, sequence, chunk);

        public int CompareTo(Key other)
        {
            var c = Ticks.CompareTo(other.Ticks);
            c = c != 0 ? c : Mmsi.CompareTo(other.Mmsi);
            c = c != 0 ? c : Type.CompareTo(other.Type);
            return c != 0 ? c : Sequence.CompareTo(other.Sequence);
        }
    }
}
