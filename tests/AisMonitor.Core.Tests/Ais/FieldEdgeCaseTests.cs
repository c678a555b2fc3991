using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Encoding;
using AisMonitor.Core.Ais.Messages;
using AisMonitor.Core.Nmea;
using AisMonitor.Core.Tests.Support;
using NodaTime;

namespace AisMonitor.Core.Tests.Ais;

/// <summary>Fields that real feeds showed decoded wrongly.</summary>
public sealed class FieldEdgeCaseTests
{
    private static Dictionary<string, object?> Decode(string payload, int fillBits)
    {
        var decoder = new NmeaAisDecoder();
        var lines = new NmeaSentenceWriter().Write(payload, fillBits, Instant.FromUtc(2022, 1, 3, 0, 0), source: null);
        DecodedMessage message = default;
        foreach (var line in lines)
        {
            decoder.Decode(line, out message);
        }

        Assert.NotNull(message.Message);
        return FieldCollector.Of(message);
    }

    [Fact]
    public void A_type_21_name_extension_keeps_its_leading_space()
    {
        // A 20-character name ending in "LB" and the extension " 6": the buoy is "… LB 6", as the
        // US feed's aids to navigation show it, not "… LB6".
        const string name = "SAN PEDRO CHANNEL LB";
        const string extension = " 6";
        var bits = new AisBitWriter(272 + (extension.Length * 6))
            .Unsigned(0, 6, 21).Unsigned(8, 30, 993_692_028).Unsigned(38, 5, 14)
            .Text(43, 20, name)
            .Signed(164, 28, (long)(-118.27 * 600_000)).Signed(192, 27, (long)(33.7 * 600_000))
            .Text(272, extension.Length, extension);
        var (payload, fill) = bits.Armour();

        Assert.Equal("SAN PEDRO CHANNEL LB 6", Decode(payload, fill)["aton_name"]);
    }

    [Fact]
    public void An_ETA_month_or_day_of_0_is_not_available()
    {
        var (payload, fill) = AisEncoder.Encode(new StaticAndVoyageData { MessageType = 5, Mmsi = new Mmsi(366_123_000), ShipName = "TEST", EtaMonth = 0, EtaDay = 0, EtaHour = 24, EtaMinute = 60 });
        var fields = Decode(payload, fill);
        Assert.Null(fields["eta_month"]);
        Assert.Null(fields["eta_day"]);

        var (dated, datedFill) = AisEncoder.Encode(new StaticAndVoyageData { MessageType = 5, Mmsi = new Mmsi(366_123_000), ShipName = "TEST", EtaMonth = 2, EtaDay = 9, EtaHour = 8, EtaMinute = 30 });
        var known = Decode(dated, datedFill);
        Assert.Equal((2L, 9L), ((long?)known["eta_month"], (long?)known["eta_day"]));
    }
}
