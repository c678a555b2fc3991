using AisMonitor.Core.Geo;

namespace AisMonitor.Core.Ports;

/// <summary>
/// Which ports can be near a position, on a 0.25° grid: one bit per cell, set where some port's
/// reach (its radius plus a margin) overlaps the cell, and for those cells the ports concerned.
/// Most positions are at sea, and the bit answers "no port near" for them with one memory read;
/// near a coast the cell's list holds the one or two candidates to measure.
/// </summary>
internal sealed class PortProximityGrid
{
    private const int CellsPerDegree = 4;
    private const int Columns = 360 * CellsPerDegree;
    private const int Rows = 180 * CellsPerDegree;
    private const int MaximumRings = 4;
    private const byte Marked = byte.MaxValue;
    private readonly ulong[] _bits = new ulong[((Rows * Columns) + 63) / 64];
    private readonly Dictionary<int, Port[]> _candidates = [];
    private readonly byte[] _clearRings;

    public PortProximityGrid(IEnumerable<Port> ports, Func<Port, double> reachNauticalMiles)
    {
        var lists = new Dictionary<int, List<Port>>();
        foreach (var port in ports)
        {
            var position = port.Position;
            var reach = reachNauticalMiles(port);
            var latitudeSpan = reach / 60;
            var longitudeSpan = reach / (60 * Math.Max(0.01, Math.Cos(Math.Min(89, Math.Abs(position.LatitudeDegrees) + latitudeSpan) * Math.PI / 180)));
            for (var row = Row(position.LatitudeDegrees - latitudeSpan); row <= Row(position.LatitudeDegrees + latitudeSpan); row++)
            {
                for (var column = Column(position.LongitudeDegrees - longitudeSpan); column <= Column(position.LongitudeDegrees + longitudeSpan); column++)
                {
                    var index = (row * Columns) + ((column + Columns) % Columns);
                    _bits[index >> 6] |= 1UL << (index & 63);
                    if (!lists.TryGetValue(index, out var list))
                    {
                        lists[index] = list = [];
                    }

                    list.Add(port);
                }
            }
        }

        foreach (var (index, list) in lists)
        {
            _candidates[index] = [.. list];
        }

        _clearRings = CountClearRings(_bits);
    }

    /// <summary>The ports whose reach may include the position; empty, without allocating, far from any.</summary>
    public ReadOnlySpan<Port> Candidates(double latitudeDegrees, double longitudeDegrees)
    {
        var index = (Row(latitudeDegrees) * Columns) + ((Column(longitudeDegrees) + Columns) % Columns);
        return (_bits[index >> 6] & (1UL << (index & 63))) == 0 ? [] : _candidates[index];
    }

    /// <summary>
    /// How far a vessel at this position can certainly move before any port's reach may include
    /// it: 0 in a marked cell, else the distance to the edge of its cell plus a whole cell for every
    /// unmarked ring of cells around it (up to four). A lower bound, so relying on it never misses an entry.
    /// </summary>
    public double ClearanceNauticalMiles(double latitudeDegrees, double longitudeDegrees)
    {
        var row = Row(latitudeDegrees);
        var column = (Column(longitudeDegrees) + Columns) % Columns;
        var rings = _clearRings[(row * Columns) + column];
        if (rings == Marked)
        {
            return 0;
        }

        const double cellDegrees = 1.0 / CellsPerDegree;
        var cosine = Math.Cos(Math.Min(89.0, Math.Abs(latitudeDegrees) + (MaximumRings * cellDegrees)) * Math.PI / 180);
        var cellNauticalMiles = 60 * cellDegrees * cosine; // the narrowest cell side within reach
        var inRow = Math.Clamp(((latitudeDegrees + 90) * CellsPerDegree) - row, 0, 1);
        var inColumn = ((longitudeDegrees + 180) * CellsPerDegree) - Math.Floor((longitudeDegrees + 180) * CellsPerDegree);
        var toEdge = Math.Min(Math.Min(inRow, 1 - inRow), Math.Min(inColumn, 1 - inColumn)) * cellNauticalMiles;
        return toEdge + (rings * cellNauticalMiles);
    }

    /// <summary>For every cell, how many rings of unmarked cells surround it (Chebyshev distance to the nearest marked cell, minus one, at most four), or <see cref="Marked"/>.</summary>
    private static byte[] CountClearRings(ulong[] bits)
    {
        var rings = new byte[Rows * Columns];
        Array.Fill(rings, (byte)MaximumRings);
        for (var index = 0; index < rings.Length; index++)
        {
            if ((bits[index >> 6] & (1UL << (index & 63))) == 0)
            {
                continue;
            }

            var (row, column) = (index / Columns, index % Columns);
            rings[index] = Marked;
            for (var dRow = -MaximumRings; dRow <= MaximumRings; dRow++)
            {
                var r = row + dRow;
                if (r < 0 || r >= Rows)
                {
                    continue;
                }

                for (var dColumn = -MaximumRings; dColumn <= MaximumRings; dColumn++)
                {
                    var neighbour = (r * Columns) + (((column + dColumn) % Columns) + Columns) % Columns;
                    var clear = (byte)(Math.Max(Math.Abs(dRow), Math.Abs(dColumn)) - 1);
                    if (rings[neighbour] != Marked && clear < rings[neighbour])
                    {
                        rings[neighbour] = clear;
                    }
                }
            }
        }

        return rings;
    }

    private static int Row(double latitudeDegrees) => Math.Clamp((int)Math.Floor((latitudeDegrees + 90) * CellsPerDegree), 0, Rows - 1);

    private static int Column(double longitudeDegrees) => (int)Math.Floor((longitudeDegrees + 180) * CellsPerDegree);
}
