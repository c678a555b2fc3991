using System.Globalization;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Messages;
using NodaTime;

namespace AisMonitor.Core.Simulation;

/// <summary>
/// Turns a <see cref="Scenario"/> into the transmissions a network of receivers would have heard,
/// in time order: position reports at each vessel's interval, static reports (type 5, or 24 A and B
/// for class B) at theirs, nothing while a transponder is off, and each transmission received or
/// lost by the chance of the area it was sent from. Deterministic for a given seed.
/// </summary>
public static class ScenarioSimulator
{
    /// <summary>The vessels of the scenario, ambient traffic included.</summary>
    public static IReadOnlyList<SimulatedVessel> AllVessels(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return [.. scenario.Vessels, .. AmbientVessels(scenario)];
    }

    /// <summary>Every received transmission, in time order.</summary>
    public static IEnumerable<SimulatedTransmission> Run(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var reception = new ReceptionSchedule(scenario);
        var streams = AllVessels(scenario).Select(v => Transmissions(scenario, reception, v).GetEnumerator()).ToList();
        var queue = new PriorityQueue<int, (Instant, int)>();
        for (var i = 0; i < streams.Count; i++)
        {
            if (streams[i].MoveNext())
            {
                queue.Enqueue(i, (streams[i].Current.Time, i));
            }
        }

        while (queue.TryDequeue(out var index, out _))
        {
            yield return streams[index].Current;
            if (streams[index].MoveNext())
            {
                queue.Enqueue(index, (streams[index].Current.Time, index));
            }
        }
    }

    private static IEnumerable<SimulatedTransmission> Transmissions(Scenario scenario, ReceptionSchedule reception, SimulatedVessel vessel)
    {
        var random = new Random(unchecked((scenario.Seed * 1_000_003) ^ (int)vessel.Mmsi)); // not HashCode: it is salted per process
        var plan = new RoutePlan(vessel.Route, scenario.Start);
        var mmsi = new Mmsi(vessel.Mmsi);
        var classB = vessel.TransceiverClass.Equals("B", StringComparison.OrdinalIgnoreCase);
        var reportEvery = Duration.FromSeconds(vessel.ReportIntervalSeconds);
        var staticEvery = Duration.FromSeconds(vessel.StaticIntervalSeconds);
        var nextStatic = scenario.Start + Duration.FromSeconds(random.NextDouble() * vessel.StaticIntervalSeconds);
        var identity = vessel;
        var switches = 0;
        var reports = 0;
        for (var time = scenario.Start + Duration.FromSeconds(random.NextDouble() * vessel.ReportIntervalSeconds); time < scenario.End; time += reportEvery)
        {
            for (; switches < vessel.IdentitySwitches.Count && vessel.IdentitySwitches[switches].From <= time; switches++)
            {
                var next = vessel.IdentitySwitches[switches];
                identity = identity with { Mmsi = next.Mmsi ?? identity.Mmsi, Imo = next.Imo ?? identity.Imo, Name = next.Name ?? identity.Name, CallSign = next.CallSign ?? identity.CallSign };
                mmsi = new Mmsi(identity.Mmsi);
                nextStatic = time;
            }

            if (vessel.TransmitOff.Any(w => time >= w.From && time < w.To))
            {
                continue;
            }

            var (latitude, longitude, speed, course) = plan.At(time);
            var receiver = reception.Receiver(time, latitude, longitude, random);
            reports++;
            if (vessel.PositionSpoofs.FirstOrDefault(w => time >= w.From && time < w.To) is { } spoof)
            {
                (latitude, longitude, speed, course) = Spoofed(spoof, plan, time, (latitude, longitude, speed, course), reports, random);
            }
            var second = (byte)(time.InUtc().Second);
            var position = new PositionReport
            {
                MessageType = classB ? (byte)18 : (byte)1,
                Mmsi = mmsi,
                NavigationStatus = classB ? null : speed > 0 ? (byte)0 : (byte)5,
                RateOfTurnRaw = classB ? null : 0,
                SpeedOverGroundKnots = Math.Round(speed, 1),
                PositionAccuracyHigh = true,
                LatitudeDegrees = Math.Round(latitude * 600_000) / 600_000,
                LongitudeDegrees = Math.Round(longitude * 600_000) / 600_000,
                CourseOverGroundDegrees = Math.Round(course, 1) % 360,
                TrueHeadingDegrees = (short)(Math.Round(course) % 360),
                TimestampSecond = second,
            };
            if (receiver is not null)
            {
                yield return new SimulatedTransmission(time, receiver, position, null);
            }

            if (time >= nextStatic)
            {
                nextStatic = time + staticEvery;
                if (receiver is not null)
                {
                    foreach (var message in StaticMessages(identity, mmsi, classB))
                    {
                        yield return new SimulatedTransmission(time, receiver, default, message);
                    }
                }
            }
        }
    }

    private static (double Latitude, double Longitude, double Speed, double Course) Spoofed(
        PositionSpoof spoof, RoutePlan plan, Instant time, (double Latitude, double Longitude, double Speed, double Course) truth, int report, Random random)
    {
        const double radians = Math.PI / 180;
        if (spoof.Pattern == SpoofPattern.Circle)
        {
            var (centreLatitude, centreLongitude) = spoof.Latitude is { } la && spoof.Longitude is { } lo ? (la, lo) : (plan.At(spoof.From).Latitude, plan.At(spoof.From).Longitude);
            var angle = (time - spoof.From).TotalHours * spoof.SpeedKnots / spoof.RadiusNauticalMiles; // radians, clockwise from north
            var latitude = centreLatitude + (spoof.RadiusNauticalMiles / 60 * Math.Cos(angle));
            var longitude = centreLongitude + (spoof.RadiusNauticalMiles / 60 * Math.Sin(angle) / Math.Cos(centreLatitude * radians));
            return (latitude, longitude, spoof.SpeedKnots, ((angle / radians) + 90) % 360);
        }

        if (report % Math.Max(1, spoof.EveryReports) != 0)
        {
            return truth;
        }

        if (spoof.Latitude is { } placeLatitude && spoof.Longitude is { } placeLongitude)
        {
            return (placeLatitude, placeLongitude, truth.Speed, truth.Course);
        }

        var bearing = random.NextDouble() * 2 * Math.PI;
        var jumpLatitude = Math.Clamp(truth.Latitude + (spoof.JumpNauticalMiles / 60 * Math.Cos(bearing)), -89, 89);
        var jumpLongitude = truth.Longitude + (spoof.JumpNauticalMiles / 60 * Math.Sin(bearing) / Math.Cos(truth.Latitude * radians));
        return (jumpLatitude, jumpLongitude > 180 ? jumpLongitude - 360 : jumpLongitude < -180 ? jumpLongitude + 360 : jumpLongitude, truth.Speed, truth.Course);
    }

    private static IEnumerable<AisMessage> StaticMessages(SimulatedVessel vessel, Mmsi mmsi, bool classB)
    {
        var bow = vessel.LengthMetres * 2 / 3;
        var port = vessel.BeamMetres / 2;
        var dimensions = new ShipDimensions(bow, vessel.LengthMetres - bow, port, vessel.BeamMetres - port);
        if (classB)
        {
            yield return new StaticDataReport { MessageType = 24, Mmsi = mmsi, PartNumber = 0, ShipName = vessel.Name };
            yield return new StaticDataReport { MessageType = 24, Mmsi = mmsi, PartNumber = 1, ShipType = vessel.ShipType, CallSign = vessel.CallSign, VendorId = "SIM", Dimensions = dimensions };
            yield break;
        }

        yield return new StaticAndVoyageData
        {
            MessageType = 5,
            Mmsi = mmsi,
            ImoRaw = vessel.Imo,
            CallSign = vessel.CallSign,
            ShipName = vessel.Name,
            ShipType = vessel.ShipType,
            Dimensions = dimensions,
            Epfd = 1,
            EtaHour = 24,
            EtaMinute = 60,
            DraughtMetres = vessel.DraughtMetres,
            Destination = vessel.Destination,
        };
    }

    private static IEnumerable<SimulatedVessel> AmbientVessels(Scenario scenario)
    {
        if (scenario.Ambient is not { Count: > 0 } ambient || ambient.Areas.Count == 0)
        {
            yield break;
        }

        var random = new Random(scenario.Seed);
        var used = new HashSet<uint>(scenario.Vessels.Select(v => v.Mmsi));
        const long PerMid = 899_999; // the numbers drawn after the MID: 100000 to 999998
        var mids = ambient.Mids.Distinct().Count();
        var available = (mids * PerMid) - used.Count(m => ambient.Mids.Contains((int)(m / 1_000_000)) && m % 1_000_000 is >= 100_000 and < 999_999);
        if (ambient.Count > available)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"ambient traffic asks for {ambient.Count:N0} vessels, but its {mids} MIDs hold {available:N0} distinct MMSIs: add MIDs (\"mids\") or ask for fewer vessels."), nameof(scenario));
        }

        for (var i = 0; i < ambient.Count; i++)
        {
            var area = ambient.Areas[i % ambient.Areas.Count];
            uint mmsi;
            do
            {
                mmsi = (uint)((ambient.Mids[random.Next(ambient.Mids.Count)] * 1_000_000) + random.Next(100_000, 999_999));
            }
            while (!used.Add(mmsi));

            var speed = ambient.MinimumSpeedKnots + (random.NextDouble() * (ambient.MaximumSpeedKnots - ambient.MinimumSpeedKnots));
            var a = RandomPoint(area, random);
            var b = RandomPoint(area, random);
            var route = new List<Waypoint> { Stop(a, speed, random) };
            var hours = 0.0;
            var totalHours = (scenario.End - scenario.Start).TotalHours;
            while (hours < totalHours)
            {
                var next = route.Count % 2 == 1 ? b : a;
                route.Add(Stop(next, speed, random));
                hours += (Geo.GreatCircle.DistanceNauticalMiles(a.Latitude, a.Longitude, b.Latitude, b.Longitude) / speed) + route[^1].DwellHours;
            }

            yield return new SimulatedVessel
            {
                Mmsi = mmsi,
                Name = $"AMBIENT {i + 1:000}",
                CallSign = $"AMB{i + 1:000}",
                ShipType = ambient.ShipTypes[random.Next(ambient.ShipTypes.Count)],
                ReportIntervalSeconds = ambient.ReportIntervalSeconds,
                StaticIntervalSeconds = ambient.StaticIntervalSeconds,
                Route = route,
            };
        }
    }

    private static (double Latitude, double Longitude) RandomPoint(ReceptionArea area, Random random) =>
        (area.South + (random.NextDouble() * (area.North - area.South)), area.West + (random.NextDouble() * (area.East - area.West)));

    private static Waypoint Stop((double Latitude, double Longitude) point, double speed, Random random) =>
        new() { Latitude = point.Latitude, Longitude = point.Longitude, SpeedKnots = speed, DwellHours = 0.25 + random.NextDouble() };
}
