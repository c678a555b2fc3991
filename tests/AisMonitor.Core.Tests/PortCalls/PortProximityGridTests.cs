using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using CsCheck;

namespace AisMonitor.Core.Tests.PortCalls;

public sealed class PortProximityGridTests
{
    private static readonly Port[] Ports =
    [
        new("Najin", "KPRJN", "", new GeoPoint(42.233333, 130.3), 2),
        new("Zhoushan", "CNZOS", "", new GeoPoint(30.0, 122.1), 2),
        new("Kaskinen", "FIKAS", "", new GeoPoint(62.383333, 21.233333), 3),
        new("Date line", null, "", new GeoPoint(-17.0, 179.95), 5),
    ];

    private static readonly PortProximityGrid Grid = new(Ports, p => p.RadiusNauticalMiles + 0.54);

    [Fact]
    public void The_clearance_never_exceeds_the_true_distance_to_any_port_s_reach() =>
        Gen.Select(Gen.Int[0, Ports.Length - 1], Gen.Double[-3, 3], Gen.Double[-3, 3]).Sample((port, dLatitude, dLongitude) =>
        {
            var centre = Ports[port].Position;
            var latitude = Math.Clamp(centre.LatitudeDegrees + dLatitude, -89.9, 89.9);
            var longitude = centre.LongitudeDegrees + dLongitude;
            longitude = longitude > 180 ? longitude - 360 : longitude < -180 ? longitude + 360 : longitude;
            var clearance = Grid.ClearanceNauticalMiles(latitude, longitude);
            var toReach = Ports.Min(p => GreatCircle.DistanceNauticalMiles(latitude, longitude, p.Position.LatitudeDegrees, p.Position.LongitudeDegrees) - (p.RadiusNauticalMiles + 0.54));
            return clearance <= Math.Max(0, toReach) + 1e-9;
        }, iter: 100_000);

    [Fact]
    public void Far_from_every_port_the_clearance_is_the_four_rings_and_inside_a_reach_it_is_zero()
    {
        Assert.Equal(0, Grid.ClearanceNauticalMiles(42.24, 130.31));
        Assert.True(Grid.ClearanceNauticalMiles(0, -30) > 55); // mid-Atlantic: at least four 15 nm cells
        Assert.Equal(["Najin"], Grid.Candidates(42.24, 130.31).ToArray().Select(p => p.Name));
        Assert.True(Grid.Candidates(0, -30).IsEmpty);
    }
}
