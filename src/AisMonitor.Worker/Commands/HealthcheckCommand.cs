using System.CommandLine;
using System.Globalization;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// <c>aismonitor healthcheck</c>: asks the worker running beside it (same container) whether it is
/// ready, for images with no shell or curl (Docker's HEALTHCHECK, an exec probe). Exit 0 when
/// <c>/readyz</c> (or <c>/healthz</c> with <c>--live</c>) answers 200, 1 otherwise, with the reason on
/// one line. The address is <c>--url</c>, else the first of ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS
/// (as the worker binds them, a wildcard host asked on loopback), else http://127.0.0.1:5000.
/// </summary>
internal static class HealthcheckCommand
{
    public static Command Create()
    {
        var url = new Option<string?>("--url") { Description = "The worker's base address (default: from ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS, else http://127.0.0.1:5000)." };
        var live = new Option<bool>("--live") { Description = "Ask /healthz (the process answers) instead of /readyz (it is doing its work)." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the answer.", DefaultValueFactory = _ => 5 };
        var command = new Command("healthcheck", "Ask the running worker's /readyz (or /healthz with --live): exit 0 when it answers 200, 1 otherwise. For container health checks in images without curl.")
        {
            url, live, timeout,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var address = result.GetValue(url) is { Length: > 0 } given ? given : FromEnvironment();
            if (!Uri.TryCreate(address, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
            {
                await Console.Error.WriteLineAsync($"error: --url: expected an http address such as http://127.0.0.1:8080; got '{address}'.").ConfigureAwait(false);
                return ExitCodes.BadArguments;
            }

            var path = result.GetValue(live) ? "/healthz" : "/readyz";
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Clamp(result.GetValue(timeout), 0.1, 300)) };
            try
            {
                using var response = await http.GetAsync(new Uri(baseAddress, path), cancellation).ConfigureAwait(false);
                var body = (await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false)).Trim();
                Console.WriteLine($"{path}: {(int)response.StatusCode} {body}");
                return response.IsSuccessStatusCode ? ExitCodes.Done : ExitCodes.Failed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Console.Error.WriteLineAsync($"{path}: no answer from {baseAddress} ({e.Message})").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    /// <summary>The worker's first address as ASP.NET Core reads it from the environment, on loopback.</summary>
    internal static string FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is { Length: > 0 } urls)
        {
            var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
            foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
            {
                first = first.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal);
            }

            return first;
        }

        if (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") is { Length: > 0 } ports
            && int.TryParse(ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        }

        return "http://127.0.0.1:5000";
    }
}
