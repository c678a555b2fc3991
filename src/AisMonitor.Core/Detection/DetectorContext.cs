using AisMonitor.Core.Alerts;
using NodaTime;

namespace AisMonitor.Core.Detection;

/// <summary>What a detector may ask of the engine it runs in: the time, the feed's outages, and where its alerts go.</summary>
public sealed class DetectorContext
{
    private readonly DetectionEngine _engine;

    internal DetectorContext(DetectionEngine engine) => _engine = engine;

    /// <summary>The latest event time processed.</summary>
    public Instant? Watermark => _engine.Watermark;

    /// <summary>Raises or updates an alert (nothing when null); updates of one alert keep its id.</summary>
    public void Raise(Alert? alert) => _engine.Emit(alert);

    /// <summary>The state of a tracked vessel, when tracked (another vessel than the one a detector is told about).</summary>
    public Tracking.VesselState? Vessel(Ais.Mmsi mmsi) => _engine.Vessel(mmsi);

    /// <summary>The land, for distances from shore (<see cref="Geo.Coastline.None"/> when none was given).</summary>
    public Geo.Coastline Land => _engine.Land;

    /// <summary>The watch-list entries in force that an identity matches (by MMSI or IMO), for an identity a vessel no longer has.</summary>
    public IReadOnlyList<WatchLists.WatchListMatch> WatchListMatches(Ais.Mmsi mmsi, Ais.Imo? imo, string? broadcastName) => _engine.WatchLists.Match(mmsi, imo, broadcastName);

    /// <summary>How much of [<paramref name="start"/>, <paramref name="end"/>) the feed was out for a vessel last heard through <paramref name="feed"/>: silences are judged on the rest.</summary>
    public Duration FeedSilent(Instant start, Instant end, byte feed) => _engine.FeedSilent(start, end, feed);
}
