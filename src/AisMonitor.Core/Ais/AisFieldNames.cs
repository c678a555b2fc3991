namespace AisMonitor.Core.Ais;

/// <summary>
/// Field names of decoded output, identical to the normalised names of the decoder test vectors
/// (gpsd/pyais/libais mapping), so output can be compared with those decoders field by field.
/// </summary>
public static class AisFieldNames
{
#pragma warning disable CS1591 // the names are their own documentation
    public const string MessageType = "msg_type";
    public const string Repeat = "repeat";
    public const string Mmsi = "mmsi";
    public const string NavStatus = "nav_status";
    public const string RateOfTurn = "rot";
    public const string RateOfTurnRaw = "rot_raw";
    public const string SpeedOverGround = "sog";
    public const string PositionAccuracy = "position_accuracy";
    public const string Longitude = "lon";
    public const string Latitude = "lat";
    public const string CourseOverGround = "cog";
    public const string Heading = "heading";
    public const string TimestampSecond = "timestamp_second";
    public const string Maneuver = "maneuver";
    public const string Raim = "raim";
    public const string Radio = "radio";
    public const string UtcDateTime = "utc_datetime";
    public const string UtcYear = "utc_year";
    public const string UtcMonth = "utc_month";
    public const string UtcDay = "utc_day";
    public const string UtcHour = "utc_hour";
    public const string UtcMinute = "utc_minute";
    public const string UtcSecond = "utc_second";
    public const string Epfd = "epfd";
    public const string AisVersion = "ais_version";
    public const string Imo = "imo";
    public const string CallSign = "callsign";
    public const string ShipName = "shipname";
    public const string ShipType = "ship_type";
    public const string DimToBow = "dim_to_bow";
    public const string DimToStern = "dim_to_stern";
    public const string DimToPort = "dim_to_port";
    public const string DimToStarboard = "dim_to_starboard";
    public const string EtaMonth = "eta_month";
    public const string EtaDay = "eta_day";
    public const string EtaHour = "eta_hour";
    public const string EtaMinute = "eta_minute";
    public const string Draught = "draught";
    public const string Destination = "destination";
    public const string Dte = "dte";
    public const string CsUnit = "cs_unit";
    public const string DisplayFlag = "display_flag";
    public const string DscFlag = "dsc_flag";
    public const string BandFlag = "band_flag";
    public const string Msg22Flag = "msg22_flag";
    public const string Assigned = "assigned";
    public const string Regional = "regional";
    public const string PartNumber = "part_no";
    public const string VendorId = "vendor_id";
    public const string Model = "model";
    public const string Serial = "serial";
    public const string MothershipMmsi = "mothership_mmsi";
    public const string Gnss = "gnss";
    public const string AtonName = "aton_name";
    public const string AidType = "aid_type";
    public const string OffPosition = "off_position";
    public const string VirtualAid = "virtual_aid";
    public const string Altitude = "altitude";
    public const string Dac = "dac";
    public const string Fid = "fid";
    public const string DestinationMmsi = "dest_mmsi";
    public const string Text = "text";
    public const string SequenceNumber = "seqno";
    public const string Retransmit = "retransmit";
#pragma warning restore CS1591
}
