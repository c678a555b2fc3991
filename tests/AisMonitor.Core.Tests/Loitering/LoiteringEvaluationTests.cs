using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Simulation;
using NetTopologySuite.Geometries;
using AisMonitor.Core.Tests.Support;
using NodaTime;
using Xunit.Abstractions;
using static AisMonitor.Core.Tests.Support.ScenarioRuns;

namespace AisMonitor.Core.Tests.Loitering;

/// <summary>
/// Loitering judged against known truth: generated scenarios (six seeds, two reception levels)
/// around a coastline, in which cargo ships stop 40–150 nm offshore for 5–12 h (true loitering),
/// and others stop what is not: for under 3 h, within 10 nm of the shore, fishing vessels on
/// their grounds, ships slowed to 4 kn.
/// </summary>
public sealed class LoiteringEvaluationTests(ITestOutputHelper output)
{
    private static readonly Instant Start = Instant.FromUtc(2024, 3, 1, 0, 0);

    /// <summary>A coast: land west of 60° E between 0° and 20° N.</summary>
    private static readonly Coastline Coast = new([new GeometryFactory().CreatePolygon([new(50, 0), new(60, 0), new(60, 20), new(50, 20), new(50, 0)])]);

    [Fact]
    public void Loitering_alerts_find_the_long_stops_offshore_and_nothing_else()
    {
        var score = new PrecisionRecall(output);
        foreach (var seed in Enumerable.Range(1, 6))
        {
            foreach (var reception in new[] { 0.95, 0.7 })
            {
                var (scenario, truth) = Build(seed, reception);
                var updates = new List<Alert>();
                var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, updates.Add) { Land = Coast };
                foreach (var message in Messages(scenario))
                {
                    engine.Process(message);
                }

                engine.Complete();
                var raised = updates.Where(a => a.Kind == AlertKind.Loitering).GroupBy(a => a.Id).Select(g => g.Last()).ToList();
                score.Add($"seed {seed}, reception {reception}", raised, a => a.Mmsi.Value, truth, a => $"{a.Mmsi} {a.Loitering!.DurationHours} h {a.Loitering.AverageSpeedKnots} kn {a.Loitering.DistanceFromShoreNauticalMiles} nm");
            }
        }

        score.AssertAtLeast(0.95);
    }

    private static (Scenario Scenario, HashSet<uint> Truth) Build(int seed, double reception)
    {
        var random = new Random(seed);
        var vessels = new List<SimulatedVessel>();
        var truth = new HashSet<uint>();
        uint next = 538_200_000 + (uint)(seed * 1000);
        double Between(double low, double high) => low + (random.NextDouble() * (high - low));

        // Offshore of the coast at 60° E: a point this many nautical miles east of it.
        GeoPoint OffCoast(double nauticalMiles) => new GeoPoint(Between(3, 17), 60) is var shore ? Offset(shore, 90, nauticalMiles) : default;

        void Stop(double offshore, double hours, byte shipType, bool isTrue, double knots = 0)
        {
            var at = OffCoast(offshore);
            var arrive = Start + Duration.FromHours(Between(4, 20));
            var mmsi = next++;
            // Under way from the start (a ship waiting at its first waypoint would itself be loitering).
            var route = StopAt(at, Start, arrive, arrive + Duration.FromHours(hours), Between(30, 150), Between(30, 150), approachNauticalMiles: (arrive - Start).TotalHours * 10);
            if (knots > 0)
            {
                // Slowed, not stopped: through the spot at this speed for the same hours.
                var to = Offset(at, 90, knots * hours);
                route = [route[0], route[1] with { DepartAt = null }, new Waypoint { Latitude = to.LatitudeDegrees, Longitude = to.LongitudeDegrees, SpeedKnots = knots }, route[2]];
            }

            vessels.Add(new SimulatedVessel { Mmsi = mmsi, Name = $"SIM {mmsi}", ShipType = shipType, ReportIntervalSeconds = 180, Route = route });
            if (isTrue)
            {
                truth.Add(mmsi);
            }
        }

        for (var i = 0; i < 6; i++)
        {
            Stop(Between(40, 150), Between(5, 12), shipType: (byte)(i % 2 == 0 ? 70 : 80), isTrue: true);
        }

        for (var i = 0; i < 3; i++)
        {
            Stop(Between(40, 150), Between(0.5, 2.5), shipType: 70, isTrue: false); // short
            Stop(Between(2, 10), Between(5, 12), shipType: 70, isTrue: false); // near the shore
            Stop(Between(40, 150), Between(5, 12), shipType: 30, isTrue: false); // fishing
            Stop(Between(40, 150), Between(5, 12), shipType: 70, isTrue: false, knots: 4); // slowed, under way
        }

        var scenario = new Scenario
        {
            Name = $"loitering-{seed}",
            Start = Start,
            End = Start + Duration.FromHours(48),
            Seed = seed,
            Vessels = vessels,
            DefaultReceptionProbability = reception,
        };
        return (scenario, truth);
    }
}
