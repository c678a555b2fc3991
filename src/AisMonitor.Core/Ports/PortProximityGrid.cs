using AisMonitor.Core.Geo;

namespace AisMonitor.Core.Ports;

/// <summary>
/// One bit per 0.1° cell: set where some port's exit radius reaches. Most positions are at sea,
/// and this answers "no port near" for them with one memory read, before any distance is computed.
/// </summary>
internal sealed class PortProximityGrid
{
    private const int CellsPerDegree = 10;
    private const int Columns = 360 * CellsPerDegree;
    private const int Rows = 180 * CellsPerDegree;
    private readonly ulong[] _bits = new ulong[((Rows * Columns) + 63) / 64];

    public PortProximityGrid(IEnumerable<(GeoPoint Position, double RadiusNauticalMiles)> areas)
    {
        foreach (var (position, radius) in areas)
        {
            var latitudeSpan = radius / 60;
            var longitudeSpan = radius / (60 * Math.Max(0.01, Math.Cos(Math.Min(89, Math.Abs(position.LatitudeDegrees) + latitudeSpan) * Math.PI / 180)));
            for (var row = Row(position.LatitudeDegrees - latitudeSpan); row <= Row(position.LatitudeDegrees + latitudeSpan); row++)
            {
                for (var column = Column(position.LongitudeDegrees - longitudeSpan); column <= Column(position.LongitudeDegrees + longitudeSpan); column++)
                {
                    var index = (row * Columns) + ((column + Columns) % Columns);
                    _bits[index >> 6] |= 1UL << (index & 63);
                }
            }
        }
    }

    public bool IsNearAPort(double latitudeDegrees, double longitudeDegrees)
    {
        var index = (Row(latitudeDegrees) * Columns) + ((Column(longitudeDegrees) + Columns) % Columns);
        return (_bits[index >> 6] & (1UL << (index & 63))) != 0;
    }

    private static int Row(double latitudeDegrees) => Math.Clamp((int)Math.Floor((latitudeDegrees + 90) * CellsPerDegree), 0, Rows - 1);

    private static int Column(double longitudeDegrees) => (int)Math.Floor((longitudeDegrees + 180) * CellsPerDegree);
}
