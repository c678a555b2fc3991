using System.Text;
using AisMonitor.Core.Ais;
using AisMonitor.Ingestion.Replay;

namespace AisMonitor.Ingestion.Tests.Csv;

/// <summary>Exports separated by semicolons (where the comma is the decimal mark), tabs or bars read like comma-separated ones.</summary>
public sealed class CsvSeparatorTests
{
    [Theory]
    [InlineData("mmsi,timestamp,lat,lon,sog\n257000001,2024-01-10T00:00:00Z,60.3913,5.3221,10.5\n")]
    [InlineData("mmsi;date_time_utc;lat;lon;sog\n257000001;2024-01-10 00:00:00;60,3913;5,3221;10,5\n")] // Excel in much of Europe
    [InlineData("MMSI\tTIMESTAMP\tLAT\tLON\tSOG\n257000001\t2024-01-10T00:00:00Z\t60.3913\t5.3221\t10.5\n")]
    [InlineData("mmsi|time|latitude|longitude|speed\n257000001|1704844800|60.3913|5.3221|10.5\n")]
    public void A_position_row_reads_the_same_whatever_separates_its_fields(string csv)
    {
        using var reader = ReplayInput.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

        Assert.True(reader.TryRead(out var message), string.Join(", ", reader.Summary.Rejected.Select(r => $"{r.Key} {r.Value}")));
        Assert.True(message.TryGetPosition(out var position));
        Assert.Equal(257000001u, message.Mmsi.Value);
        Assert.Equal(NodaTime.Instant.FromUtc(2024, 1, 10, 0, 0), message.Metadata.Received);
        Assert.Equal(60.3913, position.LatitudeDegrees!.Value, 4);
        Assert.Equal(5.3221, position.LongitudeDegrees!.Value, 4);
        Assert.Equal(10.5, position.SpeedOverGroundKnots!.Value, 1);
    }

    [Theory]
    [InlineData("mmsi,timestamp,lat,lon", ',')]
    [InlineData("\"name; with semicolons\",mmsi,timestamp,lat,lon", ',')]
    [InlineData("mmsi;timestamp;lat;lon", ';')]
    [InlineData("\n\nmmsi\ttimestamp\tlat\tlon", '\t')]
    [InlineData("mmsi", ',')]
    public void The_separator_is_the_one_the_header_holds_most_of_outside_quotes(string header, char expected) =>
        Assert.Equal(expected, AisMonitor.Ingestion.Csv.CsvSeparator.Detect(Encoding.UTF8.GetBytes(header)));
}
