using System.Text;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Nmea;
using AisMonitor.Ingestion.Replay;
using NodaTime;

namespace AisMonitor.Ingestion.Tests.Replay;

/// <summary>A Gatehouse log read as replay reads it: each $PGHP time lands on the sentence its field 13 names.</summary>
public sealed class GatehouseLogTests
{
    [Fact]
    public void Times_that_follow_their_sentences_stamp_them_from_the_first_line()
    {
        // Built from real type 1 payloads (gpsd, pyais); the layout is Gatehouse's with each time after its sentence.
        string[] payloads = ["15NBj>PP1gG>1PVKTDTUJOv00<0M", "15RTgt0PAso;90TKcjM8h6g208CQ", "15Mw1U?P00qNGTP@v`0@9wwn26sd", "15B4FT5000JRP>PE6E68Nbkl0PS5"];
        var log = new StringBuilder();
        for (var i = 0; i < payloads.Length; i++)
        {
            var sentence = Sentence($"!AIVDM,1,1,,A,{payloads[i]},0");
            log.Append(sentence).Append("\r\n");
            log.Append(Sentence($"$PGHP,1,2012,1,31,0,0,{i + 10},0,219,,2190047,1,{sentence[^2..]}")).Append("\r\n");
        }

        using var reader = ReplayInput.Open(new MemoryStream(Encoding.ASCII.GetBytes(log.ToString())));
        var received = new List<Instant?>();
        while (reader.TryRead(out DecodedMessage message))
        {
            received.Add(message.Metadata.Received);
        }

        Assert.Equal(Enumerable.Range(10, payloads.Length).Select(s => (Instant?)Instant.FromUtc(2012, 1, 31, 0, 0, s)), received);
        Assert.True(reader.Summary.AddsUp);
        Assert.False(reader.Summary.Tolerated.ContainsKey("TimeSentenceUnused"));
    }

    private static string Sentence(string withoutChecksum) =>
        $"{withoutChecksum}*{NmeaChecksum.Format(NmeaChecksum.Compute(Encoding.ASCII.GetBytes(withoutChecksum[1..])))}";
}
