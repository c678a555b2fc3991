namespace AisMonitor.Core.Tracking;

/// <summary>
/// Order statistics without sorting, on a span of longs. (MathNet's
/// <c>ArrayStatistics.OrderStatisticInplace</c> takes a whole <c>double[]</c>: eviction would allocate
/// one the size of the cap at every pass.)
/// </summary>
internal static class Selection
{
    /// <summary>
    /// The value that would be at <paramref name="k"/> (from 0) if <paramref name="values"/> were sorted
    /// ascending, in expected linear time (Hoare's selection with a median-of-three pivot); the span is
    /// reordered.
    /// </summary>
    public static long Smallest(Span<long> values, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, values.Length);
        int low = 0, high = values.Length - 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var pivot = MedianOfThree(values[low], values[middle], values[high]);
            int i = low, j = high;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            // [low, j] ≤ pivot, [i, high] ≥ pivot, and between them (if anything) the pivot itself.
            if (k <= j)
            {
                high = j;
            }
            else if (k >= i)
            {
                low = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    private static long MedianOfThree(long a, long b, long c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
