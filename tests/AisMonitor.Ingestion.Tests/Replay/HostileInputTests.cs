using System.Text;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Messages;
using AisMonitor.Ingestion.Replay;

namespace AisMonitor.Ingestion.Tests.Replay;

/// <summary>Inputs found by fuzzing and by real files: each is read, counted, or rejected with a reason, never thrown.</summary>
public sealed class HostileInputTests
{
    private static (List<DecodedMessage> Messages, ReadSummary Summary) Read(byte[] content)
    {
        using var reader = ReplayInput.Open(new MemoryStream(content));
        var messages = new List<DecodedMessage>();
        while (reader.TryRead(out var message))
        {
            messages.Add(message);
        }

        return (messages, reader.Summary);
    }

    [Fact]
    public void An_NMEA_file_that_starts_with_a_byte_order_mark_keeps_its_first_line()
    {
        // source: gpsd test/sample.aivdm (gpsd-sample-001)
        var content = Encoding.UTF8.GetPreamble().Concat(Encoding.ASCII.GetBytes("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\r\n")).ToArray();

        var (messages, summary) = Read(content);

        Assert.Single(messages);
        Assert.Empty(summary.Rejected);
    }

    [Fact]
    public void Blank_lines_in_a_CSV_are_counted_so_that_every_line_is_accounted_for()
    {
        var content = Encoding.ASCII.GetBytes("mmsi,timestamp,lat,lon\n273210440,2024-03-01T12:00:00Z,34.5,128.5\n\n\n273210440,2024-03-01T12:10:00Z,34.5,128.6\n");

        var (messages, summary) = Read(content);

        Assert.Equal(2, messages.Count);
        Assert.Equal(5, summary.LinesRead);
        Assert.True(summary.AddsUp, "the lines read do not add up");
        Assert.Equal(2, summary.Skipped["BlankLine"]);
    }

    [Fact]
    public void A_NUL_byte_in_a_CSV_name_is_removed_at_the_reader()
    {
        var content = Encoding.ASCII.GetBytes("mmsi,timestamp,lat,lon,vessel_name\n273210440,2024-03-01T12:00:00Z,34.5,128.5,ANG\0ARA\n");

        var (messages, _) = Read(content);

        var identity = Assert.Single(messages, m => m.Message is StaticAndVoyageData).Message as StaticAndVoyageData;
        Assert.Equal("ANGARA", identity!.ShipName);
    }

    [Fact]
    public void A_CSV_record_longer_than_the_limit_is_rejected_and_reading_goes_on()
    {
        var content = Encoding.ASCII.GetBytes(
            "mmsi,timestamp,lat,lon,vessel_name\n" +
            "273210440,2024-03-01T12:00:00Z,34.5,128.5,A\n" +
            $"273210441,2024-03-01T12:01:00Z,34.5,128.5,{new string('X', 1_100_000)}\n" +
            "273210442,2024-03-01T12:02:00Z,34.5,128.5,C\n");

        var (messages, summary) = Read(content);

        Assert.Equal([273210440u, 273210442u], messages.Where(m => m.Message is null).Select(m => m.Mmsi.Value));
        Assert.Equal(1, summary.Rejected["RecordTooLong"]);
        Assert.True(summary.AddsUp, "the lines read do not add up");
    }

    [Fact]
    public void A_line_limit_above_the_read_buffer_is_honoured_not_truncated()
    {
        // A tag block with a 90 kB text parameter before a real sentence (gpsd-sample-001).
        var tag = $"s:r1,t:{new string('x', 90_000)}";
        var checksum = Core.Nmea.NmeaChecksum.Format(Core.Nmea.NmeaChecksum.Compute(Encoding.ASCII.GetBytes(tag)));
        var line = $"\\{tag}*{checksum}\\!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n";
        var options = new Core.Nmea.NmeaDecoderOptions { MaxLineLengthBytes = 100_000 };

        using var reader = ReplayInput.Open(new MemoryStream(Encoding.ASCII.GetBytes(line + line)), nmeaOptions: options);
        var count = 0;
        while (reader.TryRead(out _))
        {
            count++;
        }

        Assert.Equal(2, count);
        Assert.Empty(reader.Summary.Rejected);
    }

    [Fact]
    public void A_line_limit_beyond_sixteen_mebibytes_is_refused_naming_the_option()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new Core.Nmea.NmeaDecoderOptions { MaxLineLengthBytes = 32 << 20 }.Validate());
        Assert.Contains("MaxLineLengthBytes", refused.Message, StringComparison.Ordinal);
    }
}
