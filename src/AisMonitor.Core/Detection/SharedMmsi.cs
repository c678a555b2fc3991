using System.Globalization;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Detection;

/// <summary>The identity-conflict alert for one MMSI heard from two ships at once, with both tracks.</summary>
internal static class SharedMmsi
{
    public static Alert Alert(VesselState first, VesselState second, Instant now)
    {
        var c = CultureInfo.InvariantCulture;
        var firstTrack = first.History.Where(p => p.Quality == TrackPointQuality.Good).ToList();
        var secondTrack = second.History.ToList();

        // The evidence: the two positions, one per ship, that showed no single ship could be both.
        var (a, b) = second.SplitBy ?? (first.LastGood!.Value, second.LastGood!.Value);
        var knots = Knots(a, b);
        var apart = GreatCircle.DistanceNauticalMiles(a.Position, b.Position);
        var minutes = Math.Abs((a.Time - b.Time).TotalMinutes);
        var secondStart = secondTrack[0].Time;
        var listed = first.WatchListMatches.Count > 0;
        var detail = string.Create(c, $"two tracks no single ship can join: positions {apart:0.#} nm apart {minutes:0} min apart ({knots:0} kn, from {PositionText(a)} to {PositionText(b)}); each is tracked apart, its gaps and calls judged on its own");
        return new Alert
        {
            Kind = AlertKind.IdentityConflict,
            Mmsi = first.Mmsi,
            Imo = first.Identity?.Imo,
            VesselName = first.Identity?.Name,
            Start = secondStart,
            Severity = listed ? Severity.High : Severity.Medium,
            SeverityReason = listed
                ? "one MMSI broadcast by two ships at once, and it is on a watch list: high"
                : "one MMSI broadcast by two ships at once: a cloned or misconfigured identity, medium",
            ScoreExplanation = string.Create(c, $"MMSI {first.Mmsi} heard from two ships at once since {NodaTime.Text.InstantPattern.General.Format(Presentation.ToWholeSecond(secondStart))}: {apart:0} nm apart."),
            Rules = [new RuleResult("TwoShipsOnOneMmsi", true, detail), new RuleResult("WatchListedVessel", listed, listed ? "the MMSI is on a watch list" : "the MMSI is on no watch list")],
            Location = b.Position,
            WatchLists = first.WatchListEvidence,
            SharedMmsi = new SharedMmsiEvidence
            {
                DistanceNauticalMiles = Math.Round(apart, 1),
                Track = [.. firstTrack.Select(PositionEvidence.From)],
                SecondTrack = [.. secondTrack.Select(PositionEvidence.From)],
            },
            FirstRaised = now,
            LastUpdated = now,
        };

        static double Knots(TrackPoint x, TrackPoint y) =>
            GreatCircle.DistanceNauticalMiles(x.Position, y.Position) / Math.Max(Math.Abs((x.Time - y.Time).TotalHours), 1.0 / 3600);

        string PositionText(TrackPoint p) => string.Create(c, $"{p.LatitudeDegrees:0.###},{p.LongitudeDegrees:0.###} at {NodaTime.Text.InstantPattern.General.Format(Presentation.ToWholeSecond(p.Time))}");
    }
}

/// <summary>The evidence of one MMSI heard from two ships at once: both tracks as last kept, and how far apart they were.</summary>
public sealed record SharedMmsiEvidence
{
    /// <summary>Between the two positions, one per ship, that showed no single ship could be both, nautical miles.</summary>
    public required double DistanceNauticalMiles { get; init; }

    /// <summary>The first ship's recent positions.</summary>
    public required IReadOnlyList<PositionEvidence> Track { get; init; }

    /// <summary>The second ship's first positions.</summary>
    public required IReadOnlyList<PositionEvidence> SecondTrack { get; init; }
}
