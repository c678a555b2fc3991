using AisMonitor.Core.Ais;
using NodaTime;

namespace AisMonitor.Core.Tracking;

/// <summary>
/// Puts messages back in event-time order within a window. A message is held until a message at
/// least <c>window</c> later has been seen, then released in (time, arrival) order; a message older
/// than the last one released is too late and is refused (the caller counts it). Holds only what
/// arrived within one window, so memory follows the feed rate, not its length.
/// Real feeds are nearly in order, so the held messages are kept sorted in a ring: an in-order
/// message is appended in constant time and a late one is inserted a few places from the end.
/// </summary>
public sealed class ReorderBuffer
{
    private readonly Duration _window;
    private Entry[] _ring = new Entry[1024];
    private int _head;
    private long _arrivals;

    /// <summary>Creates a buffer with the given window.</summary>
    public ReorderBuffer(Duration window) => _window = window;

    /// <summary>Latest event time seen.</summary>
    public Instant? Latest { get; private set; }

    /// <summary>Event time of the last message released: nothing older can be released any more.</summary>
    public Instant? Released { get; private set; }

    /// <summary>Messages held.</summary>
    public int Count { get; private set; }

    /// <summary>Arrivals counted so far.</summary>
    public long Arrivals => _arrivals;

    /// <summary>The messages held, with their times and arrival numbers, in release order.</summary>
    public IEnumerable<(DecodedMessage Message, Instant Time, long Arrival)> Held
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                var entry = _ring[(_head + i) & (_ring.Length - 1)];
                yield return (entry.Message, entry.Time, entry.Arrival);
            }
        }
    }

    /// <summary>Adds a message with an event time; false when it is too late to be put in order.</summary>
    public bool Add(in DecodedMessage message, Instant time)
    {
        if (time < Released)
        {
            return false;
        }

        Insert(new Entry(time, _arrivals++, message));
        if (Latest is null || time > Latest)
        {
            Latest = time;
        }

        return true;
    }

    /// <summary>The next message whose window has passed (or any, when <paramref name="drain"/>), in event-time order.</summary>
    public bool TryRelease(bool drain, out DecodedMessage message, out Instant time)
    {
        if (Count > 0)
        {
            ref var first = ref _ring[_head];
            if (drain || first.Time <= Latest - _window)
            {
                message = first.Message;
                time = first.Time;
                first = default;
                _head = (_head + 1) & (_ring.Length - 1);
                Count--;
                Released = time;
                return true;
            }
        }

        message = default;
        time = default;
        return false;
    }

    /// <summary>The MMSI of the message <paramref name="ahead"/> places after the next to be released, when there is one.</summary>
    public bool TryPeekMmsi(int ahead, out uint mmsi)
    {
        if (ahead < Count)
        {
            mmsi = _ring[(_head + ahead) & (_ring.Length - 1)].Message.Mmsi.Value;
            return true;
        }

        mmsi = 0;
        return false;
    }

    /// <summary>Restores the buffer's position in time and its arrival counter (messages are added with <see cref="Restore(in DecodedMessage, Instant, long)"/>).</summary>
    public void RestoreClock(Instant? latest, Instant? released, long arrivals)
    {
        Latest = latest;
        Released = released;
        _arrivals = arrivals;
    }

    /// <summary>Puts back a held message with its original arrival number.</summary>
    public void Restore(in DecodedMessage message, Instant time, long arrival) => Insert(new Entry(time, arrival, message));

    private void Insert(in Entry entry)
    {
        if (Count == _ring.Length)
        {
            Grow();
        }

        var mask = _ring.Length - 1;
        var position = Count;

        // Walk back past held messages that sort after this one (usually none).
        while (position > 0)
        {
            ref var before = ref _ring[(_head + position - 1) & mask];
            if (before.Time < entry.Time || (before.Time == entry.Time && before.Arrival < entry.Arrival))
            {
                break;
            }

            _ring[(_head + position) & mask] = before;
            position--;
        }

        _ring[(_head + position) & mask] = entry;
        Count++;
    }

    private void Grow()
    {
        var larger = new Entry[_ring.Length * 2];
        for (var i = 0; i < Count; i++)
        {
            larger[i] = _ring[(_head + i) & (_ring.Length - 1)];
        }

        _ring = larger;
        _head = 0;
    }

    private readonly record struct Entry(Instant Time, long Arrival, DecodedMessage Message);
}
