namespace AisMonitor.Core.Detection;

/// <summary>
/// The reception model's data by grid cell (histograms, heard hours), as rows of columns allocated when first used:
/// the lookup made for every report is two array reads rather than a hash. Keys are
/// <c>row &lt;&lt; 32 | column</c>, counted from 90° S and 180° W.
/// </summary>
internal sealed class CellGrid<T>
    where T : class, new()
{
    // Rows of a struct, not of T: a reference to an element of a T[] is checked against the array's
    // element type at run time (arrays are covariant), and GetOrAdd runs for every report.
    private readonly Cell[]?[] _rows;
    private readonly int _columns;

    public CellGrid(double cellSizeDegrees)
    {
        _rows = new Cell[]?[(int)Math.Ceiling(180 / cellSizeDegrees) + 1];
        _columns = (int)Math.Ceiling(360 / cellSizeDegrees) + 1;
    }

    /// <summary>Cells with data.</summary>
    public int Count { get; private set; }

    /// <summary>The highest row and column.</summary>
    public (int Row, int Column) Last => (_rows.Length - 1, _columns - 1);

    public T? Find(long key) => _rows[(int)(key >> 32)]?[(int)key].Value;

    public T GetOrAdd(long key)
    {
        var row = _rows[(int)(key >> 32)] ??= new Cell[_columns];
        ref var cell = ref row[(int)key].Value;
        if (cell is null)
        {
            cell = new T();
            Count++;
        }

        return cell;
    }

    public void Set(long key, T value)
    {
        var row = _rows[(int)(key >> 32)] ??= new Cell[_columns];
        Count += row[(int)key].Value is null ? 1 : 0;
        row[(int)key].Value = value;
    }

    public void Clear()
    {
        Array.Clear(_rows);
        Count = 0;
    }

    /// <summary>The cells with data, in key order.</summary>
    public IEnumerable<(long Key, T Value)> InKeyOrder()
    {
        for (var r = 0; r < _rows.Length; r++)
        {
            if (_rows[r] is not { } row)
            {
                continue;
            }

            for (var c = 0; c < row.Length; c++)
            {
                if (row[c].Value is { } value)
                {
                    yield return (((long)r << 32) | (uint)c, value);
                }
            }
        }
    }

    private struct Cell
    {
        public T? Value;
    }
}
