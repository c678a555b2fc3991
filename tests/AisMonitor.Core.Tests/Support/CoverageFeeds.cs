using AisMonitor.Core.Ais;
using AisMonitor.Core.Simulation;
using NodaTime;

namespace AisMonitor.Core.Tests.Support;

/// <summary>How a simulated feed is heard.</summary>
public enum CoverageLayout
{
    /// <summary>Terrestrial receivers around four ports, satellite passes every 1–3 h elsewhere.</summary>
    CoastalAndSatellite,

    /// <summary>The same, with a sparse block (revisits every 6–14 h) that some vessels sail in and others cross into.</summary>
    CoastalSatelliteAndSparseBlock,

    /// <summary>Satellite only: passes every 1–3 h in the west, every 6–14 h in the east.</summary>
    SatelliteOnly,
}

/// <summary>
/// Simulated feeds with known truth for judging gap detection: vessels sail between random points
/// of an ocean region (10–30° N, 130–160° E) heard as the layout says (one report every 3 minutes,
/// each heard by a satellite pass over it with chance 0.8: a pass of 10 minutes misses a vessel about
/// once in 200, as a class A transponder's reports every 2–10 s make likely), and a few of those in
/// well-heard waters switch their transponder off for 10–24 h once (the true dark periods): about
/// one dark period per 900 vessel-days. The score says how rare a silence is where it happened,
/// so darkness must be rarer than the coverage silences it is told from; were a third of a fleet
/// dark every week, a 12-hour silence would be ordinary there, and the score would rightly say so.
/// </summary>
public static class CoverageFeeds
{
    private static readonly Instant Start = Instant.FromUtc(2024, 3, 1, 0, 0);
    private static readonly (double South, double West, double North, double East) Good = (10, 130, 30, 145), Sparse = (10, 145, 30, 160);

    public sealed record Feed(IReadOnlyList<DecodedMessage> Messages, IReadOnlyDictionary<uint, TimeWindow> DarkPeriods);

    public static Feed Build(CoverageLayout layout, int seed, int vessels = 1500, double days = 8, int darkPeriods = 14)
    {
        var random = new Random(seed);
        var list = new List<SimulatedVessel>();
        var dark = new Dictionary<uint, TimeWindow>();
        var hasSparse = layout != CoverageLayout.CoastalAndSatellite;
        for (var i = 0; i < vessels; i++)
        {
            var mmsi = (uint)(538_000_000 + i);
            // Where it sails: in good coverage, in the sparse block, or between the two.
            var kind = !hasSparse ? 0 : (i % 5) switch { 0 => 1, 1 => 2, _ => 0 };
            var route = new List<Waypoint>();
            var hours = 0.0;
            var speed = 8 + (random.NextDouble() * 8);
            var point = Pick(kind == 1 ? Sparse : Good, layout, random);
            route.Add(new Waypoint { Latitude = point.Latitude, Longitude = point.Longitude, SpeedKnots = speed, DwellHours = random.NextDouble() });
            while (hours < days * 24)
            {
                var area = kind switch { 1 => Sparse, 2 => route.Count % 2 == 1 ? Sparse : Good, _ => Good };
                var next = Pick(area, layout, random);
                hours += (Geo.GreatCircle.DistanceNauticalMiles(point.Latitude, point.Longitude, next.Latitude, next.Longitude) / speed) + 0.5;
                route.Add(new Waypoint { Latitude = next.Latitude, Longitude = next.Longitude, SpeedKnots = speed, DwellHours = random.NextDouble() });
                point = next;
            }

            IReadOnlyList<TimeWindow> off = [];
            if (kind == 0 && dark.Count < darkPeriods && i % (vessels / darkPeriods / 2) == 2)
            {
                var from = Start + Duration.FromHours(36 + (random.NextDouble() * ((days * 24) - 72)));
                var window = new TimeWindow(from, from + Duration.FromHours(10 + (random.NextDouble() * 14)));
                dark[mmsi] = window;
                off = [window];
            }

            list.Add(new SimulatedVessel { Mmsi = mmsi, Route = route, ReportIntervalSeconds = 180, StaticIntervalSeconds = 1e9, TransmitOff = off });
        }

        var scenario = new Scenario
        {
            Start = Start,
            End = Start + Duration.FromHours(days * 24),
            Seed = seed,
            Vessels = list,
            Reception = Reception(layout),
        };
        var messages = ScenarioSimulator.Run(scenario)
            .Where(t => t.Message is null)
            .Select(t => new DecodedMessage(new MessageMetadata { Received = t.Time, ChecksumValid = true }, t.Position))
            .ToList();
        return new Feed(messages, dark);
    }

    private static readonly (double Latitude, double Longitude)[] Ports = [(12, 132), (28, 133), (14, 142), (26, 141)];

    private static List<ReceptionArea> Reception(CoverageLayout layout)
    {
        var areas = new List<ReceptionArea>();
        if (layout != CoverageLayout.SatelliteOnly)
        {
            areas.AddRange(Ports.Select((p, i) => new ReceptionArea($"coast-{i}", p.Latitude - 1.5, p.Longitude - 1.5, p.Latitude + 1.5, p.Longitude + 1.5, 0.9)));
        }

        var frequent = new List<double> { 1, 3 };
        var rare = new List<double> { 6, 14 };
        if (layout == CoverageLayout.CoastalAndSatellite)
        {
            areas.Add(new ReceptionArea("sat", 10, 130, 30, 160, 0.8) { PassEveryHours = frequent });
        }
        else
        {
            areas.Add(new ReceptionArea("sat-frequent", Good.South, Good.West, Good.North, Good.East, 0.8) { PassEveryHours = frequent });
            areas.Add(new ReceptionArea("sat-sparse", Sparse.South, Sparse.West, Sparse.North, Sparse.East, 0.8) { PassEveryHours = rare });
        }

        return areas;
    }

    private static (double Latitude, double Longitude) Pick((double South, double West, double North, double East) area, CoverageLayout layout, Random random)
    {
        // A third of the stops are at one of the ports (in terrestrial coverage, when the layout has it).
        if (layout != CoverageLayout.SatelliteOnly && area == Good && random.NextDouble() < 0.33)
        {
            var port = Ports[random.Next(Ports.Length)];
            return (port.Latitude + ((random.NextDouble() - 0.5) * 0.5), port.Longitude + ((random.NextDouble() - 0.5) * 0.5));
        }

        return (area.South + (random.NextDouble() * (area.North - area.South)), area.West + (random.NextDouble() * (area.East - area.West)));
    }
}
