using AisMonitor.Core.Ais;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Tracking;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>The queue of looks at silent vessels holds MMSIs, not vessels: retirement costs it nothing and frees the vessel at once.</summary>
public sealed class SilenceCheckQueueTests
{
    private static VesselState Add(VesselTable table, uint mmsi)
    {
        var vessel = new VesselState(new Mmsi(mmsi));
        table.Add(MmsiHash.Of(mmsi), vessel);
        return vessel;
    }

    private static List<uint> TakeAll(SilenceCheckQueue queue, VesselTable table, long now)
    {
        var taken = new List<uint>();
        while (queue.TryTakeDue(now, table, out var vessel))
        {
            taken.Add(vessel.Mmsi.Value);
            Assert.False(vessel.SilenceCheckScheduled);
        }

        return taken;
    }

    [Fact]
    public void Looks_are_taken_in_due_order_and_only_when_due()
    {
        var (table, queue) = (new VesselTable(), new SilenceCheckQueue());
        queue.Schedule(Add(table, 273_000_003), 300);
        queue.Schedule(Add(table, 273_000_001), 100);
        queue.Schedule(Add(table, 273_000_002), 200);

        Assert.Equal([273_000_001u, 273_000_002u], TakeAll(queue, table, 250));
        Assert.Equal([273_000_003u], TakeAll(queue, table, 300));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Looks_due_together_are_taken_in_due_order_and_one_scheduled_meanwhile_for_a_time_already_due_is_taken_too()
    {
        var (table, queue) = (new VesselTable(), new SilenceCheckQueue());
        for (uint i = 0; i < 100; i++)
        {
            queue.Schedule(Add(table, 273_000_100 - i), 1000 - i); // due 901..1000, in reverse MMSI order
        }

        var late = Add(table, 273_000_999);
        var taken = new List<uint>();
        while (queue.TryTakeDue(1000, table, out var vessel))
        {
            taken.Add(vessel.Mmsi.Value);
            if (taken.Count == 50)
            {
                queue.Schedule(late, 950); // already due: taken in this sweep, after those drawn with it
                queue.Schedule(vessel, 2000); // not due: stays queued
            }
        }

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (uint)(273_000_001 + i)).Append(273_000_999u), taken);
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void A_retired_vessel_is_not_looked_at_nor_is_its_successor_on_the_same_mmsi_at_the_old_time()
    {
        var (table, queue) = (new VesselTable(), new SilenceCheckQueue());
        var gone = Add(table, 273_000_001);
        queue.Schedule(gone, 100);
        queue.Forget(gone);
        table.RemoveWhere(v => v == gone, []);
        var back = Add(table, 273_000_001); // the MMSI heard again after eviction: a new state, its own look
        queue.Schedule(back, 500);

        Assert.Empty(TakeAll(queue, table, 400));
        Assert.True(back.SilenceCheckScheduled);
        Assert.Same(back, Assert.Single(TakeAll(queue, table, 500).Select(m => table.Find(MmsiHash.Of(m), m))));
    }

    [Fact]
    public void A_second_ship_on_an_mmsi_has_its_own_look()
    {
        var (table, queue) = (new VesselTable(), new SilenceCheckQueue());
        var first = Add(table, 273_000_001);
        var second = new VesselState(first.Mmsi, track: 1) { Twin = first };
        first.Twin = second;
        queue.Schedule(second, 100);
        queue.Schedule(first, 200);

        Assert.True(queue.TryTakeDue(150, table, out var taken));
        Assert.Same(second, taken);
        Assert.True(queue.TryTakeDue(200, table, out taken));
        Assert.Same(first, taken);
    }

    [Fact]
    public void The_queue_keeps_no_retired_vessel_alive_and_drops_stale_entries_once_they_outnumber_the_live()
    {
        var (table, queue) = (new VesselTable(), new SilenceCheckQueue());
        var retired = new List<WeakReference>();
        for (uint i = 0; i < 10_000; i++)
        {
            var vessel = Add(table, 273_000_000 + i);
            queue.Schedule(vessel, 1_000 + i);
        }

        RetireEveryVesselBelow(table, queue, 273_008_000, retired);
        queue.CompactIfMostlyStale(table);

        Assert.Equal(2_000, queue.Count);
        GC.Collect();
        Assert.All(retired, weak => Assert.False(weak.IsAlive));
        Assert.Equal(Enumerable.Range(8_000, 2_000).Select(i => 273_000_000u + (uint)i), TakeAll(queue, table, long.MaxValue));
    }

    [Fact]
    public void A_few_stale_entries_stay_until_due_and_are_skipped()
    {
        var (table, queue) = (new VesselTable(), new SilenceCheckQueue());
        for (uint i = 0; i < 100; i++)
        {
            queue.Schedule(Add(table, 273_000_000 + i), 1_000 + i);
        }

        RetireEveryVesselBelow(table, queue, 273_000_060, []);
        queue.CompactIfMostlyStale(table); // 60 stale of 100: too few to be worth a pass

        Assert.Equal(100, queue.Count);
        Assert.Equal(40, TakeAll(queue, table, long.MaxValue).Count);
    }

    // Separate so that no local of the caller's frame holds a retired vessel.
    private static void RetireEveryVesselBelow(VesselTable table, SilenceCheckQueue queue, uint below, List<WeakReference> retired)
    {
        var removed = new List<VesselState>();
        table.RemoveWhere(v => v.Mmsi.Value < below, removed);
        foreach (var vessel in removed)
        {
            queue.Forget(vessel);
            retired.Add(new WeakReference(vessel));
        }
    }
}
