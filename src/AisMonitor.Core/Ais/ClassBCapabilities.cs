namespace AisMonitor.Core.Ais;

/// <summary>The unit and capability flags of a class B position report (type 18, ITU-R M.1371-5 Table 49).</summary>
[Flags]
#pragma warning disable CA1028 // one byte inside PositionReport on purpose
public enum ClassBCapabilities : byte
#pragma warning restore CA1028
{
    /// <summary>No flag set (SOTDMA unit, no display, no DSC, …).</summary>
    None = 0,

    /// <summary>Carrier-sense (CS) unit rather than SOTDMA.</summary>
    CarrierSense = 1,

    /// <summary>Equipped with an integrated display for message 12 and 14.</summary>
    Display = 2,

    /// <summary>Equipped with a DSC function.</summary>
    Dsc = 4,

    /// <summary>Can use the whole marine band.</summary>
    WholeBand = 8,

    /// <summary>Can manage frequencies by message 22.</summary>
    Message22 = 16,

    /// <summary>Station operating in assigned mode.</summary>
    Assigned = 32,
}
