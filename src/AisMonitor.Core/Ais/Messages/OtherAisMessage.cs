namespace AisMonitor.Core.Ais.Messages;

/// <summary>
/// Message types that AisMonitor decodes only to their header and the one field that matters for
/// tracking, if any: acknowledgements (7, 13), UTC inquiry (10, destination), interrogation (15),
/// assignment (16), DGNSS broadcast (17, station position), data link management (20), channel
/// management (22) and group assignment (23, ship type). Their remaining fields concern the radio
/// link, not vessels, and are not decoded.
/// </summary>
public sealed record OtherAisMessage : AisMessage
{
    /// <summary>Destination (type 10).</summary>
    public Mmsi? DestinationMmsi { get; init; }

    /// <summary>Longitude in degrees (type 17 station position, 1/10 minute resolution).</summary>
    public double? LongitudeDegrees { get; init; }

    /// <summary>Latitude in degrees (type 17).</summary>
    public double? LatitudeDegrees { get; init; }

    /// <summary>Ship type selector (type 23).</summary>
    public byte? ShipType { get; init; }

    /// <inheritdoc />
    protected override void WriteBody(IAisFieldWriter writer)
    {
        switch (MessageType)
        {
            case 10:
                writer.WriteInteger(AisFieldNames.DestinationMmsi, DestinationMmsi?.Value);
                break;
            case 17:
                writer.WriteNumber(AisFieldNames.Longitude, LongitudeDegrees);
                writer.WriteNumber(AisFieldNames.Latitude, LatitudeDegrees);
                break;
            case 23:
                writer.WriteInteger(AisFieldNames.ShipType, ShipType);
                break;
        }
    }
}
