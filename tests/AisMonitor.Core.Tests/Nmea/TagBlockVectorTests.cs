using CsCheck;
using AisMonitor.Core.Nmea;
using AisMonitor.Core.Tests.Ais;
using AisMonitor.Core.Tests.Support;
using NodaTime;
using NodaTime.Text;

namespace AisMonitor.Core.Tests.Nmea;

public sealed class TagBlockVectorTests
{
    [Fact]
    public void Libais_tag_block_vectors_give_receive_time_station_and_group()
    {
        var vectors = DecoderVector.Load(TestData.File("decoder-vectors", "libais-json.jsonl")).Where(v => v.Id.StartsWith("libais-tagblock", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, vectors.Count);
        foreach (var vector in vectors)
        {
            var message = Assert.Single(DecoderConformanceTests.DecodeAll(vector, out var decoder));
            var line = vector.Sentences[^1];
            var time = line[(line.IndexOf("c:", StringComparison.Ordinal) + 2)..line.IndexOf(",T:", StringComparison.Ordinal)];
            Assert.Equal(Instant.FromUnixTimeSeconds(long.Parse(time)), message.Metadata.Received);
            Assert.StartsWith("rORBCOMM", message.Metadata.Source, StringComparison.Ordinal);
            if (vector.Id.EndsWith("02", StringComparison.Ordinal))
            {
                Assert.Equal(1604, decoder.LastTagBlock!.Value.GroupId);
                Assert.Equal(2, decoder.LastTagBlock!.Value.GroupTotal);
            }
        }
    }

    [Fact]
    public void A_tag_block_seen_again_reads_as_it_did_the_first_time_whatever_came_between() =>
        // The parser keeps the last few tag blocks it read, since a receiver stamps many lines alike; a line must
        // read the same from a decoder that has read any other lines first as from a new one.
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 3], Gen.Int[0, 7], Gen.Bool).Array[1, 6].Select(Gen.Int[0, 5].Array[20, 80]).Sample((blocks, picks) =>
        {
            var lines = blocks.Select(b =>
            {
                var content = $"s:{(b.Item1 == 5 ? "" : "rStation" + b.Item1)},c:{1_709_251_200 + b.Item2}" + (b.Item3 switch
                {
                    1 => ",g:1-2-77",
                    2 => ",n:" + b.Item3,
                    3 => ",t:a text",
                    4 => ",x",
                    5 => ",c:17092512009999999",
                    _ => "",
                });
                var checksum = NmeaChecksum.Format(NmeaChecksum.Compute(System.Text.Encoding.ASCII.GetBytes(content)));
                return $"\\{content}*{(b.Item4 ? checksum : "00")}\\!AIVDM,1,1,,A,15?aQFU000WHVEV1W3r000000000,0*43";
            }).ToArray();
            var shared = new NmeaAisDecoder();
            foreach (var pick in picks)
            {
                var line = lines[pick % lines.Length];
                shared.Decode(line, out var read);
                var fresh = new NmeaAisDecoder();
                fresh.Decode(line, out var alone);
                if (shared.LastTagBlock != fresh.LastTagBlock || read.Metadata with { LineNumber = 0 } != alone.Metadata with { LineNumber = 0 })
                {
                    return false;
                }
            }

            return true;
        }, iter: 300);

    [Theory]
    [InlineData(@"\c:999999999999999*00\!BSVDM,1,1,,A,13nN34?000QFpgRWnQLLSPpF00SO,0*06")] // milliseconds past year 9999 (found by fuzzing)
    [InlineData(@"\c:9223372036854775807*00\!BSVDM,1,1,,A,13nN34?000QFpgRWnQLLSPpF00SO,0*06")]
    public void A_tag_block_time_past_the_calendar_is_malformed_not_a_crash(string line)
    {
        var decoder = new NmeaAisDecoder();
        var outcome = decoder.Decode(line, out var message);
        Assert.Null(message.Metadata.Received);
        Assert.True(outcome == LineOutcome.Message || outcome.ToString().Contains("Malformed", StringComparison.Ordinal), outcome.ToString());
    }

    [Fact]
    public void Pyais_tag_block_with_line_count_source_and_time()
    {
        var decoder = new NmeaAisDecoder();
        // source: M0r13n/pyais tests/test_tag_block.py:L69-74
        Assert.Equal(LineOutcome.Message, decoder.Decode(@"\n:3140,s:FooBar,c:1428451253*1C\!BSVDM,1,1,,A,13nN34?000QFpgRWnQLLSPpF00SO,0*06", out var message));
        var tag = decoder.LastTagBlock!.Value;
        Assert.Equal(3140, tag.LineCount);
        Assert.Equal("FooBar", tag.Source);
        Assert.Equal(InstantPattern.General.Parse("2015-04-08T00:00:53Z").Value, tag.ReceiverTime);
        Assert.True(tag.ChecksumMismatch); // the test line carries *1C; the content XORs to 5E
        Assert.Equal(1, decoder.Statistics.TagBlockChecksumMismatches);
    }

    [Fact]
    public void Unknown_tag_parameters_are_ignored_and_known_ones_kept()
    {
        var decoder = new NmeaAisDecoder();
        // source: M0r13n/pyais tests/test_tag_block.py:L94-100
        Assert.Equal(LineOutcome.Message, decoder.Decode(@"\s:rORBCOMM000,q:u,c:1426032001,T:2015-03-11 00.00.01,i:<T>A:12344 F:+30000</T>*07\!BSVDM,1,1,,A,13nN34?000QFpgRWnQLLSPpF00SO,0*06", out var message));
        Assert.Equal("rORBCOMM000", message.Metadata.Source);
        Assert.Equal(Instant.FromUnixTimeSeconds(1426032001), message.Metadata.Received);
    }

    [Theory]
    // source: M0r13n/pyais tests/test_tag_block.py:L172-183 (malformed tag blocks before a lone second fragment)
    [InlineData(@"\s:2573535,c:1671533231\!BSVDM,2,2,8,B,00000000000,2*36")]
    [InlineData(@"\!BSVDM,2,2,8,B,00000000000,2*36")]
    [InlineData(@"\s:2573535,\c:1671533231\!BSVDM,2,2,8,B,00000000000,2*36")]
    public void Malformed_tag_blocks_do_not_stop_the_sentence(string line)
    {
        var decoder = new NmeaAisDecoder();
        Assert.Equal(LineOutcome.Fragment, decoder.Decode(line, out _));
        decoder.Flush();
        Assert.Equal(1, decoder.Statistics.RejectedFor(RejectionReason.FragmentIncomplete));
        Assert.True(decoder.Statistics.IsBalanced);
    }

    [Fact]
    public void Receive_time_in_milliseconds_is_recognised_by_its_length()
    {
        var decoder = new NmeaAisDecoder();
        var content = "c:1565218798123";
        var line = $@"\{content}*{NmeaChecksum.Format(NmeaChecksum.Compute(System.Text.Encoding.ASCII.GetBytes(content)))}\!BSVDM,1,1,,A,13mb9U0P00PRk8fT5nw>4?wj2006,0*5D";
        Assert.Equal(LineOutcome.Message, decoder.Decode(line, out var message));
        Assert.Equal(Instant.FromUnixTimeMilliseconds(1565218798123), message.Metadata.Received);
        Assert.Equal(0, decoder.Statistics.TagBlockChecksumMismatches);
    }

    [Fact]
    public void A_wrong_tag_block_checksum_is_tolerated_and_counted()
    {
        var decoder = new NmeaAisDecoder();
        // source: tests/data/nmea-logs/aisnet-kystverket-Ais1000Lines.nm4 lines 5-6 (every g: block there carries *53)
        Assert.Equal(LineOutcome.Fragment, decoder.Decode(@"\g:1-2-9999,c:1565218798*53\!BSVDM,2,1,3,A,53nPnh800000ha@J2218UH60U@4hT6000000000t2PD33t?P008000000000,0*72", out _));
        Assert.Equal(LineOutcome.Message, decoder.Decode(@"\g:2-2-9999,c:1565218798*53\!BSVDM,2,2,3,A,00000000000,2*3E", out var message));
        Assert.Equal(5, message.MessageType);
        Assert.Equal(2, decoder.Statistics.TagBlockChecksumMismatches);
        Assert.Equal(2, message.Metadata.LineNumber);
    }
}
