namespace AisMonitor.Core.Encounters;

/// <summary>
/// The slow vessels filed by cell: each cell's first in an open-addressing table (a cell's slot is one
/// 16-byte read, where a dictionary reads its bucket and then its entry, both cold under a flood of
/// slow newcomers), the rest chained through their states in the order filed (no list per cell: a
/// vessel that moves to another cell costs no allocation, and a cell is walked without a hop through
/// each vessel's state). Not thread safe.
/// </summary>
internal sealed class SlowVesselGrid
{
    private const ulong Fibonacci = 0x9E37_79B9_7F4A_7C15;
    private Slot[] _slots = new Slot[1024];
    private int _shift = 64 - 10;
    private int _cells;

    /// <summary>The first vessel of each cell that holds any (follow <see cref="SlowState.NextInCell"/> for the rest), in no particular order.</summary>
    public IEnumerable<SlowState> Firsts
    {
        get
        {
            var slots = _slots;
            for (var i = 0; i < slots.Length; i++)
            {
                if (slots[i].First is { } first)
                {
                    yield return first;
                }
            }
        }
    }

    /// <summary>Every vessel filed, cell by cell, first filed first within a cell.</summary>
    public IEnumerable<SlowState> All => Firsts.SelectMany(Chain);

    /// <summary>The first vessel filed in <paramref name="cell"/>, or null when it holds none.</summary>
    public SlowState? First(long cell) => _slots[SlotOf(cell)].First;

    /// <summary>Files <paramref name="state"/> last in <paramref name="cell"/> (it must not be filed already).</summary>
    public void Add(long cell, SlowState state)
    {
        var i = SlotOf(cell);
        if (_slots[i].First is { } first)
        {
            // A cell's first keeps its last in PreviousInCell, so filing last needs no walk.
            var last = first.PreviousInCell!;
            (last.NextInCell, state.PreviousInCell, first.PreviousInCell) = (state, last, state);
        }
        else
        {
            if ((_cells + 1) * 2 > _slots.Length)
            {
                Grow();
                i = SlotOf(cell);
            }

            _slots[i] = new Slot(cell, state);
            _cells++;
            state.PreviousInCell = state;
        }

        state.NextInCell = null;
        state.Cell = cell;
    }

    /// <summary>Takes a filed vessel out of its cell; the others keep their order.</summary>
    public void Remove(SlowState state)
    {
        var i = SlotOf(state.Cell);
        var first = _slots[i].First!;
        var (previous, next) = (state.PreviousInCell!, state.NextInCell);
        if (state == first)
        {
            if (next is null)
            {
                Delete(i);
                _cells--;
            }
            else
            {
                next.PreviousInCell = previous; // the cell's last
                _slots[i] = new Slot(state.Cell, next);
            }
        }
        else
        {
            previous.NextInCell = next;
            (next ?? first).PreviousInCell = previous; // the one after it, or the first's link to the last
        }

        (state.PreviousInCell, state.NextInCell) = (null, null);
    }

    /// <summary>The vessels of one cell from its first, in the order filed.</summary>
    public static IEnumerable<SlowState> Chain(SlowState? first)
    {
        for (var state = first; state is not null; state = state.NextInCell)
        {
            yield return state;
        }
    }

    private int Index(long cell) => (int)(((ulong)cell * Fibonacci) >> _shift);

    /// <summary>The slot that holds <paramref name="cell"/>, or the empty one where it would go.</summary>
    private int SlotOf(long cell)
    {
        var mask = _slots.Length - 1;
        var i = Index(cell);
        while (_slots[i].First is not null && _slots[i].Cell != cell)
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    /// <summary>Empties a slot and shifts back the entries after it that probed past it (linear probing keeps no tombstones).</summary>
    private void Delete(int hole)
    {
        var mask = _slots.Length - 1;
        for (var next = (hole + 1) & mask; _slots[next].First is not null; next = (next + 1) & mask)
        {
            if (!Tracking.LinearProbing.StaysPut(hole, next, Index(_slots[next].Cell)))
            {
                _slots[hole] = _slots[next];
                hole = next;
            }
        }

        _slots[hole] = default;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _shift--;
        foreach (var slot in old)
        {
            if (slot.First is not null)
            {
                _slots[SlotOf(slot.Cell)] = slot;
            }
        }
    }

    private readonly record struct Slot(long Cell, SlowState? First);
}
