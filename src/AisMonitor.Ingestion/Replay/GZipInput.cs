using System.Globalization;
using System.IO.Compression;
using ICSharpCode.SharpZipLib.GZip;

namespace AisMonitor.Ingestion.Replay;

/// <summary>
/// gzip input that knows whether it was whole. The runtime's zlib decompresses (fast), but it ends a
/// truncated stream as quietly as a complete one and throws on damaged data; so the last eight
/// compressed bytes are kept, and at the end the gzip trailer's length (ISIZE, the content's length
/// modulo 2³²) must match what was decompressed. When it does not, the stream is either truncated or
/// made of several members (files joined with <c>cat</c>), whose trailers count only their own: a file
/// is then checked once more, member by member, with SharpZipLib, which reads the members one by one
/// and throws at a premature end. Nothing is thrown at the reader: the stream ends where the data
/// does, and <see cref="Incomplete"/> says why.
/// </summary>
public sealed class GZipInput : ReadOnlyStream
{
    private const int MinimumGZipBytes = 18; // header 10, empty deflate 0+, trailer 8
    private readonly TrailerWatch _compressed;
    private readonly GZipStream _gzip;
    private readonly string? _path;
    private long _contentBytes;
    private bool _ended;

    /// <summary>Decompresses <paramref name="compressed"/>; <paramref name="path"/>, when it is a file, allows the check of several members.</summary>
    public GZipInput(Stream compressed, string? path)
    {
        _compressed = new TrailerWatch(compressed);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress);
        _path = path;
    }

    /// <summary>Null while reading and when the stream was whole; otherwise why it ended early and where.</summary>
    public string? Incomplete { get; private set; }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (_ended || buffer.IsEmpty)
        {
            return 0;
        }

        int read;
        try
        {
            read = _gzip.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            _ended = true;
            Incomplete = string.Create(CultureInfo.InvariantCulture, $"damaged gzip data after {_contentBytes:N0} bytes of content ({e.Message}); everything before it was read");
            return 0;
        }

        if (read > 0)
        {
            _contentBytes += read;
            return read;
        }

        _ended = true;
        Incomplete = Whole() ? null : string.Create(CultureInfo.InvariantCulture,
            $"truncated gzip: the compressed data ends after {_contentBytes:N0} bytes of content, before the end of the stream; everything before it was read");
        return 0;
    }

    private bool Whole()
    {
        if (_compressed.Total >= MinimumGZipBytes && _compressed.LastFour == (uint)_contentBytes)
        {
            return true;
        }

        if (_path is null || !File.Exists(_path))
        {
            return false; // standard input cannot be read twice: a stream of several members is reported as incomplete
        }

        try
        {
            using var members = new GZipInputStream(File.OpenRead(_path));
            var buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = members.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
            }

            return total == _contentBytes;
        }
        catch (Exception e) when (e is ICSharpCode.SharpZipLib.SharpZipBaseException or EndOfStreamException or IOException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Passes the compressed bytes through, counting them and keeping the last four (ISIZE, at a whole stream's end).</summary>
    private sealed class TrailerWatch(Stream inner) : ReadOnlyStream
    {
        private uint _lastFour;

        public long Total { get; private set; }

        /// <summary>The last four bytes read, as the little-endian number gzip's trailer writes.</summary>
        public uint LastFour => _lastFour;

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            for (var i = Math.Max(0, read - 4); i < read; i++)
            {
                _lastFour = (_lastFour >> 8) | ((uint)buffer[i] << 24);
            }

            Total += read;
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
}
