using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using NodaTime;

namespace AisMonitor.Core.Tests.PortCalls;

public sealed class PlaceTimeZoneTests
{
    [Theory]
    [InlineData("Zhoushan", "CNZOS", 30.0, 122.1, "Asia/Shanghai")]
    [InlineData("Kaskinen", "FIKAS", 62.383333, 21.233333, "Europe/Helsinki")] // nearer Mariehamn (Åland) than Helsinki, but Finnish
    [InlineData("Banjul", "GMBJL", 13.45, -16.566667, "Africa/Banjul")]
    [InlineData("Najin", "KPRJN", 42.233333, 130.3, "Asia/Pyongyang")]
    [InlineData("Dunai", null, 42.8803, 132.3375, "Asia/Vladivostok")]
    public void A_place_gets_the_nearest_zone_of_its_country(string name, string? locode, double latitude, double longitude, string zone) =>
        Assert.Equal(zone, PlaceTimeZones.ZoneOf(new Port(name, locode, "", new GeoPoint(latitude, longitude), 2)).Id);

    [Fact]
    public void Local_times_carry_their_offset() =>
        Assert.Equal("2024-02-09T16:23:19+08", PlaceTimeZones.Local(Instant.FromUtc(2024, 2, 9, 8, 23, 19), DateTimeZoneProviders.Tzdb["Asia/Shanghai"]));
}
