using AisMonitor.Worker.Commands;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;

namespace AisMonitor.Worker.Hosting;

/// <summary>
/// <c>/readyz</c>: ready when the database answers (its migrations were applied at start), the
/// pipeline has started, every source is connected and was heard within its expected interval,
/// storage has not been refused, and event time is within <see cref="LiveOptions.MaximumLag"/> of
/// the clock. Otherwise 503, with every reason that applies. A standby (another replica holds the
/// active lease) is ready when the database answers: it serves the API and waits to take over.
/// </summary>
internal sealed class ReadinessCheck(DatabaseService database, LiveStatus status, LiveOptions live, IClock clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var reasons = new List<string>();
        try
        {
            await using var command = database.Database.DataSource.CreateCommand("SELECT 1");
            command.CommandTimeout = 2;
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            reasons.Add($"database unreachable ({e.Message})");
        }

        var now = clock.GetCurrentInstant();
        if (status.Standby)
        {
            return reasons.Count == 0 ? HealthCheckResult.Healthy("standby: another worker is active; this one takes over when it stops") : HealthCheckResult.Unhealthy(string.Join("; ", reasons));
        }

        if (!status.Started)
        {
            reasons.Add("the pipeline is starting");
        }
        else
        {
            foreach (var source in status.Sources)
            {
                if (!source.Connected)
                {
                    reasons.Add($"source {source.Name} is not connected ({source.LastError ?? "connecting"})");
                }
                else if (!source.IsUp(now))
                {
                    reasons.Add($"source {source.Name} has not been heard for {(source.LastHeard is { } heard ? $"{(now - heard).TotalSeconds:0} s" : "ever")} (expected within {source.ExpectedInterval.TotalSeconds:0} s)");
                }
            }

            if (status.Updates?.Fault is { } fault)
            {
                reasons.Add($"the database refused the updates ({fault.Message}); they are kept in the spool");
            }

            if (status.Watermark is { } watermark && now - watermark > Duration.FromTimeSpan(live.MaximumLag))
            {
                reasons.Add($"event time is {(now - watermark).TotalSeconds:0} s behind the clock (limit {live.MaximumLag.TotalSeconds:0} s)");
            }
        }

        return reasons.Count == 0 ? HealthCheckResult.Healthy("ready") : HealthCheckResult.Unhealthy(string.Join("; ", reasons));
    }
}
