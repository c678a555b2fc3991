namespace AisMonitor.Ingestion.Csv;

/// <summary>The meaning of a CSV column.</summary>
public enum CsvField
{
    /// <summary>MMSI (required).</summary>
    Mmsi,

    /// <summary>Event time (required): ISO-8601, "dd/MM/yyyy HH:mm:ss", "yyyyMMdd_HHmmss", Unix seconds or milliseconds (see <see cref="CsvTimeParser"/>).</summary>
    Time,

    /// <summary>Milliseconds of the event time, in a column of their own (exactEarth-style exports).</summary>
    Milliseconds,

    /// <summary>Latitude in degrees.</summary>
    Latitude,

    /// <summary>Longitude in degrees.</summary>
    Longitude,

    /// <summary>Speed over ground in knots.</summary>
    SpeedOverGround,

    /// <summary>Course over ground in degrees.</summary>
    CourseOverGround,

    /// <summary>True heading in degrees.</summary>
    Heading,

    /// <summary>Rate of turn in degrees per minute.</summary>
    RateOfTurn,

    /// <summary>Navigational status, as its ITU code or its name.</summary>
    NavigationStatus,

    /// <summary>AIS message type.</summary>
    MessageType,

    /// <summary>Type 24 part number (0 = A, 1 = B).</summary>
    PartNumber,

    /// <summary>Transceiver class ("A", "B", "Class A", …).</summary>
    TransceiverClass,

    /// <summary>Vessel name.</summary>
    Name,

    /// <summary>IMO number ("9179842" or "IMO9179842").</summary>
    Imo,

    /// <summary>Call sign.</summary>
    CallSign,

    /// <summary>Ship type, as its ITU code or a category name ("Cargo", "Tanker", …).</summary>
    ShipType,

    /// <summary>Overall length in metres.</summary>
    Length,

    /// <summary>Overall beam in metres.</summary>
    Width,

    /// <summary>Draught in metres.</summary>
    Draught,

    /// <summary>Destination.</summary>
    Destination,

    /// <summary>Metres from the reference point to the bow (DMA "A").</summary>
    ToBow,

    /// <summary>Metres to the stern (DMA "B").</summary>
    ToStern,

    /// <summary>Metres to port (DMA "C").</summary>
    ToPort,

    /// <summary>Metres to starboard (DMA "D").</summary>
    ToStarboard,

    /// <summary>Receiver or data source.</summary>
    Source,
}
