using AisMonitor.Core.Ais;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Tests.Tracking;

/// <summary>When a vessel was last heard is kept in a field (eviction reads it for every vessel): it must follow every change of the history and identity.</summary>
public sealed class LastHeardTests
{
    private static readonly Instant Start = Instant.FromUtc(2024, 3, 1, 0, 0);

    private static TrackPoint At(int minutes) => new(Start + Duration.FromMinutes(minutes), 34.5, 128.5, 10, TrackPointQuality.Good);

    private static long Ms(int minutes) => (Start + Duration.FromMinutes(minutes)).ToUnixTimeMilliseconds();

    [Fact]
    public void It_follows_the_latest_position_else_the_latest_identity_change_else_never()
    {
        var vessel = new VesselState(new Mmsi(273_000_001));
        Assert.Equal(long.MinValue, vessel.LastHeardUnixMilliseconds);

        vessel.Identity = new VesselIdentity { Name = "ANGARA", ChangedAt = Start + Duration.FromMinutes(5) };
        Assert.Equal(Ms(5), vessel.LastHeardUnixMilliseconds);

        vessel.Remember(At(10));
        vessel.Remember(At(20));
        Assert.Equal(Ms(20), vessel.LastHeardUnixMilliseconds);

        vessel.ReplaceLatestIf(At(20), At(25));
        Assert.Equal(Ms(25), vessel.LastHeardUnixMilliseconds);

        vessel.ForgetWhere(p => p.UnixMilliseconds > Ms(10));
        Assert.Equal(Ms(10), vessel.LastHeardUnixMilliseconds);

        vessel.ForgetWhere(_ => true);
        Assert.Equal(Ms(5), vessel.LastHeardUnixMilliseconds); // no position left: the identity's time
    }

    [Fact]
    public void It_is_the_latest_remembered_even_when_the_ring_has_wrapped()
    {
        var vessel = new VesselState(new Mmsi(273_000_001));
        for (var i = 0; i < (3 * VesselState.HistoryCapacity) + 5; i++)
        {
            vessel.Remember(At(i));
            Assert.Equal(vessel.Latest!.Value.UnixMilliseconds, vessel.LastHeardUnixMilliseconds);
        }
    }
}
