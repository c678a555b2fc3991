namespace AisMonitor.Core.Encounters;

/// <summary>
/// The slow vessels filed by cell: each cell's first, the rest chained through their states in the
/// order filed (no list per cell: a vessel that moves to another cell costs no allocation, and a cell
/// is walked without a hop through each vessel's state). Not thread safe.
/// </summary>
internal sealed class SlowVesselGrid
{
    private readonly Dictionary<long, SlowState> _first = [];

    /// <summary>The first vessel of each cell that holds any (follow <see cref="SlowState.NextInCell"/> for the rest).</summary>
    public Dictionary<long, SlowState>.ValueCollection Firsts => _first.Values;

    /// <summary>Every vessel filed, cell by cell, first filed first within a cell.</summary>
    public IEnumerable<SlowState> All => _first.Values.SelectMany(Chain);

    /// <summary>The first vessel filed in <paramref name="cell"/>, or null when it holds none.</summary>
    public SlowState? First(long cell) => _first.GetValueOrDefault(cell);

    /// <summary>Files <paramref name="state"/> last in <paramref name="cell"/> (it must not be filed already).</summary>
    public void Add(long cell, SlowState state)
    {
        // A cell's first keeps its last in PreviousInCell, so filing last needs no walk.
        if (_first.TryGetValue(cell, out var first))
        {
            var last = first.PreviousInCell!;
            (last.NextInCell, state.PreviousInCell, first.PreviousInCell) = (state, last, state);
        }
        else
        {
            _first[cell] = state;
            state.PreviousInCell = state;
        }

        state.NextInCell = null;
        (state.InGrid, state.Cell) = (true, cell);
    }

    /// <summary>Takes a filed vessel out of its cell; the others keep their order.</summary>
    public void Remove(SlowState state)
    {
        var first = _first[state.Cell];
        var (previous, next) = (state.PreviousInCell!, state.NextInCell);
        if (state == first)
        {
            if (next is null)
            {
                _first.Remove(state.Cell);
            }
            else
            {
                next.PreviousInCell = previous; // the cell's last
                _first[state.Cell] = next;
            }
        }
        else
        {
            previous.NextInCell = next;
            (next ?? first).PreviousInCell = previous; // the one after it, or the first's link to the last
        }

        (state.PreviousInCell, state.NextInCell, state.InGrid) = (null, null, false);
    }

    /// <summary>The vessels of one cell from its first, in the order filed.</summary>
    public static IEnumerable<SlowState> Chain(SlowState? first)
    {
        for (var state = first; state is not null; state = state.NextInCell)
        {
            yield return state;
        }
    }
}
