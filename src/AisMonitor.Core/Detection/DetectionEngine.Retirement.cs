using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tracking;

namespace AisMonitor.Core.Detection;

/// <summary>Bounded memory: vessels long unheard are retired, and beyond the cap the longest silent are evicted.</summary>
public sealed partial class DetectionEngine
{
    /// <summary>
    /// Drops every vessel last heard before <paramref name="beforeUnixMilliseconds"/>. An open gap is
    /// carried as its last position and alert, so that it closes if the vessel returns; the carried
    /// gaps are bounded like the vessels (the oldest tenth forgotten beyond the cap).
    /// </summary>
    private void Retire(long beforeUnixMilliseconds, bool evicted)
    {
        var any = false;
        foreach (var partition in _partitions)
        {
            foreach (var vessel in partition.RemoveWhere(v => v.LastHeardUnixMilliseconds < beforeUnixMilliseconds))
            {
                any = true;
                vessel.Retired = true;
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
                    _carriedGaps[vessel.Mmsi.Value] = new CarriedGap(last, open);
                }
            }
        }

        if (any)
        {
            // The queue of silence checks must not keep retired vessels alive until their checks fall due.
            var kept = _silenceChecks.UnorderedItems.Where(item => !item.Element.Retired).ToList();
            _silenceChecks.Clear();
            _silenceChecks.EnqueueRange(kept);
        }

        if (_carriedGaps.Count > _options.Tracking.MaximumTrackedVessels)
        {
            foreach (var oldest in _carriedGaps.OrderBy(p => p.Value.LastGood.UnixMilliseconds).Take(_carriedGaps.Count / 10).Select(p => p.Key).ToList())
            {
                _carriedGaps.Remove(oldest);
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

    /// <summary>A retired vessel's open gap: its last position and the alert, to close if it returns.</summary>
    private sealed record CarriedGap(TrackPoint LastGood, Alert OpenGap);
}
