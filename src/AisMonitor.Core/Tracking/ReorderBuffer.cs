using AisMonitor.Core.Ais;
using NodaTime;

namespace AisMonitor.Core.Tracking;

/// <summary>
/// Puts messages back in event-time order within a window. A message is held until a message
/// at least <c>window</c> later has been seen, then released in (time, arrival) order; a message
/// older than the last one released is too late and is refused (the caller counts it). Holds only
/// what arrived within one window, so memory follows the feed rate, not its length.
/// </summary>
public sealed class ReorderBuffer
{
    private readonly PriorityQueue<DecodedMessage, (Instant Time, long Arrival)> _queue = new();
    private readonly Duration _window;
    private long _arrivals;

    /// <summary>Creates a buffer with the given window.</summary>
    public ReorderBuffer(Duration window) => _window = window;

    /// <summary>Latest event time seen.</summary>
    public Instant? Latest { get; private set; }

    /// <summary>Event time of the last message released: nothing older can be released any more.</summary>
    public Instant? Released { get; private set; }

    /// <summary>The messages held, with their times and arrival numbers, in release order.</summary>
    public IEnumerable<(DecodedMessage Message, Instant Time, long Arrival)> Held =>
        _queue.UnorderedItems.OrderBy(i => i.Priority.Time).ThenBy(i => i.Priority.Arrival).Select(i => (i.Element, i.Priority.Time, i.Priority.Arrival));

    /// <summary>Arrivals counted so far.</summary>
    public long Arrivals => _arrivals;

    /// <summary>Restores the buffer's position in time and its arrival counter (messages are added with <see cref="Restore(in DecodedMessage, Instant, long)"/>).</summary>
    public void RestoreClock(Instant? latest, Instant? released, long arrivals)
    {
        Latest = latest;
        Released = released;
        _arrivals = arrivals;
    }

    /// <summary>Puts back a held message with its original arrival number.</summary>
    public void Restore(in DecodedMessage message, Instant time, long arrival) => _queue.Enqueue(message, (time, arrival));

    /// <summary>Messages held.</summary>
    public int Count => _queue.Count;

    /// <summary>Adds a message with an event time; false when it is too late to be put in order.</summary>
    public bool Add(in DecodedMessage message, Instant time)
    {
        if (time < Released)
        {
            return false;
        }

        _queue.Enqueue(message, (time, _arrivals++));
        if (Latest is null || time > Latest)
        {
            Latest = time;
        }

        return true;
    }

    /// <summary>The next message whose window has passed (or any, when <paramref name="drain"/>), in event-time order.</summary>
    public bool TryRelease(bool drain, out DecodedMessage message, out Instant time)
    {
        if (_queue.TryPeek(out message, out var key) && (drain || key.Time <= Latest - _window))
        {
            _queue.Dequeue();
            time = key.Time;
            Released = time;
            return true;
        }

        message = default;
        time = default;
        return false;
    }
}
