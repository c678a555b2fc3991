using System.Numerics;
using System.Runtime.CompilerServices;

namespace AisMonitor.Core.Detection;

/// <summary>
/// Report intervals in logarithmic bins, four per doubling (bin b holds [2^(b/4), 2^((b+1)/4))
/// seconds, up to 2^25 s): how many fell in each and how much time they covered. About two
/// hundred numbers whatever the traffic, held inside the object: a silent vessel's look reads four
/// histograms, and each would otherwise wait for memory twice (the object, then its array).
/// </summary>
internal sealed class IntervalHistogram
{
    private const int BinsPerDoubling = 4;
    private const int Bins = 25 * BinsPerDoubling;
    private LongBins _counts;
    private DoubleBins _seconds;

    public long Count { get; private set; }

    public HistogramSnapshot ToSnapshot() => new(((ReadOnlySpan<long>)_counts).ToArray(), ((ReadOnlySpan<double>)_seconds).ToArray(), Count, TotalSeconds);

    public static IntervalHistogram FromSnapshot(HistogramSnapshot snapshot)
    {
        var histogram = new IntervalHistogram { Count = snapshot.Count, TotalSeconds = snapshot.TotalSeconds };
        if (snapshot.Counts.Count != Bins || snapshot.Seconds.Count != Bins)
        {
            throw new ArgumentException($"A reception histogram has {Bins} bins; the snapshot has {snapshot.Counts.Count}.", nameof(snapshot));
        }

        for (var b = 0; b < Bins; b++)
        {
            histogram._counts[b] = snapshot.Counts[b];
            histogram._seconds[b] = snapshot.Seconds[b];
        }

        return histogram;
    }

    public double TotalSeconds { get; private set; }

    public void Add(double seconds)
    {
        seconds = Math.Max(1, seconds);
        var bin = Math.Min(Bins - 1, BinOf(seconds));
        _counts[bin]++;
        _seconds[bin] += seconds;
        Count++;
        TotalSeconds += seconds;
    }

    /// <summary>Adds every interval of <paramref name="other"/> (a block is the sum of its cells).</summary>
    public void Merge(IntervalHistogram other)
    {
        for (var b = 0; b < Bins; b++)
        {
            _counts[b] += other._counts[b];
            _seconds[b] += other._seconds[b];
        }

        Count += other.Count;
        TotalSeconds += other.TotalSeconds;
    }

    /// <summary>
    /// ⌊4·log₂ s⌋ for s ≥ 1 without a logarithm (it runs for every report): the binary exponent
    /// gives the doubling, the mantissa m ∈ [1, 2) the quarter, by comparing it with 2^¼, 2^½, 2^¾.
    /// </summary>
    internal static int BinOf(double seconds)
    {
        var bits = BitConverter.DoubleToInt64Bits(seconds);
        var exponent = (int)(bits >> 52) - 1023;
        var mantissa = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000);
        var quarter = mantissa < 1.4142135623730951
            ? (mantissa < 1.1892071150027210 ? 0 : 1)
            : (mantissa < 1.6817928305074290 ? 2 : 3);
        return (exponent * BinsPerDoubling) + quarter;
    }

    /// <summary>Hours listened: the sum of the intervals.</summary>
    public double TotalHours => TotalSeconds / 3600;

    /// <summary>How many intervals were at least <paramref name="seconds"/> long (log-interpolated within the bin that holds the length).</summary>
    public double CountAtLeast(double seconds)
    {
        var position = Math.Log2(Math.Max(1, seconds)) * BinsPerDoubling;
        var bin = (int)position;
        if (bin >= Bins)
        {
            return 0;
        }

        double count = 0;
        for (var b = bin + 1; b < Bins; b++)
        {
            count += _counts[b];
        }

        return count + (_counts[bin] * (1 - (position - bin)));
    }

    /// <summary>The position of a length on the bins' scale, 4·log₂ of it in seconds (at least 0): work it out once for every histogram asked about one length.</summary>
    public static double PositionOf(double seconds) => Math.Log2(Math.Max(1, seconds)) * BinsPerDoubling;

    /// <summary>
    /// <see cref="CountAtLeast"/> for the length at <paramref name="position"/> (<see cref="PositionOf"/>)
    /// and for a half, a third and a quarter of it, in one pass down from the top bin: nothing is kept
    /// between calls, so adding an interval stays one increment. The lengths asked about are silences of
    /// hours, so the pass covers the top half of the bins at most.
    /// </summary>
    public void CountAtLeastFractions(double position, out double whole, out double half, out double third, out double quarter)
    {
        const double ThirdOffset = 6.339850002884625; // 4·log₂ 3
        long above = 0; // the counts above bin `next`: integers, exact in a double, so the order of summing does not matter
        var next = Bins - 1;
        whole = AtLeast(position, ref above, ref next);
        half = AtLeast(position - BinsPerDoubling, ref above, ref next);
        third = AtLeast(position - ThirdOffset, ref above, ref next);
        quarter = AtLeast(position - (2 * BinsPerDoubling), ref above, ref next);
    }

    /// <summary>The count at or above a position no higher than the one asked before, going on from where that one stopped.</summary>
    private double AtLeast(double position, ref long above, ref int next)
    {
        position = Math.Max(0, position);
        var bin = (int)position;
        if (bin >= Bins)
        {
            return 0;
        }

        if (next > bin)
        {
            above += Sum(((ReadOnlySpan<long>)_counts)[(bin + 1)..(next + 1)]);
            next = bin;
        }

        return above + (_counts[bin] * (1 - (position - bin)));
    }

    /// <summary>The median interval in seconds (geometric middle of the bin that holds it).</summary>
    public double? MedianSeconds()
    {
        if (Count == 0)
        {
            return null;
        }

        long cumulative = 0;
        for (var b = 0; b < Bins; b++)
        {
            cumulative += _counts[b];
            if (cumulative * 2 >= Count)
            {
                return Math.Pow(2, (b + 0.5) / BinsPerDoubling);
            }
        }

        return Math.Pow(2, (double)Bins / BinsPerDoubling);
    }

    /// <summary>A sum of counts, several at a time (integers: exact in any order).</summary>
    private static long Sum(ReadOnlySpan<long> values)
    {
        var vectors = Vector<long>.Zero;
        var i = 0;
        for (; i <= values.Length - Vector<long>.Count; i += Vector<long>.Count)
        {
            vectors += new Vector<long>(values[i..]);
        }

        var sum = Vector.Sum(vectors);
        for (; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum;
    }

    [InlineArray(Bins)]
    private struct LongBins
    {
        private long _first;
    }

    [InlineArray(Bins)]
    private struct DoubleBins
    {
        private double _first;
    }
}
