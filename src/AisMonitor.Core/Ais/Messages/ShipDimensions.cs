namespace AisMonitor.Core.Ais.Messages;

/// <summary>
/// Position of the AIS antenna's reference point: metres to bow, stern, port and starboard
/// (ITU-R M.1371-5 Fig. 42). 0 means "not available"; 511 (bow/stern) or 63 (sides) mean "that many or more".
/// </summary>
public readonly record struct ShipDimensions(int ToBowMetres, int ToSternMetres, int ToPortMetres, int ToStarboardMetres)
{
    /// <summary>Overall length in metres, or null when bow or stern distance is not available.</summary>
    public int? LengthMetres => ToBowMetres > 0 && ToSternMetres > 0 ? ToBowMetres + ToSternMetres : null;
}
