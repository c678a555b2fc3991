using System.IO.Compression;
using System.Text;
using AisMonitor.Ingestion.Replay;

namespace AisMonitor.Ingestion.Tests.Replay;

/// <summary>A zip archive (how MarineCadastre and the Danish Maritime Authority publish a day) is read as the one file it holds.</summary>
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
    public void A_second_file_is_not_read_and_the_summary_says_so()
    {
        var (messages, summary) = ReadAll(Zip(("a.csv", Csv), ("b.csv", Csv)));

        Assert.Equal(2, messages);
        Assert.Contains("only a.csv was read, not b.csv", summary.Incomplete, StringComparison.Ordinal);
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
    public void An_archive_without_a_file_is_refused_at_once() =>
        Assert.Contains("holds no file", Assert.Throws<FormatException>(() => ReadAll(Zip(("empty/", "")))).Message, StringComparison.Ordinal);
}
