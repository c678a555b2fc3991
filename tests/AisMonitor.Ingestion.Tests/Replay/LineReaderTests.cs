using System.Text;
using AisMonitor.Ingestion.Replay;

namespace AisMonitor.Ingestion.Tests.Replay;

public sealed class LineReaderTests
{
    [Theory]
    [InlineData("a\nb\nc", new[] { "a", "b", "c" })]
    [InlineData("a\r\nb\r\nc\r\n", new[] { "a", "b", "c" })]
    [InlineData("a\rb\rc", new[] { "a", "b", "c" })]
    [InlineData("a\n\nb", new[] { "a", "", "b" })]
    [InlineData("", new string[0])]
    public void Lines_end_at_LF_CR_or_CRLF(string text, string[] expected) => Assert.Equal(expected, Read(text, 1 << 16));

    [Fact]
    public void A_line_longer_than_the_buffer_is_cut_and_the_next_line_is_intact()
    {
        var longLine = new string('x', 100);
        var lines = Read($"{longLine}\nnext\n", bufferBytes: 16);
        Assert.Equal(2, lines.Count);
        Assert.Equal(16, lines[0].Length);
        Assert.Equal("next", lines[1]);
    }

    [Fact]
    public void Lines_that_cross_buffer_refills_are_whole()
    {
        var text = string.Join('\n', Enumerable.Range(0, 1000).Select(i => $"line {i}"));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"line {i}"), Read(text, bufferBytes: 32));
    }

    private static List<string> Read(string text, int bufferBytes)
    {
        using var reader = new LineReader(new MemoryStream(Encoding.ASCII.GetBytes(text)), bufferBytes);
        var lines = new List<string>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add(Encoding.ASCII.GetString(line));
        }

        return lines;
    }
}
