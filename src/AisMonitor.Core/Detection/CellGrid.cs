namespace AisMonitor.Core.Detection;

/// <summary>
/// The reception model's histograms by grid cell, as rows of columns allocated when first used:
/// the lookup made for every report is two array reads rather than a hash. Keys are
/// <c>row &lt;&lt; 32 | column</c>, counted from 90° S and 180° W.
/// </summary>
internal sealed class CellGrid
{
    private readonly IntervalHistogram?[]?[] _rows;
    private readonly int _columns;

    public CellGrid(double cellSizeDegrees)
    {
        _rows = new IntervalHistogram?[]?[(int)Math.Ceiling(180 / cellSizeDegrees) + 1];
        _columns = (int)Math.Ceiling(360 / cellSizeDegrees) + 1;
    }

    /// <summary>Cells with a histogram.</summary>
    public int Count { get; private set; }

    /// <summary>The highest row and column.</summary>
    public (int Row, int Column) Last => (_rows.Length - 1, _columns - 1);

    public IntervalHistogram? Find(long key) => _rows[(int)(key >> 32)]?[(int)key];

    public IntervalHistogram GetOrAdd(long key)
    {
        var row = _rows[(int)(key >> 32)] ??= new IntervalHistogram?[_columns];
        ref var cell = ref row[(int)key];
        if (cell is null)
        {
            cell = new IntervalHistogram();
            Count++;
        }

        return cell;
    }

    public void Set(long key, IntervalHistogram histogram)
    {
        var row = _rows[(int)(key >> 32)] ??= new IntervalHistogram?[_columns];
        Count += row[(int)key] is null ? 1 : 0;
        row[(int)key] = histogram;
    }

    public void Clear()
    {
        Array.Clear(_rows);
        Count = 0;
    }

    /// <summary>The cells with a histogram, in key order.</summary>
    public IEnumerable<(long Key, IntervalHistogram Histogram)> InKeyOrder()
    {
        for (var r = 0; r < _rows.Length; r++)
        {
            if (_rows[r] is not { } row)
            {
                continue;
            }

            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is { } histogram)
                {
                    yield return (((long)r << 32) | (uint)c, histogram);
                }
            }
        }
    }
}
