using AisMonitor.Core.Alerts;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Simulation;
using AisMonitor.Core.Tests.Support;
using NodaTime;
using Xunit.Abstractions;
using static AisMonitor.Core.Tests.Support.ScenarioRuns;

namespace AisMonitor.Core.Tests.Spoofing;

/// <summary>
/// Position spoofing judged against known truth: generated scenarios (six seeds, two reception levels)
/// in which some ships report circles (radius 0.3–1.5 nm at 6–14 kn, a loop in 45 min at most, for
/// 2–5 h and three and a half loops at least) or jump 30–300 nm away and
/// back (one report in 5–20, for 2–8 h), and others do what is not spoofing: voyages with sharp turns,
/// one turning circle, one or two glitches, a patrol sailing laps of two hours, a ship at anchor.
/// </summary>
public sealed class PositionSpoofingEvaluationTests(ITestOutputHelper output)
{
    private static readonly Instant Start = Instant.FromUtc(2024, 3, 1, 0, 0);

    [Fact]
    public void Position_spoofing_alerts_find_the_circles_and_the_jumps_and_nothing_else()
    {
        var score = new PrecisionRecall(output);
        foreach (var seed in Enumerable.Range(1, 6))
        {
            foreach (var reception in new[] { 0.95, 0.7 })
            {
                var (scenario, truth) = Build(seed, reception);
                var raised = FinalAlerts(scenario, PortIndex.Empty, AlertKind.PositionSpoofing);
                score.Add($"seed {seed}, reception {reception}", raised, a => a.Mmsi.Value, truth, a => $"{a.Mmsi} {a.ScoreExplanation}");
            }
        }

        score.AssertAtLeast(0.95);
    }

    private static (Scenario Scenario, HashSet<uint> Truth) Build(int seed, double reception)
    {
        var random = new Random(seed);
        var vessels = new List<SimulatedVessel>();
        var truth = new HashSet<uint>();
        uint next = 538_300_000 + (uint)(seed * 1000);
        double Between(double low, double high) => low + (random.NextDouble() * (high - low));
        GeoPoint Somewhere() => new(Between(5, 25), Between(60, 80));
        Instant Sometime() => Start + Duration.FromHours(Between(1, 10));

        // A voyage of four legs of 20–60 nm with turns of 60–150° either way.
        IReadOnlyList<Waypoint> Voyage()
        {
            var at = Somewhere();
            var bearing = Between(0, 360);
            var route = new List<Waypoint> { new() { Latitude = at.LatitudeDegrees, Longitude = at.LongitudeDegrees } };
            for (var leg = 0; leg < 4; leg++)
            {
                at = Offset(at, bearing, Between(20, 60));
                route.Add(new Waypoint { Latitude = at.LatitudeDegrees, Longitude = at.LongitudeDegrees, SpeedKnots = Between(8, 14) });
                bearing += Between(60, 150) * (random.Next(2) == 0 ? 1 : -1);
            }

            return route;
        }

        void Add(IReadOnlyList<Waypoint> route, bool isTrue, params PositionSpoof[] spoofs)
        {
            var mmsi = next++;
            vessels.Add(new SimulatedVessel { Mmsi = mmsi, Name = $"SIM {mmsi}", Route = route, PositionSpoofs = spoofs });
            if (isTrue)
            {
                truth.Add(mmsi);
            }
        }

        for (var i = 0; i < 3; i++)
        {
            var knots = Between(6, 14);
            var radius = Between(0.3, Math.Min(1.5, knots * 0.75 / (2 * Math.PI))); // a loop in 45 min at most
            var from = Sometime();
            var loopHours = 2 * Math.PI * radius / knots;
            var hours = Math.Max(Between(2, 5), 3.5 * loopHours); // three loops at least, whatever the partial ones at either end
            Add(Voyage(), isTrue: true, new PositionSpoof { From = from, To = from + Duration.FromHours(hours), Pattern = SpoofPattern.Circle, RadiusNauticalMiles = radius, SpeedKnots = knots });

            from = Sometime();
            Add(Voyage(), isTrue: true, new PositionSpoof { From = from, To = from + Duration.FromHours(Between(2, 8)), EveryReports = random.Next(5, 21), JumpNauticalMiles = Between(30, 300) });
        }

        for (var i = 0; i < 3; i++)
        {
            Add(Voyage(), isTrue: false);
        }

        for (var i = 0; i < 2; i++)
        {
            // One turning circle (a Williamson turn, sea trials): a single loop, then on its way.
            var knots = Between(6, 12);
            var radius = Between(0.2, 0.5);
            var from = Sometime();
            Add(Voyage(), isTrue: false, new PositionSpoof { From = from, To = from + Duration.FromHours(1.1 * 2 * Math.PI * radius / knots), Pattern = SpoofPattern.Circle, RadiusNauticalMiles = radius, SpeedKnots = knots });

            // One or two glitches in the day.
            var glitches = Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Sometime()).Select(t => new PositionSpoof { From = t, To = t + Duration.FromSeconds(60), EveryReports = 1, JumpNauticalMiles = Between(30, 300) });
            Add(Voyage(), isTrue: false, [.. glitches]);
        }

        // A patrol sailing laps of a 8 by 2 nm rectangle at 10 kn: 360° every two hours.
        var corner = Somewhere();
        var lap = new[] { corner, Offset(corner, 90, 8), Offset(Offset(corner, 90, 8), 0, 2), Offset(corner, 0, 2) };
        Add([.. Enumerable.Range(0, 21).Select(i => new Waypoint { Latitude = lap[i % 4].LatitudeDegrees, Longitude = lap[i % 4].LongitudeDegrees, SpeedKnots = 10 })], isTrue: false);

        // At anchor all day.
        var anchorage = Somewhere();
        Add([new Waypoint { Latitude = anchorage.LatitudeDegrees, Longitude = anchorage.LongitudeDegrees, DwellHours = 30 }], isTrue: false);

        var scenario = new Scenario
        {
            Name = $"spoofing-{seed}",
            Start = Start,
            End = Start + Duration.FromHours(20),
            Seed = seed,
            Vessels = vessels,
            DefaultReceptionProbability = reception,
        };
        return (scenario, truth);
    }
}
