namespace AisMonitor.Ingestion.Replay;

/// <summary>Input formats the replay readers understand, detected from content.</summary>
public enum ReplayFormat
{
    /// <summary>NMEA 0183 AIVDM/AIVDO lines, with or without tag blocks, receiver suffixes or $PGHP.</summary>
    Nmea,

    /// <summary>MarineCadastre.gov CSV (MMSI, BaseDateTime, LAT, LON, … TransceiverClass).</summary>
    MarineCadastreCsv,

    /// <summary>Danish Maritime Authority CSV (header "# Timestamp, Type of mobile, MMSI, …").</summary>
    DanishMaritimeAuthorityCsv,

    /// <summary>Any other CSV with MMSI and time columns, mapped by header names or an explicit mapping.</summary>
    PositionsCsv,
}
