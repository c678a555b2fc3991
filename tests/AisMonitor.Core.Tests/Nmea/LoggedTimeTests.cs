using System.Text;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Nmea;
using NodaTime;

namespace AisMonitor.Core.Tests.Nmea;

/// <summary>Logs in which the logger wrote the time it received each sentence, before it or after its checksum: the time is the message's.</summary>
public sealed class LoggedTimeTests
{
    // A type 1 payload from gpsd's test/sample.aivdm (see NmeaAisDecoderTests).
    private const string Sentence = "!AIVDM,1,1,,B,15NBj>PP1gG>1PVKTDTUJOv00<0M,0*09";
    private static readonly Instant Logged = Instant.FromUtc(2024, 1, 10, 0, 0, 0);

    [Theory]
    [InlineData("1704844800 ", 0)]
    [InlineData("1704844800.25 ", 250)]
    [InlineData("1704844800.123456789\t", 123.456789)]
    [InlineData("1704844800000,", 0)]
    [InlineData("1704844800250;", 250)]
    [InlineData("2024-01-10T00:00:00Z ", 0)]
    [InlineData("2024-01-10 00:00:00.5,", 500)]
    [InlineData("2024-01-10T01:00:00+01:00 ", 0)]
    [InlineData("2024-01-09T19:00:00-0500 ", 0)]
    [InlineData("[2024-01-10 00:00:00.123] ", 123)]
    [InlineData("2024-01-10T00:00:00: ", 0)]
    [InlineData("2024/01/10 00:00:00.000001 ", 0.001)]
    public void A_time_before_the_sentence_is_its_receive_time(string prefix, double milliseconds)
    {
        var decoder = new NmeaAisDecoder();

        Assert.Equal(LineOutcome.Message, decoder.Decode(prefix + Sentence, out var message));

        Assert.Equal(Logged + Duration.FromNanoseconds((long)Math.Round(milliseconds * 1_000_000)), message.Metadata.Received);
        Assert.True(message.TryGetPosition(out _)); // the sentence itself decoded
    }

    [Theory]
    [InlineData(",1704844800", 0)]
    [InlineData(",b003669794,1704844800", 0)]
    [InlineData(",1704844800250", 250)]
    [InlineData(",1704844800.5", 500)]
    [InlineData(",2024-01-10T00:00:00.125Z", 125)]
    public void A_time_after_the_checksum_is_its_receive_time(string suffix, double milliseconds)
    {
        var decoder = new NmeaAisDecoder();

        Assert.Equal(LineOutcome.Message, decoder.Decode(Sentence + suffix, out var message));

        Assert.Equal(Logged + Duration.FromNanoseconds((long)Math.Round(milliseconds * 1_000_000)), message.Metadata.Received);
    }

    [Fact]
    public void A_sentence_written_with_a_dollar_after_a_logged_time_is_read_too() =>
        Assert.Equal(LineOutcome.Message, new NmeaAisDecoder().Decode("1704844800 $" + Sentence[1..], out _));

    [Fact]
    public void A_tag_block_after_the_logged_time_keeps_its_own_time_and_source()
    {
        var decoder = new NmeaAisDecoder();
        var tagged = $"\\s:Bergen,c:1704844860*{Checksum("s:Bergen,c:1704844860")}\\{Sentence}";

        Assert.Equal(LineOutcome.Message, decoder.Decode("1704844800 " + tagged, out var message));

        Assert.Equal(Logged + Duration.FromMinutes(1), message.Metadata.Received);
        Assert.Equal("Bergen", message.Metadata.Source);
    }

    [Theory]
    [InlineData("170484480 ")] // nine digits
    [InlineData("2024-13-10T00:00:00Z ")]
    [InlineData("2024-02-30 00:00:00 ")]
    [InlineData("2024-01-10T00:00:00+25:00 ")]
    [InlineData("2024-01-10T00:00:00 UTC ")]
    [InlineData("12 ")]
    [InlineData("2024/01-10 00:00:00 ")]
    [InlineData("9999-12-31T23:59:59-18:00 ")] // past the end of the calendar: not thrown
    [InlineData("0000-01-01T00:00:00+18:00 ")]
    public void Anything_else_before_the_sentence_is_rejected_as_unrecognised(string prefix)
    {
        var decoder = new NmeaAisDecoder();

        Assert.Equal(LineOutcome.Rejected, decoder.Decode(prefix + Sentence, out _));
        Assert.Equal(RejectionReason.Unrecognised, decoder.LastRejection);
    }

    private static string Checksum(string body) => NmeaChecksum.Format(NmeaChecksum.Compute(Encoding.ASCII.GetBytes(body)));
}
