using Npgsql;

namespace AisMonitor.Storage;

/// <summary>A vessel as the review UI shows it, read as one JSON document built by the database.</summary>
public sealed class VesselReader(NpgsqlDataSource dataSource)
{
    /// <summary>The most port calls shown, newest first.</summary>
    public const int MaximumPortCalls = 200;

    /// <summary>The most archived positions shown: the latest, in time order.</summary>
    public const int MaximumTrackPositions = 5000;

    /// <summary>
    /// The vessel's identity and last position (<c>vessel</c>, null when never stored), every change of
    /// its identity (<c>identity_changes</c>, oldest first), its latest port calls (<c>port_calls</c>) and its
    /// latest archived positions (<c>track</c>, oldest first; empty without the position archive), as JSON in
    /// snake_case; null when the database knows nothing of it.
    /// </summary>
    public async Task<string?> DetailJsonAsync(int mmsi, CancellationToken cancellation = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT CASE WHEN v IS NULL AND NOT EXISTS (SELECT 1 FROM port_call WHERE mmsi = $1) THEN NULL ELSE json_build_object(
                'vessel', CASE WHEN v IS NULL THEN NULL ELSE to_json(v) END,
                'identity_changes', (SELECT coalesce(json_agg(c ORDER BY c.changed_at, c.field), '[]')
                                     FROM (SELECT changed_at, field, from_value AS from, to_value AS to FROM vessel_identity_change WHERE mmsi = $1) c),
                'port_calls', (SELECT coalesce(json_agg(p ORDER BY p.arrival DESC), '[]')
                               FROM (SELECT id, place_name, place_kind, un_locode, country, latitude, longitude, arrival, departure, stopped_hours
                                     FROM port_call WHERE mmsi = $1 ORDER BY arrival DESC LIMIT {MaximumPortCalls}) p),
                'track', (SELECT coalesce(json_agg(json_build_object('time', t.time, 'lat', round(t.latitude::numeric, 5), 'lon', round(t.longitude::numeric, 5), 'suspect', t.suspect) ORDER BY t.time), '[]')
                          FROM (SELECT time, latitude, longitude, suspect FROM position WHERE mmsi = $1 ORDER BY time DESC LIMIT {MaximumTrackPositions}) t))::text END
            FROM (SELECT 1) one LEFT JOIN (SELECT mmsi, imo, name, call_sign, ship_type, length_metres, draught_metres, destination, flag,
                                                  identity_changed_at, last_latitude, last_longitude, last_seen, watch_lists
                                           FROM vessel WHERE mmsi = $1) v ON true
            """);
        command.Parameters.Add(new() { Value = mmsi });
        return await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false) as string;
    }
}
