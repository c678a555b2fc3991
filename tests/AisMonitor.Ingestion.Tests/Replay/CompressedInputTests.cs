using AisMonitor.Core.Tests.Support;
using AisMonitor.Ingestion.Replay;

namespace AisMonitor.Ingestion.Tests.Replay;

/// <summary>A compressed file that ends early or is damaged is said so, with what was read kept; a complete one, even of several members, is not.</summary>
public sealed class CompressedInputTests
{
    private static readonly byte[] Angara = File.ReadAllBytes(TestData.SampleTrack("angara-2024", "angara-2024.nmea.gz"));

    private static (ReadSummary Summary, long Messages) Read(byte[] bytes, string? path = null)
    {
        if (path is not null)
        {
            File.WriteAllBytes(path, bytes);
        }

        using var reader = path is null ? ReplayInput.Open(new MemoryStream(bytes)) : ReplayInput.Open(path);
        long messages = 0;
        while (reader.TryRead(out _))
        {
            messages++;
        }

        return (reader.Summary, messages);
    }

    [Fact]
    public void A_complete_gzip_file_is_not_incomplete()
    {
        var (summary, messages) = Read(Angara);
        Assert.Null(summary.Incomplete);
        Assert.True(messages > 100_000);
    }

    [Theory]
    [InlineData(4)] // inside the trailer
    [InlineData(9)] // just before it
    [InlineData(900_000)] // half of it gone
    public void A_truncated_gzip_file_says_where_it_ended_and_keeps_what_was_read(int bytesCut)
    {
        var (whole, all) = Read(Angara);
        var (summary, messages) = Read(Angara[..^bytesCut]);

        Assert.NotNull(summary.Incomplete);
        Assert.Contains("truncated", summary.Incomplete, StringComparison.Ordinal);
        Assert.Contains("bytes of content", summary.Incomplete, StringComparison.Ordinal);
        Assert.True(messages > 0 && messages <= all, $"{messages} of {all}");
        Assert.True(summary.AddsUp);
        Assert.Null(whole.Incomplete);
    }

    [Fact]
    public void Two_gzip_members_one_after_the_other_are_read_whole_and_complete()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aismonitor-two-members-{Guid.NewGuid():N}.nmea.gz");
        try
        {
            var (_, once) = Read(Angara);
            var (summary, twice) = Read([.. Angara, .. Angara], path);
            Assert.Null(summary.Incomplete);
            Assert.Equal(2 * once, twice);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_damaged_gzip_file_says_so_instead_of_throwing()
    {
        var damaged = Angara.ToArray();
        for (var i = 600_000; i < 600_400; i++)
        {
            damaged[i] ^= 0x5A;
        }

        var (summary, messages) = Read(damaged);
        Assert.NotNull(summary.Incomplete);
        Assert.Contains("damaged", summary.Incomplete, StringComparison.Ordinal);
        Assert.True(messages > 0);
    }
}
