using AisMonitor.Core.Geo;

namespace AisMonitor.Core.Ports;

/// <summary>A port as a point with a radius (World Port Index entries, or ports added by configuration).</summary>
/// <param name="Name">Port name.</param>
/// <param name="UnLocode">UN/LOCODE without the space (e.g. "KPRJN"), when known.</param>
/// <param name="CountryName">Country name as the source gives it.</param>
/// <param name="Position">Reference position.</param>
/// <param name="RadiusNauticalMiles">How far from the point the port extends.</param>
public sealed record Port(string Name, string? UnLocode, string CountryName, GeoPoint Position, double RadiusNauticalMiles)
{
    /// <summary>"Najin (KPRJN)".</summary>
    public override string ToString() => UnLocode is null ? Name : $"{Name} ({UnLocode})";
}
