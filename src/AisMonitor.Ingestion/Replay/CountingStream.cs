namespace AisMonitor.Ingestion.Replay;

/// <summary>A read-only pass-through stream that counts the bytes read from it (progress of a replay).</summary>
public sealed class CountingStream(Stream inner) : ReadOnlyStream
{
    private long _bytesRead;

    /// <summary>Bytes read so far (thread-safe to read from another thread).</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Length of the inner stream, when it has one.</summary>
    public long? TotalBytes => inner.CanSeek ? inner.Length : null;

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Interlocked.Add(ref _bytesRead, read);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
