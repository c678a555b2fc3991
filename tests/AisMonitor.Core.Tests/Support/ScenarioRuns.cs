using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Simulation;
using NodaTime;

namespace AisMonitor.Core.Tests.Support;

/// <summary>Runs simulated scenarios through the engine, and builds the routes behaviour scenarios need.</summary>
public static class ScenarioRuns
{
    /// <summary>Every received transmission of <paramref name="scenario"/> as decoded messages, in time order.</summary>
    public static IEnumerable<DecodedMessage> Messages(Scenario scenario) =>
        ScenarioSimulator.Run(scenario).Select(t => t.Message is null
            ? new DecodedMessage(new MessageMetadata { Received = t.Time, ChecksumValid = true }, t.Position)
            : new DecodedMessage(new MessageMetadata { Received = t.Time, ChecksumValid = true }, t.Message));

    /// <summary>The latest state of every alert of <paramref name="kind"/> from a whole replay of <paramref name="scenario"/>.</summary>
    public static List<Alert> FinalAlerts(Scenario scenario, PortIndex ports, AlertKind kind) => FinalAlerts(Messages(scenario), ports, kind);

    /// <summary>The latest state of every alert of <paramref name="kind"/> from a whole replay of <paramref name="messages"/>.</summary>
    public static List<Alert> FinalAlerts(IEnumerable<DecodedMessage> messages, PortIndex ports, AlertKind kind)
    {
        var updates = new List<Alert>();
        var engine = new DetectionEngine(new DetectionOptions(), ports, updates.Add);
        foreach (var message in messages)
        {
            engine.Process(message);
        }

        engine.Complete();
        return [.. updates.Where(a => a.Kind == kind).GroupBy(a => a.Id).Select(g => g.Last())];
    }

    /// <summary>A point <paramref name="nauticalMiles"/> from <paramref name="from"/> on <paramref name="bearingDegrees"/> (flat-earth, fine at these ranges).</summary>
    public static GeoPoint Offset(GeoPoint from, double bearingDegrees, double nauticalMiles)
    {
        var radians = bearingDegrees * Math.PI / 180;
        var latitude = from.LatitudeDegrees + (nauticalMiles * Math.Cos(radians) / 60);
        return new GeoPoint(latitude, from.LongitudeDegrees + (nauticalMiles * Math.Sin(radians) / 60 / Math.Cos(from.LatitudeDegrees * Math.PI / 180)));
    }

    /// <summary>
    /// A route that sails at <paramref name="knots"/> from <paramref name="approachNauticalMiles"/> away to <paramref name="stop"/>,
    /// arrives at <paramref name="arrive"/>, stays until <paramref name="leave"/>, then sails 500 nm on <paramref name="exitBearing"/> (still under way
    /// at the end of a two-day scenario: vessels that stop at random ends could meet by chance).
    /// </summary>
    public static IReadOnlyList<Waypoint> StopAt(GeoPoint stop, Instant start, Instant arrive, Instant leave, double approachBearing, double exitBearing, double approachNauticalMiles = 30, double knots = 10)
    {
        var from = Offset(stop, approachBearing, approachNauticalMiles);
        var to = Offset(stop, exitBearing, 500);
        var setOff = arrive - Duration.FromHours(approachNauticalMiles / knots);
        return
        [
            new Waypoint { Latitude = from.LatitudeDegrees, Longitude = from.LongitudeDegrees, DepartAt = setOff < start ? start : setOff },
            new Waypoint { Latitude = stop.LatitudeDegrees, Longitude = stop.LongitudeDegrees, SpeedKnots = knots, DepartAt = leave },
            new Waypoint { Latitude = to.LatitudeDegrees, Longitude = to.LongitudeDegrees, SpeedKnots = knots },
        ];
    }
}
