using MathNet.Numerics.Distributions;

namespace AisMonitor.Core.Detection;

/// <summary>
/// Report intervals in logarithmic bins, four per doubling (bin b holds [2^(b/4), 2^((b+1)/4))
/// seconds, up to 2^25 s): how many fell in each and how much time they covered, with the moments
/// of their logarithms for a log-normal fit. About two hundred numbers whatever the traffic.
/// </summary>
internal sealed class IntervalHistogram
{
    private const int BinsPerDoubling = 4;
    private const int Bins = 25 * BinsPerDoubling;
    private readonly long[] _counts = new long[Bins];
    private readonly double[] _seconds = new double[Bins];
    private double _sumLog;
    private double _sumLogSquared;

    public long Count { get; private set; }

    public double TotalSeconds { get; private set; }

    public void Add(double seconds)
    {
        seconds = Math.Max(1, seconds);
        var bin = Math.Min(Bins - 1, (int)(Math.Log2(seconds) * BinsPerDoubling));
        _counts[bin]++;
        _seconds[bin] += seconds;
        var log = Math.Log(seconds);
        _sumLog += log;
        _sumLogSquared += log * log;
        Count++;
        TotalSeconds += seconds;
    }

    /// <summary>
    /// Share of the listening time covered by silences at least <paramref name="seconds"/> long, as
    /// counted (log-interpolated within the bin that holds the length). Time-weighted, because a
    /// satellite pass gives many short intervals and one long one: per interval, the long one
    /// looks rare; per hour, it is the normal state of that sea.
    /// </summary>
    public double EmpiricalTail(double seconds)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var position = Math.Log2(Math.Max(1, seconds)) * BinsPerDoubling;
        var bin = (int)position;
        if (bin >= Bins)
        {
            return 0;
        }

        double covered = 0;
        for (var b = bin + 1; b < Bins; b++)
        {
            covered += _seconds[b];
        }

        covered += _seconds[bin] * (1 - (position - bin));
        return covered / TotalSeconds;
    }

    /// <summary>
    /// The same share under a log-normal fit of the intervals (MathNet.Numerics): the time-weighted
    /// tail of LogNormal(μ, σ) is the tail of LogNormal(μ + σ², σ).
    /// </summary>
    public double LogNormalTail(double seconds)
    {
        if (Count < 2)
        {
            return double.NaN;
        }

        var mean = _sumLog / Count;
        var variance = Math.Max(1e-6, (_sumLogSquared / Count) - (mean * mean));
        return 1 - LogNormal.CDF(mean + variance, Math.Sqrt(variance), Math.Max(1, seconds));
    }

    /// <summary>The most the share can honestly be said to be below when no such silence was seen: half of one more such silence.</summary>
    public double UnseenBound(double seconds) => 0.5 * seconds / (TotalSeconds + seconds);

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
}
