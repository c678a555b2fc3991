using System.Text;
using AisMonitor.Ingestion.Live;

namespace AisMonitor.Ingestion.Tests.Live;

public sealed class LineSplitterTests
{
    private static List<string> Split(int maxLineBytes, params string[] chunks)
    {
        var splitter = new LineSplitter(maxLineBytes);
        var lines = new List<string>();
        foreach (var chunk in chunks)
        {
            splitter.Push(Encoding.ASCII.GetBytes(chunk), line => lines.Add(Encoding.ASCII.GetString(line)));
        }

        return lines;
    }

    [Fact]
    public void Lines_end_at_lf_cr_or_crlf_and_empty_ones_are_not_lines() =>
        Assert.Equal(["a", "b", "c", "d"], Split(100, "a\nb\r\nc\rd\n\r\n\n"));

    [Fact]
    public void A_line_split_across_reads_is_joined() =>
        Assert.Equal(["!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*5C", "next"], Split(100, "!AIVDM,1,1,,A,15M67FC0", "00G?ufbE`FepT@3n00Sa,0*5C\r", "\nnext\n"));

    [Fact]
    public void A_partial_line_waits_for_its_end() => Assert.Empty(Split(100, "no end yet"));

    [Theory]
    [InlineData("0123456789ABCDEF\nok\n")] // within one read
    [InlineData("0123", "456789AB", "CDEF", "\nok\n")] // across reads
    [InlineData("0123456789A", "BCDEF", "GHIJ\nok\n")] // overflowing the carried buffer
    public void An_overlong_line_is_handed_on_once_at_one_byte_over_the_limit_and_its_rest_dropped(params string[] chunks)
    {
        var lines = Split(10, chunks);
        Assert.Equal(["0123456789A", "ok"], lines);
    }
}
