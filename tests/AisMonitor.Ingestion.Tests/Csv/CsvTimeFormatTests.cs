using System.Text;
using AisMonitor.Ingestion.Csv;
using AisMonitor.Ingestion.Replay;
using CsCheck;
using NodaTime;

namespace AisMonitor.Ingestion.Tests.Csv;

/// <summary>CSV time columns as exports write them.</summary>
public sealed class CsvTimeFormatTests
{
    private static readonly Instant Expected = Instant.FromUtc(2024, 3, 1, 12, 34, 56);

    private static (List<Instant?> Times, ReadSummary Summary) Read(string csv, string? timeFormat = null)
    {
        using var reader = new CsvMessageReader(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ReplayFormat.PositionsCsv, timeFormat: timeFormat);
        var times = new List<Instant?>();
        while (reader.TryRead(out var message))
        {
            times.Add(message.Metadata.Received);
        }

        return (times, reader.Summary);
    }

    [Theory]
    [InlineData("2024-03-01T12:34:56Z")]
    [InlineData("2024-03-01T12:34:56")] // no zone: UTC
    [InlineData("2024-03-01 12:34:56")]
    [InlineData("2024-03-01 12:34:56Z")]
    [InlineData("2024-03-01 12:34:56+00:00")]
    [InlineData("2024-03-01 13:34:56+01:00")]
    [InlineData("2024-03-01 12:34:56 UTC")]
    [InlineData("20240301_123456")] // exactEarth/Spire-style
    [InlineData("1709296496")] // Unix seconds
    [InlineData("1709296496000")] // Unix milliseconds
    [InlineData("01/03/2024 12:34:56")] // Danish Maritime Authority
    public void Common_export_time_formats_are_read_as_UTC(string cell)
    {
        var (times, _) = Read($"mmsi,timestamp,lat,lon\n273210440,{cell},34.5,128.5\n");
        Assert.Equal(Expected, Assert.Single(times));
    }

    [Fact]
    public void A_separate_millisecond_column_completes_a_time_in_whole_seconds()
    {
        var (times, _) = Read("mmsi,ts_pos_utc,ms,lat,lon\n273210440,20240301_123456,250,34.5,128.5\n");
        Assert.Equal(Expected + Duration.FromMilliseconds(250), Assert.Single(times));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("86400")]
    [InlineData("99999999999999999")]
    public void A_small_or_huge_number_is_not_a_time(string cell)
    {
        var (times, summary) = Read($"mmsi,timestamp,lat,lon\n273210440,{cell},34.5,128.5\n");
        Assert.Empty(times);
        Assert.Equal(1, summary.Rejected["InvalidTimestamp"]);
    }

    [Fact]
    public void Any_other_format_is_given_as_a_NodaTime_pattern_in_UTC()
    {
        var (times, _) = Read("mmsi,when,lat,lon\n273210440,01.03.2024 12:34:56,34.5,128.5\n".Replace("when", "timestamp", StringComparison.Ordinal), timeFormat: "dd'.'MM'.'uuuu HH':'mm':'ss");
        Assert.Equal(Expected, Assert.Single(times));
    }

    [Fact]
    public void A_time_format_that_is_not_a_pattern_is_refused_naming_it()
    {
        var error = Assert.Throws<FormatException>(() => Read("mmsi,timestamp,lat,lon\n", timeFormat: "yyyy-MM-dd %Q"));
        Assert.Contains("--time-format", error.Message, StringComparison.Ordinal);
    }

    /// <summary>One of the layouts exports write most, and what it stands for.</summary>
    private static readonly Gen<(string Cell, Instant Time)> CommonLayout =
        from ticks in Gen.Long[Instant.FromUtc(2000, 1, 1, 0, 0).ToUnixTimeTicks(), Instant.FromUtc(2039, 12, 31, 23, 59).ToUnixTimeTicks()]
        from digits in Gen.Int[0, 9]
        from separator in Gen.Int[0, 1]
        from layout in Gen.Int[0, 6]
        let utc = Instant.FromUnixTimeTicks(ticks).InUtc().LocalDateTime
        let whole = utc.PlusNanoseconds(-utc.NanosecondOfSecond)
        let nanoseconds = utc.NanosecondOfSecond / (int)Math.Pow(10, 9 - digits) * (int)Math.Pow(10, 9 - digits)
        let fraction = digits == 0 ? string.Empty : (separator == 0 ? "." : ",") + nanoseconds.ToString("D9", System.Globalization.CultureInfo.InvariantCulture)[..digits]
        let iso = whole.ToString("uuuu'-'MM'-'dd", null) + (layout % 2 == 0 ? "T" : " ") + whole.ToString("HH':'mm':'ss", null) + fraction
        let cell = layout switch
        {
            0 or 1 => iso,
            2 or 3 => iso + "Z",
            4 => iso + " UTC",
            5 => " " + iso + "Z\t",
            _ => whole.ToString("dd'/'MM'/'uuuu HH':'mm':'ss", null) + fraction,
        }
        select (cell, whole.PlusNanoseconds(nanoseconds).InUtc().ToInstant());

    [Fact]
    public void Times_in_the_layouts_exports_write_most_are_read_to_the_nanosecond()
    {
        CommonLayout.Sample((cell, time) =>
        {
            var (times, _) = Read($"mmsi,timestamp,lat,lon\n273210440,\"{cell}\",34.5,128.5\n"); // quoted: a decimal comma
            return times.Count == 1 && times[0] == time;
        }, iter: 3000);
    }

    [Theory]
    [InlineData("2023-02-29T00:00:00Z")] // not a leap year
    [InlineData("2024-02-30 00:00:00")]
    [InlineData("2024-13-01T00:00:00")]
    [InlineData("2024-00-10T00:00:00")]
    [InlineData("2024-01-00T00:00:00")]
    [InlineData("2024-01-10T23:60:00Z")]
    [InlineData("2024-01-10T23:59:60Z")] // a leap second: NodaTime has none
    [InlineData("2024-01-10T00:00:00.1234567890Z")] // ten fraction digits
    [InlineData("2024-01-10T00:00:00.Z")]
    [InlineData("2024-01-10t00:00:00Z")]
    [InlineData("2024-01-10T00:00:00z")]
    [InlineData("2024-1-10T00:00:00Z")]
    [InlineData("31/04/2024 00:00:00")]
    [InlineData("10/01/2024 00:00:00Z")] // the Danish layout has no zone
    public void A_date_or_time_that_does_not_exist_or_is_misspelt_is_not_a_time(string cell)
    {
        var (times, summary) = Read($"mmsi,timestamp,lat,lon\n273210440,{cell},34.5,128.5\n");
        Assert.Empty(times);
        Assert.Equal(1, summary.Rejected["InvalidTimestamp"]);
    }
}
