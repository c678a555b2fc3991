using System.Runtime.CompilerServices;
using AisMonitor.Core.Ais;
using NodaTime;

namespace AisMonitor.Core.Tracking;

/// <summary>
/// Puts messages back in event-time order within a window. A message is held until the feed's time
/// (<see cref="FeedClock"/>: what enough recent messages agree on, so a few stamped years ahead
/// cannot move it) is at least <c>window</c> past it, then released in (time, arrival) order; a
/// message older than the last one released is too late and is refused (the caller counts it).
/// At the end of input, a message more than the unconfirmed-jump limit past the last one released
/// is implausible (nothing agreed with its time) and is dropped and counted, not released.
/// Holds only what arrived within one window (and the few implausible ones), so memory follows the
/// feed rate, not its length. Real feeds are nearly in order, so the held messages are kept sorted
/// in a ring: an in-order message is appended in constant time and a late one is inserted a few
/// places from the end.
/// </summary>
public sealed class ReorderBuffer
{
    private readonly Duration _window;
    private readonly Duration _maximumUnconfirmedJump;
    private readonly FeedClock _clock;
    private Entry[] _ring = new Entry[1024];
    private int _head;
    private long _arrivals;

    /// <summary>Creates a buffer with the given window, agreement and unconfirmed-jump limit (see <see cref="TrackingOptions"/>).</summary>
    public ReorderBuffer(Duration window, int agreement = 16, Duration? maximumUnconfirmedJump = null)
    {
        _window = window;
        _clock = new FeedClock(agreement);
        _maximumUnconfirmedJump = maximumUnconfirmedJump ?? Duration.FromDays(7);
    }

    /// <summary>The feed's time: what at least the agreed number of recent messages have reached, or what a live clock said it is (<see cref="AdvanceTo"/>), whichever is later.</summary>
    public Instant? Latest => _clock.Now is { } heard && (_advancedTo is not { } told || heard >= told) ? heard : _advancedTo;

    private Instant? _advancedTo;

    /// <summary>A live feed's clock says its time has reached <paramref name="now"/> although no message said so: what is held a window before it can be released.</summary>
    public void AdvanceTo(Instant now)
    {
        if (_advancedTo is not { } before || now > before)
        {
            _advancedTo = now;
        }
    }

    /// <summary>The feed clock, for snapshots.</summary>
    public FeedClock Clock => _clock;

    /// <summary>Event time of the last message released: nothing older can be released any more.</summary>
    public Instant? Released { get; private set; }

    /// <summary>Messages dropped at the end of input because nothing agreed with their time (counted only while draining).</summary>
    public long Implausible { get; private set; }

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

        Insert(time, _arrivals++, message);
        _clock.Observe(time);
        return true;
    }

    /// <summary>The next message whose window has passed (or any, when <paramref name="drain"/>), in event-time order.</summary>
    public bool TryRelease(bool drain, out DecodedMessage message, out Instant time)
    {
        while (drain && Count > 0 && (Released ?? Latest) is { } reference && _ring[_head].Time > reference + _maximumUnconfirmedJump)
        {
            // Far past everything released and never agreed with: a stray time, not the feed's.
            _ring[_head] = default;
            _head = (_head + 1) & (_ring.Length - 1);
            Count--;
            Implausible++;
        }

        ref readonly var due = ref Take(drain, out time);
        if (Unsafe.IsNullRef(in due))
        {
            message = default;
            return false;
        }

        message = due;
        return true;
    }

    /// <summary>
    /// The next message due, as <see cref="TryRelease"/> without draining, but left where it is held: a
    /// reference to it, valid until the next <see cref="Add"/>, or a null reference when none is due
    /// (<see cref="Unsafe.IsNullRef{T}(ref readonly T)"/>). Every message passes here, and copying it out
    /// and clearing its place cost more than applying some of them; the place is overwritten when reused,
    /// so the ring holds no more released messages than its own length.
    /// </summary>
    internal ref readonly DecodedMessage ReleaseDue(out Instant time) => ref Take(all: false, out time);

    /// <summary>The first message held, when due (or with <paramref name="all"/>, regardless): released, and left in place.</summary>
    private ref readonly DecodedMessage Take(bool all, out Instant time)
    {
        if (Count > 0)
        {
            ref var first = ref _ring[_head];
            if (all || first.Time <= Latest - _window)
            {
                time = first.Time;
                _head = (_head + 1) & (_ring.Length - 1);
                Count--;
                Released = time;
                return ref first.Message;
            }
        }

        time = default;
        return ref Unsafe.NullRef<DecodedMessage>();
    }

    /// <summary>The latest time held at or before <paramref name="limit"/> (later ones are strays the feed has not agreed with), when one is.</summary>
    public Instant? LatestHeldAtOrBefore(Instant limit)
    {
        for (var i = Count - 1; i >= 0; i--)
        {
            var time = _ring[(_head + i) & (_ring.Length - 1)].Time;
            if (time <= limit)
            {
                return time;
            }
        }

        return null;
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

    /// <summary>Restores the buffer's position in time and its counters (messages are added with <see cref="Restore(in DecodedMessage, Instant, long)"/>, the feed clock through <see cref="Clock"/>).</summary>
    public void RestoreClock(Instant? released, long arrivals)
    {
        Released = released;
        _arrivals = arrivals;
    }

    /// <summary>Puts back a held message with its original arrival number.</summary>
    public void Restore(in DecodedMessage message, Instant time, long arrival) => Insert(time, arrival, message);

    // The message is copied once, from the caller's place into its own: built as an entry first, it was
    // copied through three stack temporaries on the way (in the JIT's code for Process).
    private void Insert(Instant time, long arrival, in DecodedMessage message)
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
            if (before.Time < time || (before.Time == time && before.Arrival < arrival))
            {
                break;
            }

            _ring[(_head + position) & mask] = before;
            position--;
        }

        ref var entry = ref _ring[(_head + position) & mask];
        entry.Time = time;
        entry.Arrival = arrival;
        entry.Message = message;
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

    // Fields, not a record's properties: Insert fills them in place and ReleaseDue returns a reference to the message there.
    private struct Entry
    {
        public Instant Time;
        public long Arrival;
        public DecodedMessage Message;
    }
}
