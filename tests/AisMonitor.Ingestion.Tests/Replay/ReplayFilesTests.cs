using AisMonitor.Core.Tests.Support;
using AisMonitor.Ingestion.Replay;
using Xunit.Abstractions;

namespace AisMonitor.Ingestion.Tests.Replay;

/// <summary>Every real file we have decodes without an exception and with a summary that adds up.</summary>
public sealed class ReplayFilesTests(ITestOutputHelper output)
{
    public static TheoryData<string, ReplayFormat> Files() => new()
    {
        { "tests/data/nmea-logs/aisnet-kystverket-Ais1000Lines.nm4", ReplayFormat.Nmea },
        { "tests/data/nmea-logs/amsa-terrestrial-ais.txt.gz", ReplayFormat.Nmea },
        { "tests/data/nmea-logs/gpsd-ais-18-27.log", ReplayFormat.Nmea },
        { "tests/data/nmea-logs/gpsd-ais-nmea-type6-fid55.log", ReplayFormat.Nmea },
        { "tests/data/nmea-logs/gpsd-ais-nmea.log", ReplayFormat.Nmea },
        { "tests/data/nmea-logs/gpsd-ais-raw-messages.log", ReplayFormat.Nmea },
        { "tests/data/nmea-logs/libais-test.aivdm", ReplayFormat.Nmea },
        { "tests/data/nmea-logs/pyais-nmea_data_sample.txt", ReplayFormat.Nmea },
        { "sample-tracks/gfw-segmenter/positions.csv", ReplayFormat.PositionsCsv },
        { "sample-tracks/gfw-segmenter/static.csv", ReplayFormat.PositionsCsv },
        { "sample-tracks/noaa-marinecadastre-2022-01-03/AIS_2022_01_03_0000-0015_nationwide.csv.gz", ReplayFormat.MarineCadastreCsv },
        { "sample-tracks/noaa-marinecadastre-2022-01-03/subset_houston_galveston.csv", ReplayFormat.MarineCadastreCsv },
        { "sample-tracks/noaa-marinecadastre-2022-01-03/subset_la_longbeach.csv", ReplayFormat.MarineCadastreCsv },
        { "tests/data/dma/dma-sample.csv", ReplayFormat.DanishMaritimeAuthorityCsv },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void File_decodes_completely_with_a_summary_that_adds_up(string relativePath, ReplayFormat format)
    {
        var summary = ReadAll(relativePath, out var messages);
        output.WriteLine($"{relativePath}: {summary.LinesRead} lines, {summary.Messages} messages, skipped {Describe(summary.Skipped)}, rejected {Describe(summary.Rejected)}, tolerated {Describe(summary.Tolerated)}");
        Assert.Equal(format, summary.Format);
        Assert.True(summary.AddsUp, "lines read do not add up");
        Assert.Equal(summary.Messages, messages);
        Assert.Equal(summary.Messages, summary.MessagesByType.Values.Sum());
        Assert.True(summary.Messages > 0);
    }

    [Fact]
    public void Norwegian_feed_gives_877_messages_from_1000_lines()
    {
        var summary = ReadAll("tests/data/nmea-logs/aisnet-kystverket-Ais1000Lines.nm4", out _);
        Assert.Equal(1000, summary.LinesRead);
        Assert.Equal(877, summary.Messages);
        Assert.Equal(123, summary.FragmentLines); // 123 two-part messages: one fragment line each besides the completing line
        Assert.Equal(246, summary.Tolerated["TagBlockChecksumMismatch"]);
        Assert.Empty(summary.Rejected);
    }

    [Fact]
    public void Amsa_feed_decodes_every_sentence_and_skips_the_other_sentences()
    {
        var summary = ReadAll("tests/data/nmea-logs/amsa-terrestrial-ais.txt.gz", out _);
        Assert.Equal(44_687, summary.LinesRead);
        Assert.True(summary.Skipped["ProprietarySentence"] > 2_000);
        Assert.True(summary.Skipped["OtherSentence"] > 5_000);
        Assert.True(summary.MessagesByType[1] > 15_000);
        output.WriteLine(string.Join(", ", summary.MessagesByType.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")));
    }

    [Fact]
    public void Marine_cadastre_file_gives_one_position_per_row_and_static_reports_when_identity_changes()
    {
        var summary = ReadAll("sample-tracks/noaa-marinecadastre-2022-01-03/AIS_2022_01_03_0000-0015_nationwide.csv.gz", out _);
        Assert.Equal(68_266, summary.LinesRead); // header + 68,265 rows
        Assert.Equal(68_265, summary.MessageLines);
        Assert.Equal(68_265, summary.MessagesByType.GetValueOrDefault(1) + summary.MessagesByType.GetValueOrDefault(18));
        Assert.InRange(summary.MessagesByType[5], 10_000, 68_265); // at least one per vessel with identity columns
    }

    [Fact]
    public void Gfw_positions_csv_is_read_through_the_generic_column_mapping()
    {
        var summary = ReadAll("sample-tracks/gfw-segmenter/positions.csv", out _);
        Assert.Equal(23_206, summary.LinesRead);
        Assert.Equal(23_205, summary.MessageLines);
    }

    private static ReadSummary ReadAll(string relativePath, out long messages)
    {
        using var reader = ReplayInput.Open(Path.Combine(TestData.RepositoryRoot, relativePath));
        messages = 0;
        while (reader.TryRead(out var message))
        {
            messages++;
            Assert.True(message.Metadata.LineNumber > 0);
        }

        return reader.Summary;
    }

    private static string Describe(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(p => $"{p.Key} {p.Value}"));
}
