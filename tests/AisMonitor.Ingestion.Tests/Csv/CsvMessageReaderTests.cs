using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Messages;
using AisMonitor.Core.Tests.Support;
using AisMonitor.Ingestion.Replay;
using NodaTime;

namespace AisMonitor.Ingestion.Tests.Csv;

public sealed class CsvMessageReaderTests
{
    [Fact]
    public void Danish_Maritime_Authority_rows_become_positions_and_identity()
    {
        var messages = ReadAll(TestData.File("dma", "dma-sample.csv"), out var summary);
        var first = messages[0];
        Assert.Equal(Instant.FromUtc(2024, 2, 1, 0, 0, 0), first.Metadata.Received);
        Assert.Equal(2, first.Metadata.LineNumber);
        Assert.Equal(1, first.MessageType);
        Assert.Equal((byte)0, first.Position.NavigationStatus); // "Under way using engine"
        Assert.Equal(12.3, first.Position.SpeedOverGroundKnots);
        Assert.Equal(55.6761, first.Position.LatitudeDegrees);

        var identity = Assert.IsType<StaticAndVoyageData>(messages[1].Message);
        Assert.Equal(9179842, identity.Imo!.Value.Value);
        Assert.Equal("OXAB2", identity.CallSign);
        Assert.Equal(70, identity.ShipType); // "Cargo"
        Assert.Equal(new ShipDimensions(100, 20, 10, 10), identity.Dimensions);
        Assert.Equal(6.5, identity.DraughtMetres);

        Assert.Equal(3, messages.Count(m => m.Mmsi.Value == 219000001)); // the repeated identity is not sent again
        var classB = messages.First(m => m.Mmsi.Value == 219000002);
        Assert.Equal(18, classB.MessageType);
        var notAvailable = messages.First(m => m.Mmsi.Value == 219000003);
        Assert.Null(notAvailable.Position.LatitudeDegrees);
        Assert.Null(notAvailable.Position.LongitudeDegrees);
        Assert.Equal((byte)5, notAvailable.Position.NavigationStatus);

        Assert.Equal(1, summary.Rejected["InvalidTimestamp"]); // 31/02/2024
        Assert.Equal(1, summary.Rejected["InvalidMmsi"]);
        Assert.Equal(1, summary.Rejected["InvalidCoordinate"]);
        Assert.True(summary.AddsUp);
    }

    [Fact]
    public void Gfw_static_rows_give_type_5_and_24_reports_once_per_change()
    {
        var messages = ReadAll(TestData.SampleTrack("gfw-segmenter", "static.csv"), out var summary);
        Assert.Contains(messages, m => m.Message is StaticAndVoyageData { ShipName: "BALUEIRO SEGUNDO", CallSign: "EHPX" } s && s.Imo?.Value == 8822404);
        Assert.Contains(messages, m => m.Message is StaticDataReport);
        Assert.Equal(summary.LinesRead - 1, summary.MessageLines + summary.Skipped["UnchangedStatic"]);
    }

    [Fact]
    public void AISHub_rows_give_the_navigational_status_ship_type_and_destination()
    {
        const string Csv = "MMSI,TIME,LONGITUDE,LATITUDE,COG,SOG,HEADING,ROT,NAVSTAT,IMO,NAME,CALLSIGN,TYPE,A,B,C,D,DRAUGHT,DEST,ETA\n"
            + "257000001,2024-01-10 00:00:00 GMT,5.1,60.1,90,10.2,91,0,5,9074729,TEST SHIP,LABC,70,100,20,10,10,5.5,BERGEN,01-11 12:00\n";
        using var reader = ReplayInput.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Csv)));

        Assert.True(reader.TryRead(out var position));
        Assert.True(reader.TryRead(out var identity));

        Assert.Equal((byte)5, position.Position.NavigationStatus);
        var voyage = Assert.IsType<StaticAndVoyageData>(identity.Message);
        Assert.Equal((byte)70, voyage.ShipType);
        Assert.Equal("BERGEN", voyage.Destination);
        Assert.Equal(120, voyage.Dimensions.LengthMetres);
    }

    [Fact]
    public void Global_Fishing_Watch_rows_name_the_MMSI_ssvid_and_the_speed_speed_knots()
    {
        const string Csv = "ssvid,seg_id,timestamp,lat,lon,speed_knots,course\n"
            + "273210440,273210440-2024-03-01,2024-03-01 12:00:00 UTC,34.5,128.5,11.5,45\n";
        using var reader = ReplayInput.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Csv)));

        Assert.True(reader.TryRead(out var position));

        Assert.Equal(273210440u, position.Mmsi.Value);
        Assert.Equal(11.5, position.Position.SpeedOverGroundKnots);
        Assert.Equal(45, position.Position.CourseOverGroundDegrees);
    }

    [Fact]
    public void BarentsWatch_rows_in_camel_case_give_time_motion_status_and_identity()
    {
        const string Csv = "msgtime;mmsi;latitude;longitude;speedOverGround;courseOverGround;trueHeading;rateOfTurn;navigationalStatus;imoNumber;name;callSign;shipType;shipLength;shipWidth;draught;destination\n"
            + "2024-01-10T00:00:00+00:00;257000001;60,1;5,1;10,2;90;91;0;5;9074729;TEST SHIP;LABC;70;120;20;5,5;BERGEN\n";
        using var reader = ReplayInput.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Csv)));

        Assert.True(reader.TryRead(out var position));
        Assert.True(reader.TryRead(out var identity));

        Assert.Equal(NodaTime.Instant.FromUtc(2024, 1, 10, 0, 0), position.Metadata.Received);
        Assert.Equal(10.2, position.Position.SpeedOverGroundKnots);
        Assert.Equal(90, position.Position.CourseOverGroundDegrees);
        Assert.Equal((byte)5, position.Position.NavigationStatus);
        var voyage = Assert.IsType<StaticAndVoyageData>(identity.Message);
        Assert.Equal(9074729u, voyage.ImoRaw);
        Assert.Equal(120, voyage.LengthMetres);
    }

    [Fact]
    public void ExactEarth_rows_give_the_message_type_in_Message_ID()
    {
        const string Csv = "MMSI,Message_ID,Time,Millisecond,Longitude,Latitude,SOG,COG\n"
            + "257000001,18,20240110_000000,250,5.1,60.1,4.2,90\n";
        using var reader = ReplayInput.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Csv)));

        Assert.True(reader.TryRead(out var position));

        Assert.Equal(18, position.MessageType);
        Assert.Equal(NodaTime.Instant.FromUtc(2024, 1, 10, 0, 0).PlusNanoseconds(250_000_000), position.Metadata.Received);
    }

    [Fact]
    public void MarineCadastre_rows_in_the_lower_case_header_of_2024_keep_their_class()
    {
        const string Csv = "mmsi,base_date_time,longitude,latitude,sog,cog,heading,vessel_name,imo,call_sign,vessel_type,status,length,width,draft,cargo,transceiver\n"
            + "368084090,2024-01-01T00:00:03,-122.4,37.8,0.1,180.0,511,SEA BREEZE,,WDK5678,37,15,12,4,,,B\n";
        using var reader = ReplayInput.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Csv)));

        Assert.True(reader.TryRead(out var position));

        Assert.Equal(18, position.MessageType); // class B
        Assert.Equal(NodaTime.Instant.FromUtc(2024, 1, 1, 0, 0, 3), position.Metadata.Received);
    }

    [Fact]
    public void A_mapping_names_columns_that_the_header_does_not()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aismonitor-mapped-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "ship,when,y,x\n273210440,2024-02-05T06:00:00Z,34.5,129.0\n");
        try
        {
            using var reader = ReplayInput.Open(path, csvMapping: new Dictionary<string, string> { ["mmsi"] = "ship", ["time"] = "when", ["lat"] = "y", ["lon"] = "x" });
            Assert.True(reader.TryRead(out var message));
            Assert.Equal(273210440u, message.Mmsi.Value);
            Assert.Equal(34.5, message.Position.LatitudeDegrees);
            Assert.Equal(129.0, message.Position.LongitudeDegrees);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_CSV_without_MMSI_or_time_columns_is_refused_with_what_to_map()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aismonitor-unmapped-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a_column,another\n1,2\n");
        try
        {
            var error = Assert.Throws<FormatException>(() => ReplayInput.Open(path));
            Assert.Contains("--map mmsi=", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static List<DecodedMessage> ReadAll(string path, out ReadSummary summary)
    {
        using var reader = ReplayInput.Open(path);
        var messages = new List<DecodedMessage>();
        while (reader.TryRead(out var message))
        {
            messages.Add(message);
        }

        summary = reader.Summary;
        return messages;
    }
}
