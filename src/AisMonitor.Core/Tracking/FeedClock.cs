using NodaTime;

namespace AisMonitor.Core.Tracking;

/// <summary>
/// The time the feed has reached, robust to a few messages stamped far ahead: the k-th latest event
/// time among recent arrivals (k = <see cref="TrackingOptions.TimeAgreementMessages"/>), never moving
/// back. One message stamped 2030 in a 2024 feed cannot move it; k messages that agree on a later
/// time (the next file of an export, a month on) move it at once. "Recent" is the current epoch of
/// 4,096 arrivals, so stray times age out and cannot add up over months.
/// </summary>
public sealed class FeedClock
{
    private const int EpochArrivals = 4096;
    private readonly long[] _heap; // min-heap of the k latest times (ticks) of this epoch
    private int _count;
    private int _arrivalsInEpoch;

    /// <summary>A clock that needs <paramref name="agreement"/> messages to agree on a time.</summary>
    public FeedClock(int agreement)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(agreement, 1);
        _heap = new long[agreement];
    }

    /// <summary>The time at least k recent messages have reached; null until k messages have been seen.</summary>
    public Instant? Now { get; private set; }

    /// <summary>Notes one message's event time; true when <see cref="Now"/> moved.</summary>
    public bool Observe(Instant time)
    {
        var ticks = time.ToUnixTimeTicks();
        if (_count < _heap.Length)
        {
            _heap[_count] = ticks;
            SiftUp(_count++);
        }
        else if (ticks > _heap[0])
        {
            _heap[0] = ticks;
            SiftDown(0);
        }

        var moved = false;
        if (_count == _heap.Length && (Now is null || _heap[0] > Now.Value.ToUnixTimeTicks()))
        {
            Now = Instant.FromUnixTimeTicks(_heap[0]);
            moved = true;
        }

        if (++_arrivalsInEpoch == EpochArrivals)
        {
            // A new epoch starts empty: what it agrees on can only move the clock on, never back.
            _arrivalsInEpoch = 0;
            _count = 0;
        }

        return moved;
    }

    /// <summary>The clock's state, for a snapshot: its reading, the latest times of this epoch and how far into it.</summary>
    public (Instant? Now, IReadOnlyList<Instant> Times, int ArrivalsInEpoch) State =>
        (Now, _heap.Take(_count).Select(Instant.FromUnixTimeTicks).ToList(), _arrivalsInEpoch);

    /// <summary>Restores a state taken with <see cref="State"/>.</summary>
    public void Restore(Instant? now, IReadOnlyList<Instant> times, int arrivalsInEpoch)
    {
        ArgumentNullException.ThrowIfNull(times);
        Now = now;
        _count = 0;
        foreach (var time in times.Take(_heap.Length))
        {
            _heap[_count] = time.ToUnixTimeTicks();
            SiftUp(_count++);
        }

        _arrivalsInEpoch = arrivalsInEpoch;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (_heap[parent] <= _heap[i])
            {
                return;
            }

            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var smallest = i;
            var left = (2 * i) + 1;
            if (left < _count && _heap[left] < _heap[smallest])
            {
                smallest = left;
            }

            if (left + 1 < _count && _heap[left + 1] < _heap[smallest])
            {
                smallest = left + 1;
            }

            if (smallest == i)
            {
                return;
            }

            (_heap[smallest], _heap[i]) = (_heap[i], _heap[smallest]);
            i = smallest;
        }
    }
}
