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
    private void Retire(long beforeUnixMilliseconds, bool evicted) =>
        Retire(vessel => LastHeardEither(vessel) < beforeUnixMilliseconds, evicted);

    /// <summary>A vessel with a second ship on its MMSI goes when neither is heard (the second's open gap goes with it).</summary>
    private static long LastHeardEither(VesselState vessel) =>
        Math.Max(vessel.LastHeardUnixMilliseconds, vessel.Twin?.LastHeardUnixMilliseconds ?? long.MinValue);

    /// <summary>Drops every vessel for which <paramref name="goes"/> is true, asked once per vessel, partition by partition, in each partition's order.</summary>
    private void Retire(Func<VesselState, bool> goes, bool evicted)
    {
        var carriedCap = Math.Max(1, _options.Tracking.MaximumTrackedVessels / _partitions.Length);
        var reusableCap = Math.Max(64, carriedCap / 10); // an eviction's worth
        foreach (var partition in _partitions)
        {
            partition.Vessels.RemoveWhere(goes, _removed);
            foreach (var vessel in _removed)
            {
                partition.SilenceChecks.Forget(vessel);
                if (vessel.Twin is { } twin)
                {
                    partition.SilenceChecks.Forget(twin);
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

                if (partition.Reusable.Count < reusableCap && vessel.Twin is null && !AnyDetectorRefersTo(vessel))
                {
                    partition.Reusable.Enqueue(vessel);
                }
            }

            if (_removed.Count > 0)
            {
                partition.SilenceChecks.CompactIfMostlyStale(partition.Vessels);
            }

            _removed.Clear();

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

    /// <summary>
    /// Beyond the cap, the longest silent tenth of the vessels goes (counted as evicted). Under a flood
    /// of new MMSIs this runs once per tenth of the cap: one pass reads when each vessel was last
    /// heard, a selection (not a sort) finds the cut, and the removal reads what that pass kept
    /// instead of each vessel again.
    /// </summary>
    private void EvictLongestSilent()
    {
        var count = 0;
        foreach (var partition in _partitions)
        {
            count += partition.Vessels.Count;
        }

        if (count == 0)
        {
            return;
        }

        if (_lastHeard.Length < count)
        {
            _lastHeard = new long[count];
            _lastHeardSelected = new long[count];
        }

        var lastHeard = _lastHeard;
        var at = 0;
        foreach (var partition in _partitions)
        {
            // Each vessel is a cache miss: fetch the one 16 places on while this one is read.
            var vessels = partition.Vessels.Values;
            for (var i = 0; i < vessels.Count; i++)
            {
                if (i + PrefetchDistance < vessels.Count)
                {
                    CachePrefetch.Object(vessels[i + PrefetchDistance], VesselState.ThroughLastHeardBytes);
                }

                lastHeard[at++] = LastHeardEither(vessels[i]);
            }
        }

        lastHeard.AsSpan(0, count).CopyTo(_lastHeardSelected);
        var cut = Selection.Smallest(_lastHeardSelected.AsSpan(0, count), Math.Max(1, count / 10) - 1);
        var before = cut == long.MaxValue ? cut : cut + 1;
        var next = 0; // Retire asks in the order the times were read
        Retire(_ => lastHeard[next++] < before, evicted: true);
    }

    private bool AnyDetectorRefersTo(VesselState vessel)
    {
        foreach (var detector in _detectors)
        {
            if (detector.RefersTo(vessel))
            {
                return true;
            }
        }

        return false;
    }

    private const int PrefetchDistance = 16;
    private long[] _lastHeard = [], _lastHeardSelected = [];
    private readonly List<VesselState> _removed = []; // kept from one retirement pass to the next: an eviction removes a tenth of the cap
}
