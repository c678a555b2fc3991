using AisMonitor.Core.Alerts;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Simulation;
using AisMonitor.Core.Tests.Support;
using NodaTime;
using Xunit.Abstractions;
using static AisMonitor.Core.Tests.Support.ScenarioRuns;

namespace AisMonitor.Core.Tests.Encounters;

/// <summary>
/// Encounters judged against known truth: generated scenarios (six seeds, two reception levels) in
/// which some pairs of vessels meet offshore 50–350 m apart for 2.5–6 h (true encounters), and
/// others come close in ways that are not: together under 1.5 h, stopped 0.9–2.5 km apart, crossing
/// 100 m apart at speed, moored side by side in port, stopped alone.
/// </summary>
public sealed class EncounterEvaluationTests(ITestOutputHelper output)
{
    private static readonly Instant Start = Instant.FromUtc(2024, 3, 1, 0, 0);
    private static readonly GeoPoint Harbour = new(15.0, 65.0); // the one port of these waters

    [Fact]
    public void Encounter_alerts_find_the_meetings_offshore_and_nothing_else()
    {
        var score = new PrecisionRecall(output);
        foreach (var seed in Enumerable.Range(1, 6))
        {
            foreach (var reception in new[] { 0.95, 0.7 })
            {
                var (scenario, truth) = Build(seed, reception);
                var raised = FinalAlerts(scenario, new PortIndex([new Port("Harbour", "XXHBR", "Nowhere", Harbour, 1)]), AlertKind.Encounter);
                score.Add($"seed {seed}, reception {reception}", raised, a => (a.Mmsi.Value, a.Encounter!.Other.Mmsi.Value), truth, a => $"{a.Mmsi}/{a.Encounter!.Other.Mmsi} {a.Encounter.DurationHours} h closest {a.Encounter.ClosestApproachMetres} m");
            }
        }

        score.AssertAtLeast(0.95);
    }

    /// <summary>A scenario and its true encounters, as (lower MMSI, higher MMSI).</summary>
    private static (Scenario Scenario, HashSet<(uint, uint)> Truth) Build(int seed, double reception)
    {
        var random = new Random(seed);
        var vessels = new List<SimulatedVessel>();
        var truth = new HashSet<(uint, uint)>();
        uint next = 538_100_000 + (uint)(seed * 1000);
        double Between(double low, double high) => low + (random.NextDouble() * (high - low));
        GeoPoint Offshore() => new(Between(10, 20), Between(60, 70) is var lon && Math.Abs(lon - Harbour.LongitudeDegrees) < 1.5 ? lon + 3 : lon);

        // Two vessels stopped together: the second arrives up to 30 minutes after the first, both leave together.
        void Pair(GeoPoint at, double apartMetres, double hours, bool isTrue)
        {
            var arrive = Start + Duration.FromHours(Between(6, 30));
            var second = Offset(at, Between(0, 360), apartMetres / 1852);
            var leave = arrive + Duration.FromMinutes(30) + Duration.FromHours(hours);
            var (a, b) = (next++, next++);
            vessels.Add(Vessel(a, StopAt(at, Start, arrive, leave, Between(0, 360), Between(0, 360))));
            vessels.Add(Vessel(b, StopAt(second, Start, arrive + Duration.FromMinutes(Between(0, 30)), leave, Between(0, 360), Between(0, 360))));
            if (isTrue)
            {
                truth.Add((a, b));
            }
        }

        for (var i = 0; i < 6; i++)
        {
            Pair(Offshore(), Between(50, 350), Between(2.5, 6), isTrue: true);
        }

        for (var i = 0; i < 3; i++)
        {
            Pair(Offshore(), Between(50, 350), Between(0.3, 1.0), isTrue: false); // together at most 1.5 h
            Pair(Offshore(), Between(900, 2500), Between(3, 5), isTrue: false); // stopped near each other, not alongside
        }

        for (var i = 0; i < 2; i++)
        {
            Pair(Offset(Harbour, Between(0, 360), Between(0.2, 2)), Between(30, 100), Between(4, 10), isTrue: false); // moored in port
        }

        for (var i = 0; i < 3; i++)
        {
            // Crossing: both pass the same point at the same minute at 12 kn, 100 m apart, on crossing courses.
            var at = Offshore();
            var when = Start + Duration.FromHours(Between(6, 30));
            var bearing = Between(0, 360);
            vessels.Add(Vessel(next++, Through(at, when, bearing)));
            vessels.Add(Vessel(next++, Through(Offset(at, bearing + 90, 0.054), when, bearing + 90)));
        }

        for (var i = 0; i < 6; i++)
        {
            var arrive = Start + Duration.FromHours(Between(6, 30));
            vessels.Add(Vessel(next++, StopAt(Offshore(), Start, arrive, arrive + Duration.FromHours(Between(2, 8)), Between(0, 360), Between(0, 360)))); // alone
        }

        var scenario = new Scenario
        {
            Name = $"encounters-{seed}",
            Start = Start,
            End = Start + Duration.FromHours(48),
            Seed = seed,
            Vessels = vessels,
            DefaultReceptionProbability = reception,
        };
        return (scenario, truth);
    }

    private static IReadOnlyList<Waypoint> Through(GeoPoint at, Instant when, double bearing)
    {
        var from = Offset(at, bearing + 180, 60);
        var to = Offset(at, bearing, 60);
        return
        [
            new Waypoint { Latitude = from.LatitudeDegrees, Longitude = from.LongitudeDegrees, DepartAt = when - Duration.FromHours(5) },
            new Waypoint { Latitude = to.LatitudeDegrees, Longitude = to.LongitudeDegrees, SpeedKnots = 12 },
        ];
    }

    private static SimulatedVessel Vessel(uint mmsi, IReadOnlyList<Waypoint> route) => new()
    {
        Mmsi = mmsi,
        Name = $"SIM {mmsi}",
        ReportIntervalSeconds = 120,
        Route = route,
    };
}
