namespace AisMonitor.Core.Detection;

/// <summary>
/// The hours in which anyone was heard in one grid cell, over the last <see cref="Span"/> hours of
/// event time (a ring of bits): while a vessel was silent there, were the others heard?
/// </summary>
internal sealed class HeardHours
{
    /// <summary>Hours kept: 1,024 (42 days, longer than any silence the model learns from by default).</summary>
    public const int Span = 1024;

    private readonly ulong[] _bits = new ulong[Span / 64];

    /// <summary>The latest hour marked (hours since the Unix epoch); the ring holds the <see cref="Span"/> hours up to it.</summary>
    public long Newest { get; private set; } = long.MinValue;

    /// <summary>Someone was heard in hour <paramref name="hour"/> (hours since the Unix epoch); an hour older than the ring is ignored.</summary>
    public void Mark(long hour)
    {
        if (hour > Newest)
        {
            // The hours after the newest, up to this one, were not heard yet: cleared (at most the whole ring).
            for (var h = Math.Max(Newest + 1, hour - Span + 1); h <= hour; h++)
            {
                Clear(h);
            }

            Newest = hour;
        }
        else if (hour <= Newest - Span)
        {
            return;
        }

        var slot = Slot(hour);
        _bits[slot >> 6] |= 1UL << slot;
    }

    /// <summary>How many of the hours after <paramref name="afterHour"/> and before <paramref name="beforeHour"/> someone was heard in (within the ring).</summary>
    public int CountBetween(long afterHour, long beforeHour)
    {
        var count = 0;
        for (var h = Math.Max(afterHour + 1, Newest - Span + 1); h < beforeHour && h <= Newest; h++)
        {
            var slot = Slot(h);
            count += (int)((_bits[slot >> 6] >> slot) & 1);
        }

        return count;
    }

    /// <summary>Every hour <paramref name="other"/> heard is heard here too (models learnt apart merge).</summary>
    public void Merge(HeardHours other)
    {
        foreach (var hour in other.Hours())
        {
            Mark(hour);
        }
    }

    /// <summary>The hours heard, oldest first (for snapshots).</summary>
    public IEnumerable<long> Hours()
    {
        if (Newest == long.MinValue)
        {
            yield break;
        }

        for (var h = Newest - Span + 1; h <= Newest; h++)
        {
            var slot = Slot(h);
            if (((_bits[slot >> 6] >> slot) & 1) != 0)
            {
                yield return h;
            }
        }
    }

    /// <summary>The ring's bits (hour h at bit h mod <see cref="Span"/>), for snapshots.</summary>
    public ulong[] Bits => (ulong[])_bits.Clone();

    /// <summary>Replaces the ring with one taken from <see cref="Bits"/> and <see cref="Newest"/>.</summary>
    public void Load(long newest, IReadOnlyList<ulong> bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        if (bits.Count != _bits.Length)
        {
            throw new ArgumentException($"Heard hours are {_bits.Length} words of bits, not {bits.Count}.", nameof(bits));
        }

        for (var i = 0; i < _bits.Length; i++)
        {
            _bits[i] = bits[i];
        }

        Newest = newest;
    }

    private static int Slot(long hour) => (int)(((hour % Span) + Span) % Span);

    private void Clear(long hour)
    {
        var slot = Slot(hour);
        _bits[slot >> 6] &= ~(1UL << slot);
    }
}
