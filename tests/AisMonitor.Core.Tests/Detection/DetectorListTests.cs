using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Messages;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tracking;
using NodaTime;
using static AisMonitor.Core.Tests.Support.Reports;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>Detectors are a list over the tracked vessels: one added to it is told what tracking decided, without an edit of the engine's loop.</summary>
public sealed class DetectorListTests
{
    private const uint Vessel = 273_210_440;
    private static readonly Duration Minute = Duration.FromMinutes(1);

    /// <summary>Records what it is told; asks to look at a vessel 45 minutes into a silence and raises one alert when it does.</summary>
    private sealed class Probe(DetectorContext context) : IVesselDetector
    {
        public List<AcceptedPosition> Positions { get; } = [];

        public List<(Mmsi Mmsi, Instant Watermark, Instant LastHeard)> Looks { get; } = [];

        public List<string?> NamesBefore { get; } = [];

        public int Sweeps { get; private set; }

        public bool Completed { get; private set; }

        public void PositionAccepted(VesselState vessel, in AcceptedPosition position)
        {
            Assert.Equal(position.Previous, vessel.LastGood); // told before the position becomes the vessel's last
            Positions.Add(position);
        }

        public void IdentityChanged(VesselState vessel, VesselIdentity before, IReadOnlyList<IdentityChange> changes, Instant time) => NamesBefore.Add(before.Name);

        public long? NextLook(VesselState vessel, TrackPoint last, Instant? now) =>
            Looks.Any(l => l.LastHeard == last.Time) ? null : last.UnixMilliseconds + (long)Duration.FromMinutes(45).TotalMilliseconds;

        public void SilenceDue(VesselState vessel, Instant watermark)
        {
            var last = vessel.LastGood!.Value;
            if (watermark - last.Time >= Duration.FromMinutes(45) && Looks.All(l => l.LastHeard != last.Time))
            {
                Looks.Add((vessel.Mmsi, watermark, last.Time));
                context.Raise(new Alert
                {
                    Kind = AlertKind.IdentityConflict, // any kind: the probe only shows that a detector's alert reaches the output
                    Mmsi = vessel.Mmsi,
                    Start = last.Time,
                    Severity = Severity.Low,
                    SeverityReason = "probe",
                    ScoreExplanation = "probe",
                    Rules = [],
                    FirstRaised = watermark,
                    LastUpdated = watermark,
                });
            }
        }

        public void SweepEnded(Instant watermark) => Sweeps++;

        public void Complete(IReadOnlyList<VesselState> vessels, Instant? watermark) => Completed = true;
    }

    private static (DetectionEngine Engine, Probe Probe, List<Alert> Alerts) Engine()
    {
        Probe? probe = null;
        var alerts = new List<Alert>();
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, new DelegateOutput(alerts.Add, null), [context => probe = new Probe(context)]);
        return (engine, probe!, alerts);
    }

    [Fact]
    public void An_added_detector_sees_every_trusted_position_once_in_event_time_order()
    {
        var (engine, probe, _) = Engine();
        var reports = Steaming(Vessel, Start, Start + Duration.FromHours(2), Minute * 5, 54.0, 10.0).ToList();

        // Out of order within the reordering window, a duplicate, and a jump to the other side of the world that nothing confirms.
        foreach (var message in reports.Take(4).Reverse().Concat([reports[4], reports[4]]).Concat([Position(Vessel, reports[4].Metadata.Received!.Value + Minute, -40, -120)]).Concat(reports.Skip(5)))
        {
            engine.Process(message);
        }

        engine.Complete();

        Assert.Equal(reports.Select(r => r.Metadata.Received!.Value), probe.Positions.Select(p => p.Point.Time));
        Assert.Null(probe.Positions[0].Previous);
        Assert.All(probe.Positions.Skip(1).Zip(probe.Positions), pair => Assert.Equal(pair.Second.Point, pair.First.Previous));
        Assert.DoesNotContain(probe.Positions, p => p.ConfirmedLate);
        Assert.True(probe.Completed);
    }

    [Fact]
    public void A_look_an_added_detector_asks_for_comes_at_the_first_sweep_after_it_is_due_and_its_alert_reaches_the_output()
    {
        var (engine, probe, alerts) = Engine();
        var quietFrom = Start + Duration.FromHours(1);
        foreach (var message in Merge(Steaming(Vessel, Start, quietFrom, Minute * 5, 54.0, 10.0), Steaming(Vessel + 1, Start, Start + Duration.FromHours(3), Minute, 54.0, 11.0)))
        {
            engine.Process(message);
        }

        var look = Assert.Single(probe.Looks, l => l.Mmsi.Value == Vessel);
        var lastHeard = quietFrom - (Minute * 5);
        Assert.Equal(lastHeard, look.LastHeard);
        Assert.InRange(look.Watermark, lastHeard + Duration.FromMinutes(45), lastHeard + Duration.FromMinutes(45) + new DetectionOptions().Tracking.SweepInterval);
        Assert.Contains(alerts, a => a.Mmsi.Value == Vessel && a.ScoreExplanation == "probe");
        Assert.DoesNotContain(probe.Looks, l => l.Mmsi.Value == Vessel + 1); // heard every 5 minutes: never silent for 45
        Assert.True(probe.Sweeps > 0);
    }

    [Fact]
    public void An_added_detector_is_told_of_identity_changes_with_the_identity_before()
    {
        var (engine, probe, _) = Engine();
        static DecodedMessage Named(Instant time, string name) => new(
            new MessageMetadata { Received = time, ChecksumValid = true },
            new StaticAndVoyageData { MessageType = 5, Mmsi = new Mmsi(Vessel), ShipName = name, ShipType = 70 });

        foreach (var message in new[] { Named(Start, "ANGARA"), Named(Start + Minute, "ANGARA"), Named(Start + (Minute * 2), "SPARTA IV") })
        {
            engine.Process(message);
        }

        engine.Complete();

        Assert.Equal([null, "ANGARA"], probe.NamesBefore); // the repeat changed nothing, so it is not told
    }
}
