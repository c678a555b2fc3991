namespace AisMonitor.Core.Tracking;

/// <summary>
/// One partition's vessels by MMSI: an open-addressing table (linear probing, at most half full)
/// whose slots hold the key next to the state, so that finding a vessel costs one cache line
/// before the state itself, where a <see cref="Dictionary{TKey, TValue}"/> costs two. Vessels are
/// removed in batches (<see cref="RemoveWhere"/>: retirement and eviction); <see cref="Values"/> lists them
/// in the order they were added, which keeps snapshots deterministic.
/// </summary>
internal sealed class VesselTable
{
    private const uint Fibonacci = 2654435769;
    private readonly List<VesselState> _inOrder = [];
    private Slot[] _slots = new Slot[256];
    private int _shift = 32 - 8;

    /// <summary>Vessels held.</summary>
    public int Count => _inOrder.Count;

    /// <summary>Every vessel, in the order added.</summary>
    public IReadOnlyList<VesselState> Values => _inOrder;

    /// <summary>The vessel with this mixed MMSI hash and MMSI, or null.</summary>
    public VesselState? Find(uint hash, uint mmsi)
    {
        var mask = _slots.Length - 1;
        for (var i = Index(hash); ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.State is null || slot.Mmsi == mmsi)
            {
                return slot.State;
            }
        }
    }

    /// <summary>Starts fetching the slot where the search for this hash begins.</summary>
    public void PrefetchSlot(uint hash) => CachePrefetch.Element(ref _slots[Index(hash)]);

    /// <summary>Starts fetching the vessel's state, when its slot is the first probed (nearly always).</summary>
    public void PrefetchState(uint hash, uint mmsi)
    {
        ref var slot = ref _slots[Index(hash)];
        if (slot.Mmsi == mmsi && slot.State is { } state)
        {
            CachePrefetch.Object(state, VesselState.HotBytes);
        }
    }

    /// <summary>Adds a vessel known not to be present.</summary>
    public void Add(uint hash, VesselState state)
    {
        if ((_inOrder.Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        Place(hash, state);
        _inOrder.Add(state);
    }

    /// <summary>
    /// Removes every vessel for which <paramref name="remove"/> is true, asking once for each vessel in
    /// the order of <see cref="Values"/>, and puts them in <paramref name="removed"/> (cleared first; the
    /// caller's list, kept from one eviction to the next) in that order. The order of the rest is kept;
    /// the table is mended around each removed vessel alone (backward-shift deletion), so evicting a
    /// tenth of a full table does not place the other nine tenths again.
    /// </summary>
    public void RemoveWhere(Func<VesselState, bool> remove, List<VesselState> removed)
    {
        removed.Clear();
        var kept = 0;
        for (var i = 0; i < _inOrder.Count; i++)
        {
            var vessel = _inOrder[i];
            if (remove(vessel))
            {
                removed.Add(vessel);
            }
            else
            {
                _inOrder[kept++] = vessel;
            }
        }

        _inOrder.RemoveRange(kept, _inOrder.Count - kept);
        for (var i = 0; i < removed.Count; i++)
        {
            // Two cache misses each (the vessel's MMSI, then its slot), fetched ahead as the engine does for messages.
            if (i + 16 < removed.Count)
            {
                CachePrefetch.Object(removed[i + 16], VesselState.ThroughMmsiBytes);
            }

            if (i + 8 < removed.Count)
            {
                PrefetchSlot(MmsiHash.Of(removed[i + 8].Mmsi.Value));
            }

            Delete(removed[i].Mmsi.Value);
        }
    }

    /// <summary>Empties the vessel's slot and shifts back the entries after it that probed past it.</summary>
    private void Delete(uint mmsi)
    {
        var mask = _slots.Length - 1;
        var hole = Index(MmsiHash.Of(mmsi));
        while (_slots[hole].State is null || _slots[hole].Mmsi != mmsi)
        {
            hole = (hole + 1) & mask;
        }

        for (var next = (hole + 1) & mask; _slots[next].State is not null; next = (next + 1) & mask)
        {
            if (!LinearProbing.StaysPut(hole, next, Index(MmsiHash.Of(_slots[next].Mmsi))))
            {
                _slots[hole] = _slots[next];
                hole = next;
            }
        }

        _slots[hole] = default;
    }

    // The partition is chosen by the hash's low bits, so the slot comes from its high bits.
    private int Index(uint hash) => (int)((hash * Fibonacci) >> _shift);

    private void Place(uint hash, VesselState state)
    {
        var mask = _slots.Length - 1;
        var i = Index(hash);
        while (_slots[i].State is not null)
        {
            i = (i + 1) & mask;
        }

        _slots[i] = new Slot(state, state.Mmsi.Value);
    }

    private void Grow()
    {
        _slots = new Slot[_slots.Length * 2];
        _shift--;
        foreach (var state in _inOrder)
        {
            Place(MmsiHash.Of(state.Mmsi.Value), state);
        }
    }

    private readonly record struct Slot(VesselState? State, uint Mmsi);
}

/// <summary>The 32-bit mix (lowbias32) that spreads consecutive MMSIs over partitions and slots.</summary>
internal static class MmsiHash
{
    public static uint Of(uint value)
    {
        value ^= value >> 16;
        value *= 0x7feb352d;
        value ^= value >> 15;
        value *= 0x846ca68b;
        return value ^ (value >> 16);
    }
}
