using System.Diagnostics.Metrics;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.PortCalls;
using NodaTime;

namespace AisMonitor.Worker.Hosting;

/// <summary>
/// The worker's metrics (meter <c>AisMonitor</c>, exported in Prometheus format at <c>/metrics</c>):
/// per source lines, messages by type, rejections by reason, drops, connection state and seconds
/// since last heard; event-time lag, queue depth, alert updates by kind and severity, database write
/// latency, spool size and checkpoint age. Counts the sources keep are read when scraped; alert
/// updates are counted as the engine emits them (it is an <see cref="IDetectionOutput"/>).
/// </summary>
internal sealed class AisMonitorMetrics : IDetectionOutput, IDisposable
{
    public const string MeterName = "AisMonitor";
    private readonly Meter _meter;
    private readonly Counter<long> _alerts;
    private readonly Counter<long> _portCalls;
    private readonly Histogram<double> _writeSeconds;

    public AisMonitorMetrics(IMeterFactory meters, LiveStatus status, IClock clock)
    {
        _meter = meters.Create(MeterName);
        _alerts = _meter.CreateCounter<long>("aismonitor.alert.updates", "{update}", "Alert updates (new alerts and changes to them) by kind and severity.");
        _portCalls = _meter.CreateCounter<long>("aismonitor.port_call.updates", "{update}", "Port-call updates.");
        _writeSeconds = _meter.CreateHistogram<double>("aismonitor.database.write.duration", "s", "Time to write one batch of alert and port-call updates to PostgreSQL.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _meter.CreateObservableCounter("aismonitor.source.lines", () => status.Sources.Select(s => Measure(s.Counts.LinesRead, s.Name)), "{line}", "Lines received by source.");
        _meter.CreateObservableCounter("aismonitor.source.messages", () => status.Sources.SelectMany(s =>
            s.Counts.MessagesByType.Select(t => new Measurement<long>(t.Value, new("source", s.Name), new("type", t.Key)))), "{message}", "AIS messages decoded by source and message type.");
        _meter.CreateObservableCounter("aismonitor.source.rejected", () => status.Sources.SelectMany(s =>
            s.Counts.Rejected.Select(r => new Measurement<long>(r.Value, new("source", s.Name), new("reason", r.Key)))), "{line}", "Lines rejected by source and reason.");
        _meter.CreateObservableCounter("aismonitor.source.dropped", () => status.Sources.Select(s => Measure(s.Dropped, s.Name)), "{message}", "Messages dropped because the pipeline was full (UDP).");
        _meter.CreateObservableCounter("aismonitor.source.kernel_dropped", () => status.Sources.Select(s => (s, d: s.KernelDropped())).Where(p => p.d is not null).Select(p => Measure(p.d!.Value, p.s.Name)), "{datagram}", "UDP datagrams the kernel dropped before they were read (receive buffer full).");
        _meter.CreateObservableCounter("aismonitor.source.disconnects", () => status.Sources.Select(s => Measure(s.Disconnects, s.Name)), "{disconnect}", "Connections lost or refused.");
        _meter.CreateObservableGauge("aismonitor.source.connected", () => status.Sources.Select(s => Measure(s.Connected ? 1 : 0, s.Name)), "1", "1 when the source is connected (TCP) or listening (UDP).");
        _meter.CreateObservableGauge("aismonitor.source.silence", () => status.Sources.Where(s => s.LastHeard is not null)
            .Select(s => new Measurement<double>((clock.GetCurrentInstant() - s.LastHeard!.Value).TotalSeconds, new KeyValuePair<string, object?>("source", s.Name))), "s", "Seconds since the source was last heard.");
        _meter.CreateObservableCounter("aismonitor.engine.messages", () => status.Engine is { } e
            ? [Outcome(e.Positions, "position"), Outcome(e.Duplicates, "duplicate"), Outcome(e.SuspectPositions, "suspect_position"), Outcome(e.PositionsNotAvailable, "no_position"),
               Outcome(e.Late, "late"), Outcome(e.ImplausibleTimes, "implausible_time"), Outcome(e.WithoutEventTime, "no_time")]
            : Array.Empty<Measurement<long>>(), "{message}", "What detection did with the messages: positions used, duplicates, suspect positions, and those it could not use (late, implausible or missing times).");
        _meter.CreateObservableGauge("aismonitor.active", () => status.Started && !status.Standby ? 1 : 0, "1", "1 on the replica that processes the feeds (holds the active lease), 0 on a standby.");
        _meter.CreateObservableGauge("aismonitor.engine.vessels", () => status.Engine?.Vessels ?? 0, "{vessel}", "Vessels tracked.");
        _meter.CreateObservableGauge("aismonitor.event_time.lag", () => status.Watermark is { } w ? [new Measurement<double>((clock.GetCurrentInstant() - w).TotalSeconds)] : Array.Empty<Measurement<double>>(), "s", "Wall clock minus the engine's watermark.");
        _meter.CreateObservableGauge("aismonitor.queue.depth", () => status.QueueDepth, "{batch}", "Message batches waiting for detection.");
        _meter.CreateObservableCounter("aismonitor.database.write.failures", () => status.Updates?.Failures ?? 0, "{failure}", "Failed attempts to write updates to PostgreSQL (each retried; the updates wait in memory, then the spool).");
        _meter.CreateObservableGauge("aismonitor.spool.size", () => status.SpoolBytes, "By", "Bytes in the database-outage spool.");
        _meter.CreateObservableGauge("aismonitor.checkpoint.age", () => status.LastCheckpoint is { } at ? [new Measurement<double>((clock.GetCurrentInstant() - at).TotalSeconds)] : Array.Empty<Measurement<double>>(), "s", "Seconds since the last checkpoint was saved.");
    }

    private static Measurement<long> Measure(long value, string source) => new(value, new KeyValuePair<string, object?>("source", source));

    private static Measurement<long> Outcome(long value, string outcome) => new(value, new KeyValuePair<string, object?>("outcome", outcome));

    public void AlertChanged(Alert alert) => _alerts.Add(1, new("kind", KindTags[alert.Kind]), new("severity", SeverityTags[alert.Severity]));

    // The names the alerts' JSON uses (transponder_gap, high), made once.
    private static readonly Dictionary<AlertKind, string> KindTags = Enum.GetValues<AlertKind>().ToDictionary(k => k, k => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(k.ToString()));
    private static readonly Dictionary<Severity, string> SeverityTags = Enum.GetValues<Severity>().ToDictionary(k => k, k => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(k.ToString()));

    public void PortCallChanged(PortCall portCall) => _portCalls.Add(1);

    /// <summary>Records one database write.</summary>
    public void DatabaseWrite(TimeSpan took) => _writeSeconds.Record(took.TotalSeconds);

    public void Dispose() => _meter.Dispose();
}
