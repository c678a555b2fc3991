using System.Globalization;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Geo;

namespace AisMonitor.Core.Ports;

/// <summary>
/// The ports of concern (named in the gap options, resolved once in the port index), and the rule
/// the behaviours scored by factors share: a port of concern near where it happened.
/// </summary>
public sealed class PortsOfConcern(IReadOnlyList<Port> ports)
{
    /// <summary>The ports of <paramref name="index"/> with these keys (UN/LOCODEs or names); those not in it are left out.</summary>
    public static PortsOfConcern Resolve(PortIndex index, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new([.. keys.Select(index.Find).OfType<Port>()]);
    }

    /// <summary>The ports.</summary>
    public IReadOnlyList<Port> Ports => ports;

    /// <summary>"PortOfConcernNearby": fired when a port of concern lies within <paramref name="withinNauticalMiles"/> of <paramref name="at"/>, naming the nearest.</summary>
    public RuleResult NearbyRule(GeoPoint at, double withinNauticalMiles)
    {
        var c = CultureInfo.InvariantCulture;
        var nearest = ports.Select(p => (Port: p, Distance: GreatCircle.DistanceNauticalMiles(at, p.Position)))
            .Where(p => p.Distance <= withinNauticalMiles).OrderBy(p => p.Distance).FirstOrDefault();
        return nearest.Port is { } near
            ? new("PortOfConcernNearby", true, string.Create(c, $"{near.Name} ({near.UnLocode}) {nearest.Distance:0} nm away"))
            : new("PortOfConcernNearby", false, string.Create(c, $"no port of concern within {withinNauticalMiles:0} nm"));
    }
}
