using System.Globalization;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.Zip;

namespace AisMonitor.Ingestion.Replay;

/// <summary>
/// A zip archive read as its files one after another, as the Danish Maritime Authority publishes a
/// month (a CSV a day) and MarineCadastre a day (one CSV): streamed entry by entry (SharpZipLib; no
/// seeking, so standard input and archives larger than memory work). Only files of the first file's
/// kind (its extension) are read; others (a readme), folders and macOS metadata (<c>__MACOSX/</c>,
/// <c>._*</c>) are passed over, counted in <see cref="PassedOver"/>. A file that does not end with a
/// line break gets one, so that its last line is not joined to the next file's first. When the first
/// file starts with a CSV header, each later file must start with the same header, which is then
/// passed over (one header for the whole stream); a file with another header ends the stream
/// there. Nothing is thrown at the reader: that, damaged or truncated data end the stream, and
/// <see cref="Incomplete"/> says why.
/// </summary>
public sealed class ZipInput : ReadOnlyStream
{
    private const int HeaderLimitBytes = 64 << 10;
    private readonly ZipInputStream _zip;
    private readonly string _kind;
    private readonly byte[]? _header;
    private readonly string _first;
    private string _entry;
    private long _contentBytes;
    private bool _ended;
    private bool _endsLine = true;
    private byte[] _pending = [];
    private int _pendingStart;

    /// <summary>Opens the archive's first file. Throws <see cref="FormatException"/> when the archive holds none or cannot be read.</summary>
    public ZipInput(Stream compressed)
    {
        _zip = new ZipInputStream(compressed) { IsStreamOwner = true };
        try
        {
            _entry = _first = NextFile(kind: null) ?? throw new FormatException("the zip archive holds no file.");
            _kind = Path.GetExtension(_first);
            var firstLine = ReadFirstLine();
            _pending = firstLine;
            if (ReplayInput.DetectFormat(firstLine) != ReplayFormat.Nmea)
            {
                _header = firstLine;
            }
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new FormatException($"the zip archive cannot be read ({e.Message}).", e);
        }
    }

    /// <summary>Files of another kind than the first, passed over.</summary>
    public int PassedOver { get; private set; }

    /// <summary>Null while reading and when every file of the archive was read whole; otherwise why it ended early and where.</summary>
    public string? Incomplete { get; private set; }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_pendingStart < _pending.Length)
            {
                var count = Math.Min(buffer.Length, _pending.Length - _pendingStart);
                _pending.AsSpan(_pendingStart, count).CopyTo(buffer);
                _pendingStart += count;
                _endsLine = buffer[count - 1] == (byte)'\n';
                return count;
            }

            if (_ended)
            {
                return 0;
            }

            try
            {
                var read = _zip.Read(buffer);
                if (read > 0)
                {
                    _contentBytes += read;
                    _endsLine = buffer[read - 1] == (byte)'\n';
                    return read;
                }

                NextOfKind();
            }
            catch (Exception e) when (IsDamage(e))
            {
                _ended = true;
                Incomplete = string.Create(CultureInfo.InvariantCulture, $"damaged or truncated zip data in {_entry} after {_contentBytes:N0} bytes of content ({e.Message}); everything before it was read");
            }
        }

        return 0;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _zip.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool IsDamage(Exception e) => e is SharpZipBaseException or EndOfStreamException or IOException or InvalidDataException;

    private static ReadOnlySpan<byte> WithoutLineEnd(ReadOnlySpan<byte> line) => line.TrimEnd("\r\n"u8);

    /// <summary>Moves to the next file of the first one's kind, its header passed over (or the stream ended when it differs), after a line break when the last file lacked one.</summary>
    private void NextOfKind()
    {
        if (NextFile(_kind) is not { } next)
        {
            _ended = true;
            return;
        }

        (_entry, _contentBytes) = (next, 0);
        var firstLine = ReadFirstLine();
        if (_header is not null)
        {
            if (!WithoutLineEnd(firstLine).SequenceEqual(WithoutLineEnd(_header)))
            {
                _ended = true;
                Incomplete = $"{next} in the zip archive starts with another header than {_first}: the files before it were read, not it nor any after it; give it separately";
                return;
            }

            firstLine = [];
        }

        _pending = _endsLine ? firstLine : [(byte)'\n', .. firstLine];
        _pendingStart = 0;
    }

    /// <summary>The current file's first line, its line break included (at most 64 KiB: a longer one is its start).</summary>
    private byte[] ReadFirstLine()
    {
        var line = new byte[HeaderLimitBytes];
        var length = 0;
        while (length < line.Length)
        {
            var read = _zip.Read(line, length, 1);
            if (read == 0)
            {
                break;
            }

            _contentBytes++;
            if (line[length++] == (byte)'\n')
            {
                break;
            }
        }

        return line[..length];
    }

    /// <summary>The next file's name, past folders, macOS metadata and (with <paramref name="kind"/>) files of another extension.</summary>
    private string? NextFile(string? kind)
    {
        while (_zip.GetNextEntry() is { } entry)
        {
            if (!entry.IsFile || entry.Name.StartsWith("__MACOSX/", StringComparison.Ordinal) || Path.GetFileName(entry.Name).StartsWith("._", StringComparison.Ordinal))
            {
                continue;
            }

            if (kind is not null && !string.Equals(Path.GetExtension(entry.Name), kind, StringComparison.OrdinalIgnoreCase))
            {
                PassedOver++;
                continue;
            }

            return entry.Name;
        }

        return null;
    }
}
