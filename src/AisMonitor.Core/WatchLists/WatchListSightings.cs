using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.WatchLists;

/// <summary>
/// A watch-listed vessel heard: once when first heard in the feed (at its first position, to say
/// where), and again whenever it is heard after a silence of <see cref="WatchListOptions.SightingAfterSilence"/>.
/// </summary>
internal sealed class WatchListSightings(WatchListOptions options, DetectorContext context) : VesselDetector
{
    public override void PositionAccepted(VesselState vessel, in AcceptedPosition position)
    {
        if (vessel.WatchListMatches.Count == 0)
        {
            return;
        }

        var point = position.Point;
        if (vessel.WatchListSightedAt is null)
        {
            Sighted(vessel, point.Time, point.Position, null);
        }
        else if (position.Previous is { } before && point.Time - before.Time >= options.SightingAfterSilence)
        {
            Sighted(vessel, point.Time, point.Position, point.Time - before.Time);
        }
    }

    public override void IdentityChanged(VesselState vessel, VesselIdentity before, IReadOnlyList<IdentityChange> changes, Instant time)
    {
        // Matched anew on a new IMO or name; without a position yet, the sighting waits for the first one, to say where.
        if ((vessel.Identity?.Imo != before.Imo || vessel.Identity?.Name != before.Name)
            && vessel.WatchListMatches.Count > 0 && vessel.WatchListSightedAt is null && vessel.LastGood is { } last)
        {
            Sighted(vessel, time, last.Position, null);
        }
    }

    /// <summary>What waited for a position that never came is raised now, without a location.</summary>
    public override void Complete(IReadOnlyList<VesselState> vessels, Instant? watermark)
    {
        foreach (var vessel in vessels)
        {
            if (vessel.WatchListMatches.Count > 0 && vessel.WatchListSightedAt is null)
            {
                Sighted(vessel, vessel.Identity?.ChangedAt ?? watermark!.Value, null, null);
            }
        }
    }

    /// <summary>A watch-listed vessel heard: the first time (<paramref name="silence"/> null) or after a long silence.</summary>
    private void Sighted(VesselState vessel, Instant time, GeoPoint? location, Duration? silence)
    {
        vessel.WatchListSightedAt = time;
        var matches = vessel.WatchListMatches;
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var what = string.Join("; ", matches.Select(m => $"{m.List} {m.Version} entry {m.EntryId} \"{m.ListedName}\" matched on {(m.MatchedOn == "imo" ? "IMO" : "MMSI")}"));
        var sails = vessel.Identity?.Name is { } name ? $"sails as \"{name}\"" : "no name broadcast yet";
        var reason = silence is { } s
            ? string.Create(c, $"heard again after {s.TotalDays:0.0} days of silence (sighting from {options.SightingAfterSilence.TotalDays:0} days)")
            : "first heard in the feed";
        context.Raise(new Alert
        {
            Kind = AlertKind.WatchListSighting,
            Mmsi = vessel.Mmsi,
            Imo = vessel.Identity?.Imo,
            VesselName = vessel.Identity?.Name,
            Start = time,
            End = time,
            Severity = Severity.Low,
            SeverityReason = $"a watch-listed vessel {reason}: low, as being heard is not itself an anomaly",
            ScoreExplanation = $"{what}; {sails}.",
            Rules = [new RuleResult(silence is null ? "FirstSighting" : "SightedAfterSilence", true, reason)],
            Location = location,
            WatchLists = vessel.WatchListEvidence,
            FirstRaised = time,
            LastUpdated = time,
        });
    }
}
