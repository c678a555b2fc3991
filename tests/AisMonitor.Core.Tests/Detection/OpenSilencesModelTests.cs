using AisMonitor.Core.Detection;
using CsCheck;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>
/// The silences under way, kept sorted per area for counting, answer as a plain list of them does:
/// registering, ending, forgetting the oldest, and counting those at least so long without the
/// judged vessel's own, in any mix (starts and vessels drawn from a few values, so that silences
/// begun at the same moment, the judged one among them, are the rule).
/// </summary>
public sealed class OpenSilencesModelTests
{
    [Fact]
    public void Counting_silences_under_way_agrees_with_a_list_of_them()
    {
        var operation = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 2], Gen.Long[0, 40], Gen.UInt[1, 4], Gen.Long[0, 30]);
        operation.Array[1, 200].Sample(operations =>
        {
            var open = new OpenSilences();
            var model = new List<(long Area, long Start, uint Mmsi)>();
            foreach (var (kind, area, start, mmsi, extra) in operations)
            {
                switch (kind)
                {
                    case 0 or 1:
                        var added = open.Add(area, start, mmsi);
                        if (added != !model.Contains((area, start, mmsi)))
                        {
                            return false;
                        }

                        if (added)
                        {
                            model.Add((area, start, mmsi));
                        }

                        break;
                    case 2:
                        open.Remove(area, start, mmsi);
                        model.Remove((area, start, mmsi));
                        break;
                    default:
                        // Judged: the vessel's own silence began at `start`; now is `extra` later, the length asked
                        // about is the silence's own (the scorer) or longer (the next look), the oldest counted a
                        // little before the earliest start.
                        var (now, length, oldest) = (start + extra, extra + (mmsi % 2 == 0 ? 0 : 3), (long)(mmsi - 1) * 2);
                        model.RemoveAll(s => s.Area == area && s.Start < oldest);
                        var latestStart = now - length;
                        var expected = model.Count(s => s.Area == area && s.Start <= latestStart && (s.Start, s.Mmsi) != (start, mmsi));
                        if (open.AtLeast(area, now, length, oldest, start, mmsi) != expected)
                        {
                            return false;
                        }

                        break;
                }

                if (open.Count != model.Count)
                {
                    return false;
                }
            }

            return true;
        }, iter: 3_000);
    }
}
