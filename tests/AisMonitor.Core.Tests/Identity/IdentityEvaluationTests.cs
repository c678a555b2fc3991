using AisMonitor.Core.Alerts;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Simulation;
using AisMonitor.Core.Tests.Support;
using NodaTime;
using Xunit.Abstractions;
using static AisMonitor.Core.Tests.Support.ScenarioRuns;

namespace AisMonitor.Core.Tests.Identity;

/// <summary>
/// Identity changes judged against known truth: generated scenarios (six seeds, two reception
/// levels) in which some vessels go dark for 14–30 h at sea and come back as another ship (a new
/// name and IMO, a new flag, a new name and call sign), and others do what is ordinary: a rename in
/// port, a dark period with no change, nothing at all. Suspicious changes must be medium or high
/// (precision and recall), ordinary renames low, and unchanged vessels raise nothing.
/// </summary>
public sealed class IdentityEvaluationTests(ITestOutputHelper output)
{
    private static readonly Instant Start = Instant.FromUtc(2024, 3, 1, 0, 0);
    private static readonly int[] Flags = [273, 613, 620, 538, 352, 636];

    [Fact]
    public void Medium_and_high_identity_alerts_are_the_changes_made_in_the_dark_and_renames_in_port_are_low()
    {
        var score = new PrecisionRecall(output);
        int renames = 0, renamesLow = 0, quietAlerts = 0;
        foreach (var seed in Enumerable.Range(1, 6))
        {
            foreach (var reception in new[] { 0.95, 0.7 })
            {
                var (scenario, ports, truth, renamed, quiet) = Build(seed, reception);
                var raised = FinalAlerts(scenario, new PortIndex(ports), AlertKind.IdentityChange);
                var notable = raised.Where(a => a.Severity >= Severity.Medium).ToList();
                score.Add($"seed {seed}, reception {reception}, medium and high", notable, a => a.Mmsi.Value, truth, a => $"{a.Mmsi} {a.Severity} {a.SeverityReason}");
                foreach (var a in raised.Where(a => truth.Contains(a.Mmsi.Value) && a.Severity < Severity.Medium))
                {
                    output.WriteLine($"  too low: {a.Mmsi} {a.Severity} {a.SeverityReason}");
                }

                renames += renamed.Count;
                renamesLow += renamed.Count(r => raised.SingleOrDefault(a => a.Mmsi.Value == r) is { Severity: Severity.Low });
                quietAlerts += raised.Count(a => quiet.Contains(a.Mmsi.Value));
            }
        }

        output.WriteLine($"{renamesLow} of {renames} port renames low; {quietAlerts} alerts on unchanged vessels");
        score.AssertAtLeast(0.95);
        Assert.Equal(renames, renamesLow);
        Assert.Equal(0, quietAlerts);
    }

    private static (Scenario Scenario, List<Port> Ports, HashSet<uint> Truth, HashSet<uint> Renamed, HashSet<uint> Quiet) Build(int seed, double reception)
    {
        var random = new Random(seed);
        var vessels = new List<SimulatedVessel>();
        var ports = new List<Port>();
        var (truth, renamed, quiet) = (new HashSet<uint>(), new HashSet<uint>(), new HashSet<uint>());
        var serial = 0;
        double Between(double low, double high) => low + (random.NextDouble() * (high - low));
        GeoPoint Offshore() => new(Between(-10, 10), Between(-30, -10)); // the open Atlantic
        uint NewMmsi(int? mid = null) => (uint)(((mid ?? Flags[random.Next(Flags.Length)]) * 1_000_000) + 100_000 + (seed * 1000) + serial++);
        uint NewImo()
        {
            while (true)
            {
                var candidate = (uint)random.Next(9_000_000, 9_999_999);
                if (AisMonitor.Core.Ais.Imo.IsValid(candidate))
                {
                    return candidate;
                }
            }
        }

        SimulatedVessel Sailing(uint mmsi, IReadOnlyList<IdentitySwitch> switches, IReadOnlyList<TimeWindow> off)
        {
            var from = Offshore();
            var to = Offset(from, Between(0, 360), 480); // 40 h at 12 kn: at sea all the time
            return new SimulatedVessel
            {
                Mmsi = mmsi,
                Imo = NewImo(),
                Name = $"SHIP {mmsi % 100_000}",
                CallSign = $"C{mmsi % 10_000}",
                ReportIntervalSeconds = 60,
                Route = [new Waypoint { Latitude = from.LatitudeDegrees, Longitude = from.LongitudeDegrees }, new Waypoint { Latitude = to.LatitudeDegrees, Longitude = to.LongitudeDegrees }],
                TransmitOff = off,
                IdentitySwitches = switches,
            };
        }

        TimeWindow Dark()
        {
            var from = Start + Duration.FromHours(Between(4, 12));
            return new TimeWindow(from, from + Duration.FromHours(Between(14, 30)));
        }

        for (var i = 0; i < 9; i++)
        {
            // Dark, then back as another ship: a new name and IMO; a new flag (MMSI); a new name and call sign.
            var mmsi = NewMmsi();
            var off = Dark();
            var change = (i % 3) switch
            {
                0 => new IdentitySwitch { From = off.From + Duration.FromHours(1), Name = $"NEW {i}", Imo = NewImo() },
                1 => new IdentitySwitch { From = off.From + Duration.FromHours(1), Mmsi = NewMmsi(Flags[(Array.IndexOf(Flags, (int)(mmsi / 1_000_000)) + 1) % Flags.Length]) },
                _ => new IdentitySwitch { From = off.From + Duration.FromHours(1), Name = $"NEW {i}", CallSign = $"N{i}X" },
            };
            vessels.Add(Sailing(mmsi, [change], [off]));
            truth.Add(change.Mmsi ?? mmsi);
        }

        for (var i = 0; i < 6; i++)
        {
            // Renamed in port during a stay of 6–12 h, heard throughout.
            var mmsi = NewMmsi();
            var port = Offshore();
            ports.Add(new Port($"Port {mmsi}", $"XX{i:000}", "Nowhere", port, 1));
            var arrive = Start + Duration.FromHours(Between(4, 12));
            var leave = arrive + Duration.FromHours(Between(6, 12));
            var route = StopAt(port, Start, arrive, leave, Between(0, 360), Between(0, 360));
            vessels.Add(Sailing(mmsi, [new IdentitySwitch { From = arrive + ((leave - arrive) / 2), Name = $"RENAMED {i}" }], []) with { Route = route });
            renamed.Add(mmsi);
        }

        for (var i = 0; i < 6; i++)
        {
            // Dark with no change, or nothing at all.
            var mmsi = NewMmsi();
            vessels.Add(Sailing(mmsi, [], i % 2 == 0 ? [Dark()] : []));
            quiet.Add(mmsi);
        }

        var scenario = new Scenario
        {
            Name = $"identity-{seed}",
            Start = Start,
            End = Start + Duration.FromHours(48),
            Seed = seed,
            Vessels = vessels,
            DefaultReceptionProbability = reception,
        };
        return (scenario, ports, truth, renamed, quiet);
    }
}
