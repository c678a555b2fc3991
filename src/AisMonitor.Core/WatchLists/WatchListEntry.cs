using AisMonitor.Core.Ais;

namespace AisMonitor.Core.WatchLists;

/// <summary>
/// One vessel on a watch list. It is matched on its IMO number or its MMSI, never on its name:
/// names are evidence (vessels on sanctions lists are renamed often), not identifiers.
/// </summary>
public sealed record WatchListEntry
{
    /// <summary>The entry's identifier in its list (OFAC: the SDN entity number).</summary>
    public required string Id { get; init; }

    /// <summary>The name the list gives.</summary>
    public required string Name { get; init; }

    /// <summary>IMO number, when the list gives a valid one.</summary>
    public Imo? Imo { get; init; }

    /// <summary>MMSI, when the list gives one.</summary>
    public Mmsi? Mmsi { get; init; }

    /// <summary>Names the vessel was known by before.</summary>
    public IReadOnlyList<string> FormerNames { get; init; } = [];

    /// <summary>Why it is listed (OFAC: the sanctions programmes).</summary>
    public IReadOnlyList<string> Programs { get; init; } = [];

    /// <summary>Flag, as the list gives it.</summary>
    public string? Flag { get; init; }

    /// <summary>Vessel type, as the list gives it.</summary>
    public string? VesselType { get; init; }
}

/// <summary>A named, versioned list of vessels (the version goes into every alert that cites it).</summary>
/// <param name="Name">For example "OFAC SDN".</param>
/// <param name="Version">For example "2024-05-03", or the content hash of a user's file.</param>
/// <param name="Entries">The vessels.</param>
public sealed record WatchList(string Name, string Version, IReadOnlyList<WatchListEntry> Entries);

/// <summary>A vessel found on a watch list: which list and version, which entry, and what matched.</summary>
/// <param name="List">List name.</param>
/// <param name="Version">List version.</param>
/// <param name="EntryId">Entry identifier in the list.</param>
/// <param name="ListedName">The name on the list.</param>
/// <param name="MatchedOn">"imo" or "mmsi" (both: "imo+mmsi").</param>
/// <param name="FormerNames">Former names on the list.</param>
/// <param name="Programs">Why it is listed.</param>
/// <param name="BroadcastName">The name the vessel itself transmits, when known: evidence, never the key.</param>
public sealed record WatchListMatch(string List, string Version, string EntryId, string ListedName, string MatchedOn, IReadOnlyList<string> FormerNames, IReadOnlyList<string> Programs, string? BroadcastName);
