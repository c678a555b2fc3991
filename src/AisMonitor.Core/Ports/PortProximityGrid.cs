using AisMonitor.Core.Geo;

namespace AisMonitor.Core.Ports;

/// <summary>
/// Which ports can be near a position, on a 0.25° grid (130 KB of bits: it stays in cache): one bit per cell, set where some port's
/// reach (its radius plus a margin) overlaps the cell, and for those cells the ports concerned.
/// Most positions are at sea, and the bit answers "no port near" for them with one memory read;
/// near a coast the cell's list holds the one or two candidates to measure.
/// </summary>
internal sealed class PortProximityGrid
{
    private const int CellsPerDegree = 4;
    private const int Columns = 360 * CellsPerDegree;
    private const int Rows = 180 * CellsPerDegree;
    private readonly ulong[] _bits = new ulong[((Rows * Columns) + 63) / 64];
    private readonly Dictionary<int, Port[]> _candidates = [];

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
    }

    /// <summary>The ports whose reach may include the position; empty, without allocating, far from any.</summary>
    public ReadOnlySpan<Port> Candidates(double latitudeDegrees, double longitudeDegrees)
    {
        var index = (Row(latitudeDegrees) * Columns) + ((Column(longitudeDegrees) + Columns) % Columns);
        return (_bits[index >> 6] & (1UL << (index & 63))) == 0 ? [] : _candidates[index];
    }

    private static int Row(double latitudeDegrees) => Math.Clamp((int)Math.Floor((latitudeDegrees + 90) * CellsPerDegree), 0, Rows - 1);

    private static int Column(double longitudeDegrees) => (int)Math.Floor((longitudeDegrees + 180) * CellsPerDegree);
}
