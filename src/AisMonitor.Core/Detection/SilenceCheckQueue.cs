using System.Runtime.InteropServices;
using AisMonitor.Core.Tracking;

namespace AisMonitor.Core.Detection;

/// <summary>
/// One partition's queue of looks at silent vessels, by when each falls due (Unix milliseconds).
/// It holds each vessel's MMSI and track, not the vessel: a retired vessel is freed at once instead
/// of staying alive in the queue until its look falls due, the garbage collector has no references
/// here to trace, and retirement need not rebuild the queue. The vessel keeps the due time of its
/// one queued look (<see cref="VesselState.SilenceCheckDue"/>); an entry whose vessel is gone, or
/// no longer waits for that time, is stale and skipped. Stale entries are dropped in one pass once
/// they outnumber the live ones (and 4,096), so the queue stays within twice the looks pending.
/// Looks due at once are taken from the heap together, so that each one's table slot and vessel
/// state can be fetched from memory a few looks ahead (a satellite feed's silent vessels are cold:
/// heard hours ago).
/// </summary>
internal sealed class SilenceCheckQueue
{
    private const int CompactAtLeast = 4096;
    private const int MaximumKeptLive = 1 << 16;
    private const int SlotAhead = 16, StateAhead = 8;
    private readonly PriorityQueue<uint, long> _due = new();
    private readonly List<(uint Key, long Due)> _ready = [];
    private readonly List<(uint Key, long Due)> _compacted = []; // a compaction's entries, then the live ones among them (the queue holds up to every vessel)
    private int _nextReady;
    private int _stale;

    /// <summary>Entries held, stale ones included.</summary>
    public int Count => _due.Count + _ready.Count - _nextReady;

    /// <summary>Queues a look at <paramref name="vessel"/> at <paramref name="dueUnixMilliseconds"/>; it must have none queued.</summary>
    public void Schedule(VesselState vessel, long dueUnixMilliseconds)
    {
        vessel.SilenceCheckDue = dueUnixMilliseconds;
        _due.Enqueue(Key(vessel), dueUnixMilliseconds);
    }

    /// <summary>The vessel is retired: its queued look, if any, becomes stale.</summary>
    public void Forget(VesselState vessel)
    {
        if (vessel.SilenceCheckScheduled)
        {
            vessel.SilenceCheckDue = VesselState.NoSilenceCheck;
            _stale++;
        }
    }

    /// <summary>
    /// Takes the next vessel whose look is due at or before <paramref name="nowUnixMilliseconds"/> (its look is then
    /// no longer queued), in due order. Take until it returns false: the looks due are drawn from the heap together,
    /// and one scheduled meanwhile for a time already due is taken after them.
    /// </summary>
    public bool TryTakeDue(long nowUnixMilliseconds, VesselTable vessels, out VesselState vessel)
    {
        while (_nextReady < _ready.Count || FillReady(nowUnixMilliseconds))
        {
            PrefetchAhead(vessels);
            var (key, due) = _ready[_nextReady++];
            if (Live(vessels, key, due) is { } found)
            {
                found.SilenceCheckDue = VesselState.NoSilenceCheck;
                vessel = found;
                return true;
            }

            _stale = Math.Max(0, _stale - 1);
        }

        vessel = null!;
        return false;
    }

    private bool FillReady(long nowUnixMilliseconds)
    {
        _ready.Clear();
        _nextReady = 0;
        while (_due.TryPeek(out var key, out var due) && due <= nowUnixMilliseconds)
        {
            _due.Dequeue();
            _ready.Add((key, due));
        }

        return _ready.Count > 0;
    }

    private void PrefetchAhead(VesselTable vessels) => PrefetchAhead(vessels, CollectionsMarshal.AsSpan(_ready), _nextReady);

    /// <summary>Starts fetching the table slot of the entry <see cref="SlotAhead"/> places after <paramref name="index"/> and the state of the one <see cref="StateAhead"/> after it.</summary>
    private static void PrefetchAhead(VesselTable vessels, ReadOnlySpan<(uint Key, long Due)> entries, int index)
    {
        if (index + SlotAhead < entries.Length)
        {
            vessels.PrefetchSlot(MmsiHash.Of(entries[index + SlotAhead].Key >> 1));
        }

        if (index + StateAhead < entries.Length)
        {
            var mmsi = entries[index + StateAhead].Key >> 1;
            vessels.PrefetchState(MmsiHash.Of(mmsi), mmsi);
        }
    }

    /// <summary>
    /// Drops the stale entries once they outnumber the live ones. Each entry's vessel is looked up (two
    /// cache misses, the slot and the state), so the entries are copied out first, in the heap's order, and
    /// each one's slot and state fetched a few entries ahead, as for the looks due.
    /// </summary>
    public void CompactIfMostlyStale(VesselTable vessels)
    {
        if (_stale <= CompactAtLeast || _stale * 2 <= _due.Count)
        {
            return;
        }

        foreach (var entry in _due.UnorderedItems)
        {
            _compacted.Add(entry);
        }

        var entries = CollectionsMarshal.AsSpan(_compacted);
        var kept = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            PrefetchAhead(vessels, entries, i);
            if (Live(vessels, entries[i].Key, entries[i].Due) is not null)
            {
                entries[kept++] = entries[i];
            }
        }

        _compacted.RemoveRange(kept, _compacted.Count - kept);
        _due.Clear();
        _due.EnqueueRange(_compacted);
        _compacted.Clear();
        if (_compacted.Capacity > MaximumKeptLive)
        {
            _compacted.TrimExcess(); // a large compaction's list is not kept for the next (memory per tracked vessel)
        }
        _stale = 0;
    }

    // An MMSI has at most 30 bits: the track (0 or 1) goes in the lowest.
    private static uint Key(VesselState vessel) => (vessel.Mmsi.Value << 1) | vessel.Track;

    private static VesselState? Live(VesselTable vessels, uint key, long due)
    {
        var mmsi = key >> 1;
        var vessel = vessels.Find(MmsiHash.Of(mmsi), mmsi);
        if ((key & 1) != 0)
        {
            vessel = vessel?.Twin;
        }

        return vessel is not null && vessel.SilenceCheckDue == due ? vessel : null;
    }
}
