using System.CommandLine;
using AisMonitor.Core.Ports;
using AisMonitor.Ingestion.WatchLists;
using AisMonitor.Worker.Api;
using AisMonitor.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// <c>aismonitor run</c> (also the default with no command): the live worker. The configured
/// sources (<c>AisMonitor:Sources</c>) through the same detection loop as <c>replay</c>, alerts into
/// PostgreSQL, and HTTP endpoints: <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c>. The address is
/// set the standard way: <c>--urls</c> or <c>ASPNETCORE_URLS</c> (default http://localhost:5000).
/// SIGTERM and Ctrl-C stop it cleanly: reading stops, what is queued is detected, a checkpoint is saved.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where the HTTP endpoints listen (overrides ASPNETCORE_URLS), e.g. http://0.0.0.0:8080." };
        var watchLists = new Option<string[]>("--watch-list") { Description = "Vessel watch list CSV; repeat for several (reloaded when the file changes)." };
        var noBuiltIn = new Option<bool>("--no-builtin-watch-list") { Description = "Leave out the built-in example list (OFAC SDN vessels, 2024-05-03 snapshot)." };
        var places = new Option<string[]>("--places") { Description = "GeoJSON places added to the World Port Index. Repeatable." };
        var settingsOptions = new ConfigurationOptions();
        var command = new Command("run", "Run the live worker: the sources of AisMonitor:Sources into detection and PostgreSQL, with /healthz, /readyz and /metrics.")
        {
            urls, watchLists, noBuiltIn, places,
        };
        settingsOptions.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            try
            {
                var settings = settingsOptions.Load(result);
                var configuration = settings.Configuration;
                WatchListFiles lists;
                PortIndex gazetteer;
                using (var logging = CommandLogging.Create(configuration)) // before the host: its reference data, checked first
                {
                    var logger = logging.CreateLogger("AisMonitor.Run");
                    lists = ReplayReferenceData.LoadWatchLists(result.GetValue(watchLists) ?? [], !result.GetValue(noBuiltIn), logger, WatchListsApi.Folder(settings.Storage.DataFolder));
                    gazetteer = ReplayReferenceData.LoadPlaces(result.GetValue(places) ?? [], logger);
                }

                var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
                builder.Configuration.AddConfiguration(configuration);
                if (result.GetValue(urls) is { Length: > 0 } address)
                {
                    builder.WebHost.UseUrls(address);
                }

                builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning); // not a line per scrape and probe (Logging:LogLevel:Microsoft.AspNetCore overrides)
                builder.Services.AddAisMonitor(configuration, settings, gazetteer, lists);
                builder.Services.AddApiAccess(settings.Storage.DataFolder);
                builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));
                await using var app = builder.Build();
                app.Services.GetRequiredService<IStartupValidator>().Validate(); // every options class, before anything is resolved or started
                await app.Services.GetRequiredService<DatabaseService>().StartAsync(cancellation).ConfigureAwait(false);
                app.UseBadRequests();
                var withUi = ReviewUi.Use(app); // its files before access: the sign-in page is for anyone
                app.UseApiAccess(settings.Storage.DataFolder);
                app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
                app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = r => r.Tags.Contains("ready"), ResponseWriter = WriteReason }).AllowAnonymous();
                app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
                ApiRoutes.Map(app);
                if (!withUi)
                {
                    app.Logger.LogWarning("The review UI is not in {Folder} (it is built from web/ with npm): only the API is served", ReviewUi.Folder);
                }
                if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch)
                {
                    // The build's default, for replays; the container turns it back on.
                    app.Logger.LogWarning("The background garbage collector is off: a full collection pauses the worker (seconds with millions of vessels). Set DOTNET_gcConcurrent=1 for a long-running worker");
                }

                var status = app.Services.GetRequiredService<LiveStatus>(); // the provider is disposed when the host has run
                await app.RunAsync(cancellation).ConfigureAwait(false);
                if (status.Failure is { } failure)
                {
                    await Console.Error.WriteLineAsync($"error: the worker stopped on a failure it could not recover from ({failure.GetType().Name}: {failure.Message}); it is logged above. Restart it: it resumes from its last checkpoint.").ConfigureAwait(false);
                    return ExitCodes.Failed;
                }

                return ExitCodes.Done;
            }
            catch (Exception e) when (e is OptionsValidationException || (e is AggregateException all && all.InnerExceptions.All(i => i is OptionsValidationException)))
            {
                var failures = e is AggregateException many ? many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(v => v.Failures) : ((OptionsValidationException)e).Failures;
                foreach (var failure in failures)
                {
                    await Console.Error.WriteLineAsync($"error: configuration: {failure}").ConfigureAwait(false);
                }

                return ExitCodes.BadArguments;
            }
            catch (InvalidOperationException e) when (DetectionConfiguration.DescribeBindingFailure(e) is { } message)
            {
                await Console.Error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
                return ExitCodes.BadArguments;
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.BadArguments;
            }
            catch (DatabaseUnreachableException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.DatabaseUnreachable;
            }
        });
        return command;
    }

    private static Task WriteReason(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(string.Join("; ", report.Entries.Values.Select(e => e.Description)) + "\n");
    }
}
