using System.Text;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Nmea;
using NodaTime;

namespace AisMonitor.Core.Tests.Nmea;

/// <summary>
/// Gatehouse $PGHP time sentences: field 13 is the checksum of the AIS sentence a time belongs to,
/// and that sentence may come just before or just after it (Gatehouse/DMA logs).
/// </summary>
public sealed class GatehouseTimeTests
{
    // Type 1 payloads from gpsd test/sample.aivdm and pyais tests (see NmeaAisDecoderTests).
    private static readonly string A = Vdm("15NBj>PP1gG>1PVKTDTUJOv00<0M");
    private static readonly string B = Vdm("15RTgt0PAso;90TKcjM8h6g208CQ");
    private static readonly string C = Vdm("15Mw1U?P00qNGTP@v`0@9wwn26sd");

    [Fact]
    public void A_time_sentence_before_its_sentence_stamps_it()
    {
        var messages = DecodeAll(Time(1, A), A, Time(2, B), B);

        Assert.Equal([At(1), At(2)], messages.Select(m => m.Metadata.Received));
    }

    [Fact]
    public void A_time_sentence_after_its_sentence_stamps_it_and_input_order_is_kept()
    {
        var messages = DecodeAll(A, Time(1, A), B, Time(2, B), C, Time(3, C));

        Assert.Equal([At(1), At(2), At(3)], messages.Select(m => m.Metadata.Received));
        Assert.Equal([1L, 3, 5], messages.Select(m => m.Metadata.LineNumber));
    }

    [Fact]
    public void Times_before_and_after_in_one_log_each_go_to_their_own_sentence()
    {
        // A is stamped before, B after, C before: the old "stamp the next sentence" rule put A's
        // time right but B's on C and C's on nothing.
        var messages = DecodeAll(Time(1, A), A, B, Time(2, B), Time(3, C), C);

        Assert.Equal([At(1), At(2), At(3)], messages.Select(m => m.Metadata.Received));
    }

    [Fact]
    public void A_time_sentence_for_another_sentence_stamps_nothing()
    {
        var decoder = new NmeaAisDecoder();
        var messages = DecodeAll(decoder, Time(1, C), A, B);

        Assert.All(messages, m => Assert.Null(m.Metadata.Received));
        Assert.Equal(2, messages.Count);
        Assert.Equal(1, decoder.Statistics.TimeSentencesUnused);
    }

    [Fact]
    public void A_held_sentence_whose_time_never_comes_is_released_after_the_window_without_a_time()
    {
        var decoder = new NmeaAisDecoder(new NmeaDecoderOptions { TimeSentenceWindowLines = 2 });
        var lines = new[] { Time(1, A), A, B, "$GPGGA,1*00", "$GPGGA,2*00", "$GPGGA,3*00", Time(9, B) };
        var released = new List<(int Line, DecodedMessage Message)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (decoder.Decode(lines[i], out var message) == LineOutcome.Message)
            {
                released.Add((i + 1, message));
            }

            while (decoder.TryTakeReleased(out var held))
            {
                released.Add((i + 1, held));
            }
        }

        Assert.Equal(2, released.Count);
        Assert.Equal(At(1), released[0].Message.Metadata.Received);
        Assert.Null(released[1].Message.Metadata.Received);
        Assert.True(released[1].Line <= 3 + 2 + 1, $"released at line {released[1].Line}");
        Assert.True(decoder.Statistics.IsBalanced);
    }

    [Fact]
    public void Held_sentences_are_released_at_the_end_of_input_never_lost()
    {
        var decoder = new NmeaAisDecoder();
        Assert.Equal(LineOutcome.Skipped, decoder.Decode(Time(1, A), out _));
        Assert.Equal(LineOutcome.Message, decoder.Decode(A, out _));
        Assert.Equal(LineOutcome.Held, decoder.Decode(B, out _));
        Assert.False(decoder.TryTakeReleased(out _));

        decoder.Flush();

        Assert.True(decoder.TryTakeReleased(out var last));
        Assert.Equal(371798000u, last.Mmsi.Value);
        Assert.Null(last.Metadata.Received);
        Assert.True(decoder.Statistics.IsBalanced);
        Assert.Equal(2, decoder.Statistics.Messages);
    }

    [Fact]
    public void A_time_sentence_without_a_checksum_field_stamps_the_next_sentence_as_before()
    {
        var body = "PGHP,1,2012,1,31,0,0,1,0,338,2,,1,";
        var time = $"${body}*{Checksum(body)}";

        var messages = DecodeAll(time, A, B);

        Assert.Equal([At(1), null], messages.Select(m => m.Metadata.Received));
    }

    [Fact]
    public void A_thirteen_digit_field_after_the_checksum_is_a_receive_time_in_milliseconds()
    {
        var messages = DecodeAll($"{A},1327992119157");

        Assert.Equal(Instant.FromUnixTimeMilliseconds(1327992119157), Assert.Single(messages).Metadata.Received);
    }

    [Fact]
    public void Multi_sentence_messages_take_a_time_stamped_after_their_first_fragment()
    {
        // source: gpsd test/sample.aivdm, a type 5 in two fragments
        var first = "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C";
        var second = "!AIVDM,2,2,1,A,88888888880,2*25";

        var messages = DecodeAll(first, Time(1, first), second, Time(2, second), A, Time(3, A));

        Assert.Equal(2, messages.Count);
        Assert.Equal(5, messages[0].MessageType);
        Assert.Equal(At(1), messages[0].Metadata.Received);
        Assert.Equal(At(3), messages[1].Metadata.Received);
    }

    private static List<DecodedMessage> DecodeAll(params string[] lines) => DecodeAll(new NmeaAisDecoder(new NmeaDecoderOptions { ExpectTimeSentences = true }), lines);

    private static List<DecodedMessage> DecodeAll(NmeaAisDecoder decoder, params string[] lines)
    {
        var messages = new List<DecodedMessage>();
        foreach (var line in lines)
        {
            if (decoder.Decode(line, out var message) == LineOutcome.Message)
            {
                messages.Add(message);
            }

            while (decoder.TryTakeReleased(out var held))
            {
                messages.Add(held);
            }
        }

        decoder.Flush();
        while (decoder.TryTakeReleased(out var held))
        {
            messages.Add(held);
        }

        Assert.True(decoder.Statistics.IsBalanced);
        return messages;
    }

    private static Instant? At(int second) => Instant.FromUtc(2012, 1, 31, 0, 0, second);

    private static string Time(int second, string stamped)
    {
        var body = $"PGHP,1,2012,1,31,0,0,{second},0,219,,2190047,1,{stamped[^2..]}";
        return $"${body}*{Checksum(body)}";
    }

    private static string Vdm(string payload)
    {
        var body = $"AIVDM,1,1,,A,{payload},0";
        return $"!{body}*{Checksum(body)}";
    }

    private static string Checksum(string body) => NmeaChecksum.Format(NmeaChecksum.Compute(Encoding.ASCII.GetBytes(body)));
}
