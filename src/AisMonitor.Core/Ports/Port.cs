using System.Text.Json.Serialization;
using AisMonitor.Core.Geo;
using NetTopologySuite.Geometries;

namespace AisMonitor.Core.Ports;

/// <summary>
/// A port or another named place a vessel can call at: a point with a radius (World Port Index
/// entries, places added by configuration, GeoJSON points), or a polygon (GeoJSON areas such as
/// port limits), with a kind and tags.
/// </summary>
/// <param name="Name">Name.</param>
/// <param name="UnLocode">UN/LOCODE without the space (e.g. "KPRJN"), when known.</param>
/// <param name="CountryName">Country name as the source gives it.</param>
/// <param name="Position">Reference position (for a polygon: a point inside it).</param>
/// <param name="RadiusNauticalMiles">How far from the point the place extends (for a polygon: the distance from the point to its farthest corner).</param>
public sealed record Port(string Name, string? UnLocode, string CountryName, GeoPoint Position, double RadiusNauticalMiles)
{
    /// <summary>What kind of place it is. Default <see cref="PlaceKind.Port"/>.</summary>
    public PlaceKind Kind { get; init; } = PlaceKind.Port;

    /// <summary>Free tags from the source (e.g. "naval", "sanctioned-operator").</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The polygon, for areas; null for points with a radius. Not written to alerts (the source file has it).</summary>
    [JsonIgnore]
    public Geometry? Boundary { get; init; }

    /// <summary>What identifies the place in calls and snapshots: its UN/LOCODE, else its kind and name.</summary>
    [JsonIgnore]
    public string Key => UnLocode ?? $"{Kind}:{Name}";

    /// <summary>"Najin (KPRJN)".</summary>
    public override string ToString() => UnLocode is null ? Name : $"{Name} ({UnLocode})";
}

/// <summary>Kinds of place.</summary>
public enum PlaceKind
{
    /// <summary>A port.</summary>
    Port,

    /// <summary>An anchorage.</summary>
    Anchorage,

    /// <summary>A shipyard.</summary>
    Shipyard,

    /// <summary>A terminal.</summary>
    Terminal,

    /// <summary>Any other area an analyst cares about.</summary>
    AreaOfInterest,
}
