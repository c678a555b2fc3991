namespace AisMonitor.Ingestion.Replay;

/// <summary>
/// Splits a byte stream into lines on LF, CR or CRLF without allocating per line. A line longer
/// than the buffer is returned truncated to the buffer (the decoder then rejects it as too long)
/// and the rest of it is discarded, so memory stays bounded whatever the input.
/// </summary>
public sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _skipLf;
    private bool _discardingRestOfLine;

    /// <summary>Reads from <paramref name="stream"/> (which it disposes) with a buffer of <paramref name="bufferBytes"/>.</summary>
    public LineReader(Stream stream, int bufferBytes = 1 << 16)
    {
        _stream = stream;
        _buffer = new byte[bufferBytes];
    }

    /// <summary>The next line without its terminator; valid until the next call.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            if (_skipLf && !available.IsEmpty)
            {
                _skipLf = false;
                if (available[0] == (byte)'\n')
                {
                    _start++;
                    continue;
                }
            }

            var newline = available.IndexOfAny((byte)'\n', (byte)'\r');
            if (_discardingRestOfLine)
            {
                // The tail of a line already returned truncated: drop it up to its terminator.
                if (newline >= 0)
                {
                    _discardingRestOfLine = false;
                    _skipLf = available[newline] == (byte)'\r';
                    _start += newline + 1;
                    continue;
                }

                _start = _end;
                if (_eof)
                {
                    line = default;
                    return false;
                }

                Fill();
                continue;
            }

            if (newline >= 0)
            {
                line = available[..newline];
                _skipLf = available[newline] == (byte)'\r';
                _start += newline + 1;
                return true;
            }

            if (_eof)
            {
                if (available.IsEmpty)
                {
                    line = default;
                    return false;
                }

                line = available;
                _start = _end;
                return true;
            }

            if (_start == 0 && _end == _buffer.Length)
            {
                // A line longer than the buffer: hand out what fits, drop the rest of it on the next call.
                line = _buffer;
                _start = _end;
                _discardingRestOfLine = true;
                return true;
            }

            Fill();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
