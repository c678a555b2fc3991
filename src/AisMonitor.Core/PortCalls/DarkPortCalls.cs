using System.Globalization;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tracking;

namespace AisMonitor.Core.PortCalls;

/// <summary>A port of concern that was within reach during a gap.</summary>
/// <param name="Port">The port.</param>
/// <param name="ViaPortNauticalMiles">Last position → port → first position after: great circles × the route factor.</param>
/// <param name="HoursNeeded">Sailing time for that route at the assumed top speed, plus the minimum stay.</param>
/// <param name="SpareHours">Gap length minus the hours needed.</param>
public sealed record ReachablePort(Port Port, double ViaPortNauticalMiles, double HoursNeeded, double SpareHours);

/// <summary>
/// The reachable area of a gap: the ellipse of points P with route factor × (|A P| + |P B|) ≤ <see cref="MaximumPathNauticalMiles"/>,
/// A and B the last position before and the first after; and the ports of concern inside it.
/// </summary>
/// <param name="From">Focus A.</param>
/// <param name="To">Focus B.</param>
/// <param name="MaximumPathNauticalMiles">Top speed × (gap − minimum stay).</param>
/// <param name="TopSpeedKnots">The speed assumed.</param>
/// <param name="MinimumStayHours">The stay assumed.</param>
/// <param name="Ports">Ports of concern within reach, least detour first.</param>
public sealed record DarkPortCallEvidence(GeoPoint From, GeoPoint To, double MaximumPathNauticalMiles, double TopSpeedKnots, double MinimumStayHours, IReadOnlyList<ReachablePort> Ports);

/// <summary>Finds the ports of concern a vessel could have called at while dark (DESIGN.md §4, "dark port call").</summary>
internal sealed class DarkPortCalls(PortCallOptions options, IReadOnlyList<Port> portsOfConcern)
{
    public Alert? Find(VesselState vessel, TrackPoint before, TrackPoint after)
    {
        var gap = after.Time - before.Time;
        if (gap < options.DarkCallMinimumGap || portsOfConcern.Count == 0)
        {
            return null;
        }

        var budget = options.DarkCallTopSpeedKnots * (gap - options.DarkCallMinimumStay).TotalHours;
        var reachable = new List<ReachablePort>();
        foreach (var port in portsOfConcern)
        {
            var toPort = GreatCircle.DistanceNauticalMiles(before.Position, port.Position) * options.DarkCallRouteFactor;
            var fromPort = GreatCircle.DistanceNauticalMiles(port.Position, after.Position) * options.DarkCallRouteFactor;
            var radius = Math.Max(port.RadiusNauticalMiles, options.MinimumEntryRadiusNauticalMiles);
            if (toPort <= radius * options.DarkCallRouteFactor || fromPort <= radius * options.DarkCallRouteFactor || toPort + fromPort > budget)
            {
                continue; // a gap that starts or ends in the port is a call seen, not a dark one
            }

            var hours = ((toPort + fromPort) / options.DarkCallTopSpeedKnots) + options.DarkCallMinimumStay.TotalHours;
            reachable.Add(new ReachablePort(port, Math.Round(toPort + fromPort, 1), Math.Round(hours, 1), Math.Round(gap.TotalHours - hours, 1)));
        }

        if (reachable.Count == 0)
        {
            return null;
        }

        reachable.Sort((a, b) => a.ViaPortNauticalMiles.CompareTo(b.ViaPortNauticalMiles));
        var nearest = reachable[0];
        var listed = vessel.WatchListMatches.Count > 0;
        var c = CultureInfo.InvariantCulture;
        var others = reachable.Count > 1 ? string.Create(c, $" and {reachable.Count - 1} other port(s) of concern") : "";
        var detail = string.Create(c,
            $"silent {gap.TotalHours:0.0} h: at {options.DarkCallTopSpeedKnots:0.#} kn with a stay of {options.DarkCallMinimumStay.TotalHours:0.#} h it could have reached {nearest.Port} ({nearest.ViaPortNauticalMiles:0} nm via the port, {nearest.SpareHours:0} h to spare){others}");
        return new Alert
        {
            Kind = AlertKind.PossibleDarkPortCall,
            Mmsi = vessel.Mmsi,
            Imo = vessel.Identity?.Imo,
            VesselName = vessel.Identity?.Name,
            Start = before.Time,
            End = after.Time,
            Severity = listed ? Severity.High : Severity.Medium,
            SeverityReason = listed ? "a watch-listed vessel could have called at a port of concern while dark" : "a port of concern was within reach while the vessel was dark",
            Score = Math.Round(nearest.SpareHours, 1),
            ScoreExplanation = detail + string.Create(c, $". Score = hours to spare on the least detour ({nearest.SpareHours:0.#} of the {gap.TotalHours:0} h silent): not a confidence, but how much time the call would have left over."),
            Rules = [new RuleResult("PortOfConcernWithinReach", true, detail)],
            Location = nearest.Port.Position,
            DarkPortCall = new DarkPortCallEvidence(before.Position, after.Position, Math.Round(budget, 1), options.DarkCallTopSpeedKnots, options.DarkCallMinimumStay.TotalHours, reachable),
            WatchLists = vessel.WatchListEvidence,
            FirstRaised = after.Time,
            LastUpdated = after.Time,
        };
    }
}
