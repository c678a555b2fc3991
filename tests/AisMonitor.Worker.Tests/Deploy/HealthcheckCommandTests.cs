using System.Globalization;
using AisMonitor.Core.Tests.Support;
using AisMonitor.Worker.Tests.Hosting;

namespace AisMonitor.Worker.Tests.Deploy;

/// <summary><c>aismonitor healthcheck</c> when nothing answers or the address is wrong (the answering case: <see cref="ImageEntryPointTests"/>).</summary>
public sealed class HealthcheckCommandTests
{
    private static readonly string Aismonitor = Path.Combine(AppContext.BaseDirectory, "aismonitor.dll");

    [Fact]
    public async Task With_no_worker_listening_it_exits_1_saying_so_and_a_wrong_address_is_exit_2()
    {
        var port = LiveWorker.FreePort().ToString(CultureInfo.InvariantCulture);
        var (code, output) = await Tool.RunAsync("dotnet", $"\"{Aismonitor}\" healthcheck --timeout 2", environment: new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = port, ["ASPNETCORE_URLS"] = string.Empty });
        Assert.Equal(1, code);
        Assert.Contains($"/readyz: no answer from http://127.0.0.1:{port}/", output, StringComparison.Ordinal);

        (code, output) = await Tool.RunAsync("dotnet", $"\"{Aismonitor}\" healthcheck --live --url http://[::]:{port}", environment: new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://+:{port}" });
        Assert.Equal(1, code);
        Assert.Contains("/healthz: no answer", output, StringComparison.Ordinal);

        (code, output) = await Tool.RunAsync("dotnet", $"\"{Aismonitor}\" healthcheck --url ftp://127.0.0.1:21");
        Assert.Equal(2, code);
        Assert.Contains("expected an http address", output, StringComparison.Ordinal);
    }
}
