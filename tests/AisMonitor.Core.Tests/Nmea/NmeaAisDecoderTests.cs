using AisMonitor.Core.Ais;
using AisMonitor.Core.Nmea;
using NodaTime;

namespace AisMonitor.Core.Tests.Nmea;

public sealed class NmeaAisDecoderTests
{
    // source: gpsd test/sample.aivdm (gpsd-sample-001 in tests/data/decoder-vectors)
    private const string TypeOne = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";

    [Theory]
    [InlineData("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A")]
    [InlineData("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\r\n")]
    [InlineData("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\r")]
    [InlineData("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n")]
    [InlineData("  !AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A   ")]
    public void A_sentence_decodes_with_any_line_ending(string line)
    {
        var decoder = new NmeaAisDecoder();
        Assert.Equal(LineOutcome.Message, decoder.Decode(line, out var message));
        Assert.Equal(371798000u, message.Mmsi.Value);
        Assert.Equal(12.3, message.Position.SpeedOverGroundKnots);
    }

    [Theory]
    [InlineData("!ABVDM", false)]
    [InlineData("!BSVDM", false)]
    [InlineData("!B2VDM", false)]
    [InlineData("!SAVDM", false)]
    [InlineData("!AIVDO", true)]
    [InlineData("!ABVDO", true)]
    public void Any_talker_is_accepted_and_VDO_is_marked_as_own_ship(string address, bool ownShip)
    {
        var body = address[1..] + ",1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0";
        var line = $"!{body}*{NmeaChecksum.Format(NmeaChecksum.Compute(System.Text.Encoding.ASCII.GetBytes(body)))}";
        var decoder = new NmeaAisDecoder();
        Assert.Equal(LineOutcome.Message, decoder.Decode(line, out var message));
        Assert.Equal(ownShip, message.Metadata.OwnShip);
    }

    [Fact]
    public void A_bad_checksum_is_rejected_and_counted()
    {
        var decoder = new NmeaAisDecoder();
        Assert.Equal(LineOutcome.Rejected, decoder.Decode(TypeOne.Replace("*4A", "*4B", StringComparison.Ordinal), out _));
        Assert.Equal(RejectionReason.BadChecksum, decoder.LastRejection);
        Assert.Equal(1, decoder.Statistics.RejectedFor(RejectionReason.BadChecksum));
    }

    [Fact]
    public void A_bad_checksum_can_be_accepted_and_is_then_flagged()
    {
        var decoder = new NmeaAisDecoder(new NmeaDecoderOptions { AcceptBadChecksum = true });
        Assert.Equal(LineOutcome.Message, decoder.Decode(TypeOne.Replace("*4A", "*4B", StringComparison.Ordinal), out var message));
        Assert.False(message.Metadata.ChecksumValid);
        Assert.Equal(1, decoder.Statistics.BadChecksumsAccepted);
    }

    [Fact]
    public void A_sentence_without_checksum_is_rejected()
    {
        var decoder = new NmeaAisDecoder();
        Assert.Equal(LineOutcome.Rejected, decoder.Decode("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0", out _));
        Assert.Equal(RejectionReason.MissingChecksum, decoder.LastRejection);
    }

    [Theory]
    // source: tests/data/nmea-logs/libais-test.aivdm (USCG N-AIS suffixes)
    [InlineData("!AIVDM,1,1,,A,15B4FT5000JRP>PE6E68Nbkl0PS5,0*70,b003669794,1272412827", 1272412827, "b003669794")]
    [InlineData("!AIVDM,1,1,,B,15Mw1U?P00qNGTP@v`0@9wwn26sd,0*0E,b2003669950,1272412827", 1272412827, null)]
    // source: libais test/data/typeexamples.nmea (libais-typeexamples-11)
    [InlineData("!AIVDM,1,1,,A,KvQ:1o`7EBrBQ`?w,0*37,d-127,S0258,t111606.00,T06.8887855,r003669946,1325416567,1325416509", 1325416567, "r003669946")]
    public void A_receiver_suffix_gives_the_receive_time(string line, long unixSeconds, string? source)
    {
        var decoder = new NmeaAisDecoder();
        Assert.Equal(LineOutcome.Message, decoder.Decode(line, out var message));
        Assert.Equal(Instant.FromUnixTimeSeconds(unixSeconds), message.Metadata.Received);
        if (source is not null)
        {
            Assert.Equal(source, message.Metadata.Source);
        }
    }

    [Fact]
    public void A_gatehouse_time_sentence_stamps_the_next_message()
    {
        var decoder = new NmeaAisDecoder();
        // source: M0r13n/pyais tests/test_decode.py:L2022 (test_gh_ais_message_decode)
        Assert.Equal(LineOutcome.Skipped, decoder.Decode("$PGHP,1,2008,5,9,0,0,0,10,338,2,,1,09*17", out _));
        Assert.Equal(SkipReason.TimeSentence, decoder.LastSkip);
        Assert.Equal(LineOutcome.Message, decoder.Decode("!AIVDM,1,1,,B,15NBj>PP1gG>1PVKTDTUJOv00<0M,0*09", out var message));
        Assert.Equal(Instant.FromUtc(2008, 5, 9, 0, 0, 0).PlusTicks(10 * NodaConstants.TicksPerMillisecond), message.Metadata.Received);
        // The same sentence again: its time was used, so it waits for one of its own and leaves without.
        Assert.Equal(LineOutcome.Held, decoder.Decode("!AIVDM,1,1,,B,15NBj>PP1gG>1PVKTDTUJOv00<0M,0*09", out _));
        decoder.Flush();
        Assert.True(decoder.TryTakeReleased(out var next));
        Assert.Null(next.Metadata.Received);
    }

    [Theory]
    [InlineData("$PGHP,1,2008,5,9,0,0,0,10,338")] // 9 of the 13 fields
    [InlineData("$PGHP")]
    [InlineData("$PGHP,1,2008,5,9,0,0,0,10,338,2,,1,09,extra")]
    [InlineData("$PGHP,1,2008,2,30,0,0,0,10,338,2,,1,09")] // 30 February
    public void Malformed_time_sentences_are_rejected(string body)
    {
        var line = $"{body}*{NmeaChecksum.Format(NmeaChecksum.Compute(System.Text.Encoding.ASCII.GetBytes(body[1..])))}";
        var decoder = new NmeaAisDecoder();
        Assert.Equal(LineOutcome.Rejected, decoder.Decode(line, out _));
        Assert.Equal(RejectionReason.MalformedTimeSentence, decoder.LastRejection);
    }

    [Theory]
    [InlineData("$PSHI,001,01.53524524,,01691,32611,114701.28,2,0057,-079*3B", SkipReason.ProprietarySentence)]
    [InlineData("$AIVSI,,114701.28,0057,-079,0*6F", SkipReason.OtherSentence)]
    [InlineData("$GPZDA,114702.51,27,01,2012,,*66", SkipReason.OtherSentence)]
    [InlineData("$BSALR,,006,V,V,general failure*62", SkipReason.OtherSentence)]
    [InlineData("# a comment", SkipReason.Comment)]
    [InlineData("", SkipReason.BlankLine)]
    [InlineData("   \r\n", SkipReason.BlankLine)]
    public void Other_sentences_are_skipped_and_counted_by_reason(string line, SkipReason reason)
    {
        var decoder = new NmeaAisDecoder();
        Assert.Equal(LineOutcome.Skipped, decoder.Decode(line, out _));
        Assert.Equal(1, decoder.Statistics.SkippedFor(reason));
        Assert.True(decoder.Statistics.IsBalanced);
    }

    [Theory]
    [InlineData("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ*4A", RejectionReason.MalformedSentence)]
    [InlineData("!AIVDM,0,1,,B,16UK7Fi0?w4tQF0l4Q@>401v1PS;,0*0F", RejectionReason.InvalidFragmentCount)]
    [InlineData("!AIVDM,1,2,,B,16UK7Fi0?w4tQF0l4Q@>401v1PS;,0*0F", RejectionReason.InvalidFragmentCount)]
    [InlineData("!AIVDM,1,1,,A,,0*16", RejectionReason.EmptyPayload)]
    [InlineData("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,7*4D", RejectionReason.InvalidFillBits)]
    [InlineData("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208C|,0*17", RejectionReason.InvalidPayloadCharacter)]
    [InlineData("!AIVDM,1,1,,A,15RTgt0PAso;90TKc,0*38", RejectionReason.PayloadTooShort)]
    [InlineData("!AIVDM,1,1,,A,`5RTgt0PAso;90TKcjM8h6g208CQ,0*1B", RejectionReason.UnknownMessageType)]
    [InlineData("AAA", RejectionReason.Unrecognised)]
    [InlineData("\\c:1565218798*53\\", RejectionReason.Unrecognised)]
    public void Broken_sentences_are_rejected_with_their_reason(string line, RejectionReason reason)
    {
        var fixedLine = WithChecksum(line);
        var decoder = new NmeaAisDecoder();
        Assert.Equal(LineOutcome.Rejected, decoder.Decode(fixedLine, out var message));
        Assert.Equal(reason, decoder.LastRejection);
        Assert.Equal(default, message); // the decoder writes a message where its caller keeps it: a rejected line leaves nothing there
        Assert.True(decoder.Statistics.IsBalanced);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_rejected()
    {
        var decoder = new NmeaAisDecoder(new NmeaDecoderOptions { MaxLineLengthBytes = 40 });
        Assert.Equal(LineOutcome.Rejected, decoder.Decode(TypeOne, out _));
        Assert.Equal(RejectionReason.LineTooLong, decoder.LastRejection);
    }

    [Fact]
    public void Interleaved_and_out_of_order_fragments_are_reassembled()
    {
        // source: gpsd test/sample.aivdm lines 1011-1014 pattern: two 2-part type 5 messages on channels A and B, interleaved
        string[] a = ["!AIVDM,2,1,3,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C", "!AIVDM,2,2,3,A,88888888880,2*25"];
        string[] b = ["!AIVDM,2,1,3,B,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1F", "!AIVDM,2,2,3,B,88888888880,2*26"];
        var decoder = new NmeaAisDecoder();
        Assert.Equal(LineOutcome.Fragment, decoder.Decode(WithChecksum(b[1]), out _)); // second fragment first
        Assert.Equal(LineOutcome.Fragment, decoder.Decode(WithChecksum(a[0]), out _));
        Assert.Equal(LineOutcome.Message, decoder.Decode(WithChecksum(b[0]), out var first));
        Assert.Equal(LineOutcome.Message, decoder.Decode(WithChecksum(a[1]), out var second));
        Assert.Equal(3, first.Metadata.LineNumber);
        Assert.Equal('B', first.Metadata.Channel);
        Assert.Equal(4, second.Metadata.LineNumber);
        Assert.Equal(first.Message, second.Message);
        Assert.Equal(2, decoder.Statistics.Messages);
        Assert.Equal(2, decoder.Statistics.FragmentLinesUsed);
        Assert.True(decoder.Statistics.IsBalanced);
    }

    [Theory]
    // source: tests/data/nmea-logs/aisnet-kystverket-Ais1000Lines.nm4 lines 13-14, the second without its tag block,
    // as feeds that tag only the first fragment send it
    [InlineData(@"\s:2573535,c:1565218798*56\!BSVDM,2,1,3,A,53nPnh800000ha@J2218UH60U@4hT6000000000t2PD33t?P008000000000,0*72", "!BSVDM,2,2,3,A,00000000000,2*3E")]
    [InlineData(@"\g:1-2-9999,c:1565218798*53\!BSVDM,2,1,3,A,53nPnh800000ha@J2218UH60U@4hT6000000000t2PD33t?P008000000000,0*72", "!BSVDM,2,2,3,A,00000000000,2*3E")]
    public void A_continuation_without_a_tag_block_completes_the_message_its_first_fragment_began(string first, string second)
    {
        var decoder = new NmeaAisDecoder();
        Assert.Equal(LineOutcome.Fragment, decoder.Decode(first, out _));
        Assert.Equal(LineOutcome.Message, decoder.Decode(second, out var message));
        Assert.Equal(5, message.MessageType);
        Assert.NotNull(message.Metadata.Received); // the time of the tagged first fragment
        decoder.Flush();
        Assert.Equal(0, decoder.Statistics.RejectedFor(RejectionReason.FragmentIncomplete));
        Assert.True(decoder.Statistics.IsBalanced);
    }

    [Fact]
    public void A_fragment_that_never_completes_expires_after_the_age_limit()
    {
        var decoder = new NmeaAisDecoder(new NmeaDecoderOptions { MaxFragmentAgeLines = 3 });
        Assert.Equal(LineOutcome.Fragment, decoder.Decode(WithChecksum("!AIVDM,2,1,3,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C"), out _));
        for (var i = 0; i < 3; i++)
        {
            decoder.Decode(TypeOne, out _);
        }

        Assert.Equal(1, decoder.Statistics.FragmentLinesPending);
        decoder.Decode(TypeOne, out _);
        Assert.Equal(0, decoder.Statistics.FragmentLinesPending);
        Assert.Equal(1, decoder.Statistics.RejectedFor(RejectionReason.FragmentExpired));
        Assert.True(decoder.Statistics.IsBalanced);
    }

    [Fact]
    public void Fragments_of_different_sources_do_not_mix()
    {
        var decoder = new NmeaAisDecoder();
        Assert.Equal(LineOutcome.Fragment, decoder.Decode(WithChecksum(@"\s:one\!AIVDM,2,1,3,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C"), out _));
        Assert.Equal(LineOutcome.Fragment, decoder.Decode(WithChecksum(@"\s:two\!AIVDM,2,2,3,A,88888888880,2*25"), out _));
        Assert.Equal(LineOutcome.Message, decoder.Decode(WithChecksum(@"\s:one\!AIVDM,2,2,3,A,88888888880,2*25"), out var message));
        Assert.Equal("one", message.Metadata.Source);
        decoder.Flush();
        Assert.Equal(1, decoder.Statistics.RejectedFor(RejectionReason.FragmentIncomplete));
        Assert.True(decoder.Statistics.IsBalanced);
    }

    private static string WithChecksum(string line)
    {
        var start = line.IndexOf('!', StringComparison.Ordinal);
        var star = line.LastIndexOf('*');
        if (start < 0 || star < start)
        {
            return line;
        }

        var checksum = NmeaChecksum.Compute(System.Text.Encoding.ASCII.GetBytes(line[(start + 1)..star]));
        return line[..(star + 1)] + NmeaChecksum.Format(checksum) + line[(star + 3)..];
    }
}
