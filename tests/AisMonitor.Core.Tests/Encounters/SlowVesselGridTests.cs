using AisMonitor.Core.Ais;
using AisMonitor.Core.Encounters;
using AisMonitor.Core.Tracking;
using CsCheck;

namespace AisMonitor.Core.Tests.Encounters;

/// <summary>The chained grid of slow vessels holds what a list per cell would, in the same order.</summary>
public sealed class SlowVesselGridTests
{
    [Fact]
    public void Filing_and_taking_out_in_any_order_leaves_each_cell_as_a_list_per_cell_would() =>
        // Few cells, many vessels per cell: the chains.
        Gen.Select(Gen.Int[0, 11], Gen.Int[0, 3]).Array[1, 300].Sample(operations => Agrees(operations, vessels: 12, cell => cell), iter: 2_000);

    [Fact]
    public void Thousands_of_cells_filed_and_emptied_are_found_as_a_dictionary_finds_them() =>
        // Many cells, a vessel or two each: the table's growth and the closing of holes left by emptied cells.
        // Cells as the detector numbers them (row in the high half, column in the low), neighbours and strays.
        Gen.Select(Gen.Int[0, 2_999], Gen.Int[0, 1_999]).Array[500, 6_000].Sample(
            operations => Agrees(operations, vessels: 3_000, cell => ((long)(cell / 40) << 32) | (uint)(cell % 40 * 7)), iter: 40);

    /// <summary>Applies (vessel, cell) operations: a filed vessel is taken out (and filed again when the cell differs), an unfiled one filed.</summary>
    private static bool Agrees((int Vessel, int Cell)[] operations, int vessels, Func<int, long> cellKey)
    {
        var states = Enumerable.Range(0, vessels).Select(i => new SlowState(new VesselState(new Mmsi(211_000_000 + (uint)i)))).ToArray();
        var grid = new SlowVesselGrid();
        var model = new Dictionary<long, List<SlowState>>();
        foreach (var (vessel, index) in operations)
        {
            var (state, cell) = (states[vessel], cellKey(index));
            if (state.InGrid)
            {
                var from = state.Cell;
                grid.Remove(state);
                model[from].Remove(state);
                if (model[from].Count == 0)
                {
                    model.Remove(from);
                }

                if (from == cell)
                {
                    continue;
                }
            }

            grid.Add(cell, state);
            (model.TryGetValue(cell, out var list) ? list : model[cell] = []).Add(state);
        }

        var touched = operations.Select(o => cellKey(o.Cell)).Distinct();
        return touched.All(cell => SlowVesselGrid.Chain(grid.First(cell)).SequenceEqual(model.GetValueOrDefault(cell) ?? []))
            && grid.Firsts.Count() == model.Count
            && grid.All.Count() == model.Values.Sum(l => l.Count)
            && model.Values.SelectMany(l => l).All(s => s.InGrid);
    }
}
