using AisMonitor.Core.Geo;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace AisMonitor.Core.Ports;

/// <summary>
/// Local time at a place, for display: the IANA zone whose reference location (NodaTime's TZDB
/// zone.tab) is nearest, within the place's country when its UN/LOCODE says which. Good for ports, which are near the cities the zones are named after;
/// a place near a border may get its neighbour's zone, so instants stay the data and local times
/// are only shown beside them.
/// </summary>
public static class PlaceTimeZones
{
    private static readonly OffsetDateTimePattern Pattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<G>");
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Port, DateTimeZone> ByPlace = new(ReferenceEqualityComparer.Instance);
    private static readonly Lazy<IReadOnlyList<TzdbZoneLocation>> Locations = new(() => [.. TzdbDateTimeZoneSource.Default.ZoneLocations ?? []]);

    /// <summary>
    /// The zone nearest to the place among its country's zones (the country is the first two letters
    /// of its UN/LOCODE, an ISO 3166 code), else among all; UTC when the database has no locations.
    /// </summary>
    public static DateTimeZone ZoneOf(Port place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return ByPlace.GetOrAdd(place, Find);
    }

    private static DateTimeZone Find(Port place)
    {
        var country = place.UnLocode is { Length: 5 } code ? code[..2] : null;
        var candidates = Locations.Value.Where(l => l.CountryCode == country).ToList();
        var nearest = (candidates.Count > 0 ? candidates : Locations.Value)
            .MinBy(l => GreatCircle.DistanceNauticalMiles(place.Position.LatitudeDegrees, place.Position.LongitudeDegrees, l.Latitude, l.Longitude));
        return nearest is null ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb[nearest.ZoneId];
    }

    /// <summary>"2024-02-09T16:23:19+08" at that place.</summary>
    public static string Local(Instant instant, DateTimeZone zone) => Pattern.Format(instant.InZone(zone).ToOffsetDateTime());
}
