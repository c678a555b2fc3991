using System.Globalization;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.Zip;

namespace AisMonitor.Ingestion.Replay;

/// <summary>
/// A zip archive read as the one file it holds, as MarineCadastre and the Danish Maritime Authority
/// publish a day of AIS: streamed entry by entry (SharpZipLib; no seeking, so standard input and
/// archives larger than memory work), folders and macOS metadata (<c>__MACOSX/</c>, <c>._*</c>) passed
/// over. Nothing is thrown at the reader: damaged or truncated data, or a second file after the
/// first, ends the stream there, and <see cref="Incomplete"/> says why.
/// </summary>
public sealed class ZipInput : ReadOnlyStream
{
    private readonly ZipInputStream _zip;
    private long _contentBytes;
    private bool _ended;

    /// <summary>Opens the archive's first file. Throws <see cref="FormatException"/> when the archive holds none or cannot be read.</summary>
    public ZipInput(Stream compressed)
    {
        _zip = new ZipInputStream(compressed) { IsStreamOwner = true };
        try
        {
            Entry = NextFile() ?? throw new FormatException("the zip archive holds no file.");
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new FormatException($"the zip archive cannot be read ({e.Message}).", e);
        }
    }

    /// <summary>The name of the file read, as the archive gives it.</summary>
    public string Entry { get; }

    /// <summary>Null while reading and when the archive held one whole file; otherwise why it ended early and where.</summary>
    public string? Incomplete { get; private set; }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (_ended || buffer.IsEmpty)
        {
            return 0;
        }

        try
        {
            var read = _zip.Read(buffer);
            if (read > 0)
            {
                _contentBytes += read;
                return read;
            }

            _ended = true;
            if (NextFile() is { } next)
            {
                Incomplete = $"the zip archive holds more than one file: only {Entry} was read, not {next} nor any after it; unzip it and give each file";
            }
        }
        catch (Exception e) when (IsDamage(e))
        {
            _ended = true;
            Incomplete = string.Create(CultureInfo.InvariantCulture, $"damaged or truncated zip data in {Entry} after {_contentBytes:N0} bytes of content ({e.Message}); everything before it was read");
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

    private string? NextFile()
    {
        while (_zip.GetNextEntry() is { } entry)
        {
            if (entry.IsFile && !entry.Name.StartsWith("__MACOSX/", StringComparison.Ordinal) && !Path.GetFileName(entry.Name).StartsWith("._", StringComparison.Ordinal))
            {
                return entry.Name;
            }
        }

        return null;
    }
}
