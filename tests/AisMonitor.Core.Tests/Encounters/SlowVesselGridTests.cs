using AisMonitor.Core.Ais;
using AisMonitor.Core.Encounters;
using AisMonitor.Core.Tracking;
using CsCheck;

namespace AisMonitor.Core.Tests.Encounters;

/// <summary>The chained grid of slow vessels holds what a list per cell would, in the same order.</summary>
public sealed class SlowVesselGridTests
{
    [Fact]
    public void Filing_and_taking_out_in_any_order_leaves_each_cell_as_a_list_per_cell_would()
    {
        // Operations: (vessel, cell); a vessel filed somewhere is taken out (or moved when the cell differs), else filed.
        Gen.Select(Gen.Int[0, 11], Gen.Int[0, 3]).Array[1, 300].Sample(operations =>
        {
            var states = Enumerable.Range(0, 12).Select(i => new SlowState(new VesselState(new Mmsi(211_000_000 + (uint)i)))).ToArray();
            var grid = new SlowVesselGrid();
            var model = new Dictionary<long, List<SlowState>>();
            foreach (var (vessel, cell) in operations)
            {
                var state = states[vessel];
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
                if (!Agrees(grid, model))
                {
                    return false;
                }
            }

            return Agrees(grid, model);
        }, iter: 2_000);

        static bool Agrees(SlowVesselGrid grid, Dictionary<long, List<SlowState>> model) =>
            Enumerable.Range(0, 4).All(cell => SlowVesselGrid.Chain(grid.First(cell)).SequenceEqual(model.GetValueOrDefault(cell) ?? []))
            && grid.Firsts.Count == model.Count
            && grid.All.Count() == model.Values.Sum(l => l.Count)
            && model.Values.SelectMany(l => l).All(s => s.InGrid);
    }
}
