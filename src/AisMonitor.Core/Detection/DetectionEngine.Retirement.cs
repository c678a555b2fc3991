using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tracking;

namespace AisMonitor.Core.Detection;

/// <summary>Bounded memory: vessels long unheard are retired, and beyond the cap the longest silent are evicted.</summary>
public sealed partial class DetectionEngine
{
    /// <summary>
    /// Drops every vessel last heard before <paramref name="beforeUnixMilliseconds"/>. An open gap is
    /// carried, in the vessel's partition, as its last position and alert, so that it closes if the
    /// vessel returns; the carried gaps are bounded like the vessels (each partition's share of the
    /// cap; the oldest tenth forgotten beyond it).
    /// </summary>
    private void Retire(long beforeUnixMilliseconds, bool evicted)
    {
        var carriedCap = Math.Max(1, _options.Tracking.MaximumTrackedVessels / _partitions.Length);
        foreach (var partition in _partitions)
        {
            var any = false;
            // A vessel with a second ship on its MMSI goes when neither is heard (the second's open gap goes with it).
            foreach (var vessel in partition.Vessels.RemoveWhere(v => Math.Max(v.LastHeardUnixMilliseconds, v.Twin?.LastHeardUnixMilliseconds ?? long.MinValue) < beforeUnixMilliseconds))
            {
                any = true;
                vessel.Retired = true;
                if (vessel.Twin is { } twin)
                {
                    twin.Retired = true;
                }

                Statistics.Vessels--;
                if (evicted)
                {
                    Statistics.VesselsEvicted++;
                }
                else
                {
                    Statistics.VesselsRetired++;
                }

                if (vessel.OpenGap is { } open && vessel.LastGood is { } last)
                {
                    partition.CarriedGaps[vessel.Mmsi.Value] = new CarriedGap(last, open);
                }
            }

            if (any)
            {
                // The queue of silence checks must not keep retired vessels alive until their checks fall due.
                var kept = partition.SilenceChecks.UnorderedItems.Where(item => !item.Element.Retired).ToList();
                partition.SilenceChecks.Clear();
                partition.SilenceChecks.EnqueueRange(kept);
            }

            var carried = partition.CarriedGaps;
            if (carried.Count > carriedCap)
            {
                foreach (var oldest in carried.OrderBy(p => p.Value.LastGood.UnixMilliseconds).ThenBy(p => p.Key).Take(carried.Count / 10).Select(p => p.Key).ToList())
                {
                    carried.Remove(oldest);
                }
            }
        }
    }

    /// <summary>Beyond the cap, the longest silent tenth of the vessels goes (counted as evicted).</summary>
    private void EvictLongestSilent()
    {
        var lastHeard = Vessels().Select(v => v.LastHeardUnixMilliseconds).Order().ToList();
        var cut = lastHeard[Math.Max(1, lastHeard.Count / 10) - 1];
        Retire(cut == long.MaxValue ? cut : cut + 1, evicted: true);
    }
}
