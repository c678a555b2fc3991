namespace AisMonitor.Ingestion.Live;

/// <summary>Receives one line, without its terminator; valid only during the call.</summary>
public delegate void LineHandler(ReadOnlySpan<byte> line);

/// <summary>
/// Cuts a byte stream that arrives in chunks (TCP reads) into lines on LF, CR or CRLF, without
/// allocating per line. A line split across chunks is carried over in a buffer of the longest line
/// allowed plus one byte; a longer line is handed on at that length (the decoder rejects it as too
/// long, counted) and the rest of it is dropped up to its terminator, so memory stays bounded.
/// </summary>
public sealed class LineSplitter(int maxLineBytes)
{
    private readonly byte[] _carried = new byte[maxLineBytes + 1];
    private int _count;
    private bool _discarding;

    /// <summary>Hands every complete line in <paramref name="chunk"/> (and the one carried from before) to <paramref name="handler"/>.</summary>
    public void Push(ReadOnlySpan<byte> chunk, LineHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        while (!chunk.IsEmpty)
        {
            var end = chunk.IndexOfAny((byte)'\n', (byte)'\r');
            var part = end < 0 ? chunk : chunk[..end];
            if (end >= 0 && _count == 0 && !_discarding)
            {
                if (part.Length > 0)
                {
                    handler(part.Length <= maxLineBytes ? part : part[..(maxLineBytes + 1)]); // the whole line is here: no copy
                }
            }
            else if (!_discarding)
            {
                var room = _carried.Length - _count;
                var taken = Math.Min(room, part.Length);
                part[..taken].CopyTo(_carried.AsSpan(_count));
                _count += taken;
                if (_count > maxLineBytes)
                {
                    handler(_carried.AsSpan(0, _count)); // too long: rejected by the decoder, the rest dropped
                    _count = 0;
                    _discarding = end < 0;
                }
                else if (end >= 0)
                {
                    handler(_carried.AsSpan(0, _count));
                    _count = 0;
                }
            }
            else if (end >= 0)
            {
                _discarding = false;
            }

            if (end < 0)
            {
                return;
            }

            chunk = chunk[(end + 1)..];
        }
    }

    /// <summary>Forgets a partial line (the connection it came from is gone).</summary>
    public void Reset()
    {
        _count = 0;
        _discarding = false;
    }
}
