using System.IO.Compression;
using System.Text;
using AisMonitor.Ingestion.Replay;

namespace AisMonitor.Ingestion.Tests.Replay;

/// <summary>A zip archive (how MarineCadastre publishes a day and the Danish Maritime Authority a day or a month) is read as the files it holds, one after another.</summary>
public sealed class ZipInputTests
{
    private const string Csv = "mmsi,timestamp,lat,lon\n273210440,2024-03-01T12:00:00Z,34.5,128.5\n273210440,2024-03-01T12:10:00Z,34.6,128.5\n";

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var bytes = new MemoryStream();
        using (var archive = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return bytes.ToArray();
    }

    private static (int Messages, ReadSummary Summary) ReadAll(byte[] bytes)
    {
        using var reader = ReplayInput.Open(new MemoryStream(bytes));
        var messages = 0;
        while (reader.TryRead(out _))
        {
            messages++;
        }

        return (messages, reader.Summary);
    }

    [Fact]
    public void The_one_file_of_an_archive_is_read_whole_past_folders_and_macOS_metadata()
    {
        var (messages, summary) = ReadAll(Zip(("day/", ""), ("__MACOSX/day/._positions.csv", "\u0000\u0005junk"), ("day/positions.csv", Csv)));

        Assert.Equal(2, messages);
        Assert.Equal(ReplayFormat.PositionsCsv, summary.Format);
        Assert.Null(summary.Incomplete);
    }

    [Fact]
    public void The_files_of_an_archive_are_read_one_after_another_under_the_one_header()
    {
        var (messages, summary) = ReadAll(Zip(("2024-03-01.csv", Csv), ("2024-03-02.csv", Csv.Replace("03-01", "03-02", StringComparison.Ordinal))));

        Assert.Equal(4, messages);
        Assert.Null(summary.Incomplete);
        Assert.Equal(1, summary.Skipped["Header"]); // the second file's header is not a row
        Assert.Empty(summary.Rejected);
        Assert.True(summary.AddsUp);
    }

    [Fact]
    public void Files_of_another_kind_are_passed_over_and_counted()
    {
        var (messages, summary) = ReadAll(Zip(("a.csv", Csv), ("README.txt", "Positions of one vessel.\n"), ("b.CSV", Csv)));

        Assert.Equal(4, messages);
        Assert.Empty(summary.Rejected);
        Assert.Equal(1, summary.Tolerated["ArchiveFileOfOtherKind"]);
    }

    [Fact]
    public void A_file_with_another_header_ends_the_stream_there_and_the_summary_says_so()
    {
        var (messages, summary) = ReadAll(Zip(("a.csv", Csv), ("b.csv", "timestamp,mmsi,lat,lon\n2024-03-01T13:00:00Z,273210440,34.7,128.5\n"), ("c.csv", Csv)));

        Assert.Equal(2, messages);
        Assert.Contains("b.csv in the zip archive starts with another header than a.csv", summary.Incomplete, StringComparison.Ordinal);
    }

    [Fact]
    public void An_NMEA_file_without_a_last_line_break_is_not_joined_to_the_next_file()
    {
        const string Sentence = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";
        var (messages, summary) = ReadAll(Zip(("a.nmea", $"\\c:1709294400*5D\\{Sentence}"), ("b.nmea", $"\\c:1709294460*5B\\{Sentence}\n")));

        Assert.Equal(2, messages);
        Assert.Empty(summary.Rejected);
        Assert.Equal(2, summary.LinesRead);
    }

    [Fact]
    public void A_truncated_archive_keeps_what_was_read_and_says_where_it_ended()
    {
        var whole = Zip(("big.csv", "mmsi,timestamp,lat,lon\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"273210440,2024-03-01T12:00:{i % 60:00}Z,34.5,128.5\n"))));

        var (messages, summary) = ReadAll(whole[..(whole.Length / 2)]);

        Assert.InRange(messages, 1, 19_999);
        Assert.Contains("truncated zip data in big.csv", summary.Incomplete, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tar_archive_is_refused_with_what_to_do()
    {
        using var tar = new MemoryStream();
        using (var gzip = new GZipStream(tar, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new System.Formats.Tar.TarWriter(gzip))
        {
            var entry = new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "day/positions.csv") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(Csv)) };
            writer.WriteEntry(entry);
        }

        var refusal = Assert.Throws<FormatException>(() => ReadAll(tar.ToArray()));

        Assert.Contains("a tar archive", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("tar xf", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_archive_without_a_file_is_refused_at_once() =>
        Assert.Contains("holds no file", Assert.Throws<FormatException>(() => ReadAll(Zip(("empty/", "")))).Message, StringComparison.Ordinal);
}
