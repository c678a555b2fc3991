using AisMonitor.Core.Ais;
using AisMonitor.Core.Detection;
using AisMonitor.Core.WatchLists;
using AisMonitor.Ingestion.Ports;
using AisMonitor.Ingestion.WatchLists;

namespace AisMonitor.Ingestion.Tests.WatchLists;

public sealed class BuiltInListTests
{
    [Fact]
    public void The_OFAC_list_holds_every_vessel_that_can_be_matched_with_the_identifiers_its_source_counts()
    {
        var list = WatchListCsv.OfacSdn2024;
        Assert.Equal(("OFAC SDN", "2024-05-03"), (list.Name, list.Version));
        Assert.Equal(845, list.Entries.Count); // 6 of the 851 vessels (MAR AZUL, RYONG GUN BONG, …) have neither an IMO nor an MMSI: they cannot be matched
        Assert.Equal(842, list.Entries.Count(e => e.Imo is not null));
        Assert.Equal(154, list.Entries.Count(e => e.Mmsi is not null));
        Assert.Equal(22, list.Entries.Count(e => e.FormerNames.Count > 0));
    }

    [Fact]
    public void Vessels_are_matched_on_IMO_or_MMSI_never_on_a_name()
    {
        var lists = new VesselWatchLists([WatchListCsv.OfacSdn2024]);
        Assert.True(Imo.TryCreate(9179842, out var angara));
        Assert.Equal("imo", Assert.Single(lists.Match(new Mmsi(273210440), angara, "ANGARA")).MatchedOn);
        Assert.Empty(lists.Match(new Mmsi(273210441), null, "ANGARA"));
        Assert.Equal("mmsi", Assert.Single(lists.Match(new Mmsi(636015565), null, null)).MatchedOn);
    }

    [Fact]
    public void A_vessel_on_no_list_is_matched_without_allocating()
    {
        // Every new MMSI is matched: under a flood of spoofed identities an allocation here was 40 % of all bytes allocated.
        var lists = new VesselWatchLists([WatchListCsv.OfacSdn2024]);
        Assert.True(Imo.TryCreate(9074729, out var unlisted));
        lists.Match(new Mmsi(257000001), unlisted, "TEST SHIP"); // the first call's one-time costs

        var matches = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            matches += lists.Match(new Mmsi(257000001 + (uint)i), unlisted, "TEST SHIP").Count;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, matches);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Every_sanctioned_port_operator_s_port_is_a_default_port_of_concern_and_every_default_is_a_known_port()
    {
        var defaults = new GapOptions().PortsOfConcern;
        var operators = WatchListCsv.SanctionedPortOperators();
        Assert.Equal(7, operators.Count);
        Assert.All(operators, o => Assert.Contains(o.UnLocode, defaults));
        var known = WorldPortIndex.All.Select(p => p.UnLocode).ToHashSet();
        Assert.All(defaults, code => Assert.Contains(code, known));
    }
}
