using AisMonitor.Core.Ais;

namespace AisMonitor.Core.WatchLists;

/// <summary>
/// Every vessel watch list in force, indexed by IMO and by MMSI. Immutable: a reload builds a new
/// one and the engine swaps it in (<c>DetectionEngine.ReplaceWatchLists</c>).
/// </summary>
public sealed class VesselWatchLists
{
    private readonly Dictionary<int, List<(WatchList List, WatchListEntry Entry)>> _byImo = [];
    private readonly Dictionary<uint, List<(WatchList List, WatchListEntry Entry)>> _byMmsi = [];

    /// <summary>Indexes <paramref name="lists"/>.</summary>
    public VesselWatchLists(IEnumerable<WatchList> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        Lists = [.. lists];
        foreach (var list in Lists)
        {
            foreach (var entry in list.Entries)
            {
                if (entry.Imo is { } imo)
                {
                    Add(_byImo, imo.Value, list, entry);
                }

                if (entry.Mmsi is { } mmsi)
                {
                    Add(_byMmsi, mmsi.Value, list, entry);
                }
            }
        }
    }

    /// <summary>No lists.</summary>
    public static VesselWatchLists None { get; } = new([]);

    /// <summary>The lists, in the order given.</summary>
    public IReadOnlyList<WatchList> Lists { get; }

    /// <summary>Every entry that matches the vessel's MMSI or IMO, one per list entry, in list order.</summary>
    public IReadOnlyList<WatchListMatch> Match(Mmsi mmsi, Imo? imo, string? broadcastName)
    {
        var byImo = imo is { } i ? _byImo.GetValueOrDefault(i.Value) : null;
        var byMmsi = _byMmsi.GetValueOrDefault(mmsi.Value);
        if (byImo is null && byMmsi is null)
        {
            return []; // no allocation: the empty array
        }

        return Matches(byImo, byMmsi, broadcastName);
    }

    // Apart from Match: the lambda's captured variables would otherwise be allocated on every call, at its
    // start, though nearly every vessel matches nothing (under a flood of new MMSIs, 40 bytes each).
    private static List<WatchListMatch> Matches(List<(WatchList List, WatchListEntry Entry)>? byImo, List<(WatchList List, WatchListEntry Entry)>? byMmsi, string? broadcastName)
    {
        return (byImo ?? []).Concat(byMmsi ?? []).Distinct()
            .Select(hit => new WatchListMatch(
                hit.List.Name,
                hit.List.Version,
                hit.Entry.Id,
                hit.Entry.Name,
                (byImo?.Contains(hit) == true, byMmsi?.Contains(hit) == true) switch { (true, true) => "imo+mmsi", (true, _) => "imo", _ => "mmsi" },
                hit.Entry.FormerNames,
                hit.Entry.Programs,
                broadcastName))
            .ToList();
    }

    private static void Add<TKey>(Dictionary<TKey, List<(WatchList, WatchListEntry)>> index, TKey key, WatchList list, WatchListEntry entry)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var hits))
        {
            index[key] = hits = [];
        }

        hits.Add((list, entry));
    }
}
