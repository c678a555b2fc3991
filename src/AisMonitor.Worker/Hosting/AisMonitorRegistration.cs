using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using AisMonitor.Ingestion.WatchLists;
using AisMonitor.Worker.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using OpenTelemetry.Metrics;

namespace AisMonitor.Worker.Hosting;

/// <summary>The live worker's services: every options class bound from the configuration layers and validated at start (one message per bad key), the pipeline, storage, health and metrics.</summary>
internal static class AisMonitorRegistration
{
    /// <summary>
    /// The settings every command shares, bound from the configuration layers and checked at start:
    /// detection (<c>AisMonitor:Detection</c>, every key checked, see <see cref="DetectionConfiguration"/>)
    /// and storage (<c>ConnectionStrings:AisMonitor</c>, <c>AisMonitor:DataFolder</c>,
    /// <c>AisMonitor:Storage</c>), the command line's <c>--connection</c> and <c>--data-folder</c> winning.
    /// </summary>
    public static IServiceCollection AddAisMonitorSettings(this IServiceCollection services, IConfiguration configuration, string? connection = null, string? dataFolder = null)
    {
        services.AddSingleton(_ => DetectionConfiguration.Options(configuration));
        services.AddOptions<StorageOptions>()
            .Configure(o =>
            {
                o.ConnectionString = configuration.GetConnectionString("AisMonitor") is { Length: > 0 } configured ? configured : null;
                if (configuration["AisMonitor:DataFolder"] is { Length: > 0 } folder)
                {
                    o.DataFolder = folder;
                }
            })
            .Bind(configuration.GetSection("AisMonitor:Storage"), b => b.ErrorOnUnknownConfiguration = true)
            .PostConfigure(o =>
            {
                o.ConnectionString = connection is { Length: > 0 } ? connection : o.ConnectionString;
                o.DataFolder = dataFolder is { Length: > 0 } ? dataFolder : o.DataFolder;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>>(new ProblemsValidator<StorageOptions>(o => o.Problems()));
        return services;
    }

    /// <summary>The live worker's services, over the shared settings already loaded and checked (<see cref="AddAisMonitorSettings"/>).</summary>
    public static IServiceCollection AddAisMonitor(this IServiceCollection services, IConfiguration configuration, CommandSettings settings, PortIndex places, WatchListFiles watchLists)
    {
        services.AddOptions<LiveOptions>().Bind(configuration.GetSection("AisMonitor:Live"), b => b.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LiveOptions>>(new ProblemsValidator<LiveOptions>(o => o.Problems()));
        services.AddOptions<SourceList>().Bind(configuration.GetSection("AisMonitor:Sources"), b => b.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourceList>>(new ProblemsValidator<SourceList>(o => o.Count == 0
            ? ["AisMonitor:Sources is empty: configure at least one source, e.g. AisMonitor__Sources__0__Name=coast AisMonitor__Sources__0__Kind=tcp AisMonitor__Sources__0__Host=feed.example AisMonitor__Sources__0__Port=5631"]
            : o.Problems()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LiveOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SourceList>>().Value);
        services.AddSingleton(settings.Detection);
        services.AddSingleton(settings.Storage);
        services.AddSingleton(places);
        services.AddSingleton(watchLists);
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton<LiveStatus>();
        services.AddSingleton<AisMonitorMetrics>();
        services.AddSingleton<DatabaseService>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseService>()); // started first, stopped last
        services.AddHostedService<LiveDetectionService>();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("ready", tags: ["ready"]);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(AisMonitorMetrics.MeterName).AddPrometheusExporter());
        return services;
    }

    private sealed class ProblemsValidator<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var found = problems(options).ToList();
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
    }
}
