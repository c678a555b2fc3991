using AisMonitor.Core.Alerts;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>Identity changes in real data no one here wrote.</summary>
public sealed class IdentityReplayTests
{
    [Fact]
    public async Task In_15_minutes_of_the_whole_US_stream_four_IMOs_are_broadcast_by_two_ships_at_once_and_nothing_else_changes()
    {
        var final = await Golden.Replay(["sample-tracks/noaa-marinecadastre-2022-01-03/AIS_2022_01_03_0000-0015_nationwide.csv.gz"]);
        var changes = final.OrderedAlerts().Where(a => a.Kind == AlertKind.IdentityChange).ToList();

        // For example IMO 9548574: FLAG ALEXANDROS (Panama) off Houston and LMZ VEGA (Marshall Islands) off Los Angeles.
        Assert.Equal([9212424, 9442718, 9548574, 9813644], changes.Select(a => a.Imo!.Value.Value).Order());
        Assert.All(changes, a =>
        {
            Assert.True(a.Rules.Single(r => r.Name == "ImoClaimedTwice").Fired);
            Assert.InRange(a.IdentityChange!.OtherDistanceNauticalMiles!.Value, 800, 2000);
            Assert.Equal(Severity.Medium, a.Severity); // a false IMO or a clone, nothing more
        });
        var vega = changes.Single(a => a.Imo!.Value.Value == 9548574);
        Assert.Equal((355369000u, 538007150u), (vega.Mmsi.Value, vega.IdentityChange!.PreviousMmsi!.Value.Value));
    }
}
