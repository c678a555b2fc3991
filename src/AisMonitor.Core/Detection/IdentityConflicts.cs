using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Detection;

/// <summary>
/// An MMSI that cannot identify a single vessel (invalid, shared, a test number), judged once per
/// MMSI: raised at its first position, to say where, or at the end of input without one.
/// </summary>
internal sealed class IdentityConflicts(DetectorContext context) : VesselDetector
{
    private readonly HashSet<uint> _raised = [];
    private readonly HashSet<uint> _judged = [];
    private readonly SortedDictionary<uint, Instant> _awaitingPosition = [];

    /// <summary>The MMSIs raised so far.</summary>
    public IEnumerable<uint> Raised => _raised.Order();

    /// <summary>The MMSIs waiting for a position, with when they were first heard.</summary>
    public IReadOnlyDictionary<uint, Instant> AwaitingPosition => _awaitingPosition;

    public void Restore(IEnumerable<uint> raised, IEnumerable<(uint Mmsi, Instant FirstHeard)> awaiting)
    {
        _raised.UnionWith(raised);
        foreach (var (mmsi, firstHeard) in awaiting)
        {
            _awaitingPosition[mmsi] = firstHeard;
        }
    }

    public override void PositionAccepted(VesselState vessel, in AcceptedPosition position)
    {
    }

    public override void NotTracked(in DecodedMessage message, Instant time)
    {
        var mmsi = message.Mmsi;
        GeoPoint? location = message.TryGetPosition(out var p) && p.LatitudeDegrees is { } lat && p.LongitudeDegrees is { } lon ? new GeoPoint(lat, lon) : null;
        if (_awaitingPosition.Count > 0 && _awaitingPosition.TryGetValue(mmsi.Value, out var firstHeard))
        {
            if (location is not null)
            {
                _awaitingPosition.Remove(mmsi.Value);
                Raise(mmsi, firstHeard, location);
            }

            return;
        }

        // Each MMSI is judged once: stations such as base stations report all day long.
        if (!_judged.Add(mmsi.Value) || IdentityRules.ConflictReason(mmsi) is null || !_raised.Add(mmsi.Value))
        {
            return;
        }

        if (location is null)
        {
            _awaitingPosition[mmsi.Value] = time; // raised at its first position, to say where
            return;
        }

        Raise(mmsi, time, location);
    }

    public override void Complete(IReadOnlyList<VesselState> vessels, Instant? watermark)
    {
        foreach (var (mmsi, firstHeard) in _awaitingPosition)
        {
            Raise(new Mmsi(mmsi), firstHeard, null);
        }

        _awaitingPosition.Clear();
    }

    private void Raise(Mmsi mmsi, Instant firstHeard, GeoPoint? location)
    {
        var reason = IdentityRules.ConflictReason(mmsi)!;
        context.Raise(new Alert
        {
            Kind = AlertKind.IdentityConflict,
            Mmsi = mmsi,
            Start = firstHeard,
            Severity = Severity.Low,
            SeverityReason = "an identity that cannot be trusted: its silences are not gaps, its positions may be several vessels'",
            ScoreExplanation = reason,
            Rules = [new RuleResult("InvalidOrSharedMmsi", true, reason)],
            Location = location,
            FirstRaised = firstHeard,
            LastUpdated = context.Watermark ?? firstHeard,
        });
    }
}
