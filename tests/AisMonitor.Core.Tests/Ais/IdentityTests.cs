using AisMonitor.Core.Ais;

namespace AisMonitor.Core.Tests.Ais;

public sealed class IdentityTests
{
    [Theory]
    [InlineData(9179842, true)] // ANGARA (tests/data scenario facts; OFAC SDN list)
    [InlineData(9610810, true)] // OFAC SDN list, MarineCadastre stream
    [InlineData(9074729, true)] // IMO Resolution A.1117(30) worked example
    [InlineData(9179843, false)]
    [InlineData(123456, false)]
    [InlineData(0, false)]
    public void An_IMO_number_exists_only_with_a_correct_check_digit(long value, bool valid)
    {
        Assert.Equal(valid, Imo.TryCreate(value, out var imo));
        Assert.Equal(valid ? (int)value : 0, imo.Value);
    }

    [Theory]
    [InlineData("IMO9484924", 9484924)]
    [InlineData(" 9179842 ", 9179842)]
    [InlineData("imo 9179842", 9179842)]
    public void IMO_numbers_parse_with_or_without_prefix(string text, int expected)
    {
        Assert.True(Imo.TryParse(text, out var imo));
        Assert.Equal(expected, imo.Value);
    }

    [Theory]
    [InlineData("273210440", 273u, "RU")] // ANGARA
    [InlineData("636015565", 636u, "LR")]
    [InlineData("366053209", 366u, "US")]
    [InlineData("445000001", 445u, "KP")]
    public void A_ship_MMSI_gives_its_flag_state(string text, uint mid, string country)
    {
        Assert.True(Mmsi.TryParse(text, out var mmsi));
        Assert.Equal((int)mid, mmsi.MaritimeIdentificationDigits);
        Assert.Equal(country, FlagStates.CountryOf(mmsi));
    }

    [Theory]
    [InlineData("002190047")] // coast station
    [InlineData("992576075")] // aid to navigation
    [InlineData("111232511")] // SAR aircraft
    public void Stations_that_are_not_ships_have_no_flag(string text)
    {
        Assert.True(Mmsi.TryParse(text, out var mmsi));
        Assert.False(mmsi.IsShipStation);
        Assert.Null(FlagStates.CountryOf(mmsi));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1073741824")]
    public void Text_that_is_not_a_30_bit_number_is_not_an_MMSI(string text) => Assert.False(Mmsi.TryParse(text, out _));

    [Fact]
    public void A_value_beyond_30_bits_cannot_be_an_MMSI() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mmsi(Mmsi.MaxValue + 1));
}
