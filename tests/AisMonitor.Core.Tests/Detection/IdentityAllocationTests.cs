using AisMonitor.Core.Ais;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tests.Support;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>
/// Most static reports repeat what the vessel already told (a class A transponder sends its voyage
/// data every six minutes): taking one in must not copy the vessel's identity only to find it the same.
/// </summary>
public sealed class IdentityAllocationTests
{
    private const uint Mmsi = 273_210_440;

    [Fact]
    public void A_static_report_that_repeats_the_identity_is_taken_in_without_allocating()
    {
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, _ => { });
        engine.Process(Position(Mmsi, Start, 55.0, 12.0));
        var voyage = Voyage(Mmsi, Start, "ANGARA", imo: 9179842, callSign: "UBCT8");
        engine.Process(voyage);

        // The same report a second apart, many times: the reordering window holds them, then releases
        // them through the identity update.
        var repeated = Enumerable.Range(1, 1_000).Select(i => Voyage(Mmsi, Start + Duration.FromSeconds(i), "ANGARA", imo: 9179842, callSign: "UBCT8")).ToArray();
        var fewest = Allocations.FewestOfFiveRounds(round =>
        {
            for (var i = round * 200; i < (round + 1) * 200; i++)
            {
                engine.Process(in repeated[i]);
            }
        });

        Assert.Equal(0, fewest);
        Assert.Equal("ANGARA", engine.Vessels().Single().Identity?.Name);
    }
}
