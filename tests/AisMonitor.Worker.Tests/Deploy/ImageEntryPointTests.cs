using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AisMonitor.Core.Tests.Support;
using AisMonitor.Worker.Tests.Hosting;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AisMonitor.Worker.Tests.Deploy;

/// <summary>
/// The image's process without an engine: the worker published as the Dockerfile publishes it, started
/// with the Dockerfile's entry point and command, its environment and the environment compose gives
/// the demo service, against a real PostgreSQL. Only what cannot be the same outside a container is
/// replaced: the database host (compose's <c>db</c>), the container paths (data folder, the mounted
/// sample) and the port. It must become healthy by its own HEALTHCHECK command and store the demo's alerts.
/// </summary>
[Collection(LiveWorkerCollection.Name)]
public sealed partial class ImageEntryPointTests(LivePostgres postgres) : IClassFixture<LivePostgres>
{
    private static readonly string Deploy = Path.Combine(TestData.RepositoryRoot, "deploy");

    [Fact]
    public async Task The_published_worker_started_as_the_image_starts_it_becomes_healthy_and_stores_the_demo_s_alerts()
    {
        var dockerfile = Dockerfile.Read(Path.Combine(Deploy, "Dockerfile"));
        var app = Path.Combine(postgres.Folder, "app");
        var (code, output) = await Tool.RunAsync("dotnet", $"publish src/AisMonitor.Worker/AisMonitor.Worker.csproj -c Release --no-build -o \"{app}\"", timeout: TimeSpan.FromMinutes(5));
        Assert.True(code == 0, output);

        var environment = new Dictionary<string, string>(dockerfile.Environment);
        foreach (var (name, value) in ComposeEnvironment("worker-demo"))
        {
            environment[name] = value;
        }

        // What only a container has, mapped to this machine: the database, the data folder volume, the mounted sample, the port.
        var samples = Directory.CreateDirectory(Path.Combine(postgres.Folder, "samples")).FullName;
        File.Copy(TestData.SampleTrack("angara-2024", "angara-2024.nmea.gz"), Path.Combine(samples, "angara-2024.nmea.gz"));
        var connection = await postgres.CreateDatabaseAsync();
        var port = LiveWorker.FreePort();
        Assert.StartsWith("Host=db;", environment["ConnectionStrings__AisMonitor"], StringComparison.Ordinal);
        Assert.Equal("/var/lib/aismonitor", environment["AisMonitor__DataFolder"]);
        Assert.Equal("/samples", environment["AisMonitor__Sources__0__Path"]);
        Assert.Equal("8080", environment["ASPNETCORE_HTTP_PORTS"]);
        environment["ConnectionStrings__AisMonitor"] = connection;
        environment["AisMonitor__DataFolder"] = Path.Combine(postgres.Folder, "data");
        environment["AisMonitor__Sources__0__Path"] = samples;
        environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(CultureInfo.InvariantCulture);

        var command = dockerfile.EntryPoint.Concat(dockerfile.Command).Select(a => a.Replace("/app/", app + "/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["dotnet", $"{app}/aismonitor.dll", "run"], command);
        var start = new ProcessStartInfo(command[0]) { WorkingDirectory = app, RedirectStandardOutput = true, RedirectStandardError = true };
        command.Skip(1).ToList().ForEach(start.ArgumentList.Add);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var worker = Process.Start(start)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        worker.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
        worker.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
        worker.BeginOutputReadLine();
        worker.BeginErrorReadLine();
        try
        {
            // Healthy by the image's own HEALTHCHECK command, in the worker's environment.
            var health = dockerfile.HealthCheck.Select(a => a.Replace("/app/", app + "/", StringComparison.Ordinal)).ToList();
            Assert.Equal(["dotnet", $"{app}/aismonitor.dll", "healthcheck"], health);
            var clock = Stopwatch.StartNew();
            while (true)
            {
                Assert.False(worker.HasExited, $"the worker exited with {(worker.HasExited ? worker.ExitCode : 0)}:\n{string.Join('\n', log)}");
                var (healthy, answer) = await Tool.RunAsync(health[0], string.Join(' ', health.Skip(1).Select(a => $"\"{a}\"")), app, environment);
                if (healthy == 0)
                {
                    Assert.Contains("/readyz: 200 ready", answer, StringComparison.Ordinal);
                    break;
                }

                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"not healthy within 90 s: {answer}\n{string.Join('\n', log)}");
                await Task.Delay(500);
            }

            // The demo's alerts: those of the approved Angara replay.
            var approved = File.ReadAllLines(TestData.SampleTrack("angara-2024", "approved.alerts.jsonl")).Select(l => JsonNode.Parse(l)!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            List<string> stored = [];
            for (clock.Restart(); clock.Elapsed < TimeSpan.FromSeconds(60); await Task.Delay(500))
            {
                stored = await LivePostgres.RowsAsync(connection, "SELECT id FROM alert ORDER BY id COLLATE \"C\"");
                if (stored.Count >= approved.Count)
                {
                    break;
                }
            }

            Assert.Equal(approved, stored);
            Assert.Contains(log, l => l.StartsWith('{') && l.Contains("\"LogLevel\"", StringComparison.Ordinal)); // compose's JSON logs

            // The review UI is in the image, and every metric the dashboard and the alert rules use is one the worker exports.
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using (var page = await http.GetAsync(new Uri("/", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Contains("<script", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            var exported = MetricFamily().Matches(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Select(m => m.Groups[1].Value).ToHashSet();
            var onlyWhen = new Dictionary<string, string>
            {
                ["aismonitor_source_kernel_dropped_total"] = "UDP sources only",
                ["aismonitor_source_rejected_total"] = "once a line is rejected (the Angara sample has none)",
                ["aismonitor_checkpoint_age_seconds"] = "after the first checkpoint (CheckpointInterval: 5 min)",
            };
            foreach (var name in await DeployFileTests.MetricNamesUsedAsync())
            {
                Assert.True(exported.Contains(name) || onlyWhen.ContainsKey(name), $"{name} is used by deploy/ but not exported; exported: {string.Join(", ", exported.Order())}");
            }

            // docker stop: SIGTERM, a clean stop in time.
            using (var kill = Process.Start("kill", $"-TERM {worker.Id}"))
            {
                await kill.WaitForExitAsync();
            }

            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await worker.WaitForExitAsync(stopping.Token);
            Assert.Equal(0, worker.ExitCode);
        }
        finally
        {
            if (!worker.HasExited)
            {
                worker.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task The_SDK_container_properties_make_the_image_the_Dockerfile_makes()
    {
        var dockerfile = Dockerfile.Read(Path.Combine(Deploy, "Dockerfile"));
        var (code, output) = await Tool.RunAsync("dotnet", "msbuild src/AisMonitor.Worker/AisMonitor.Worker.csproj -getProperty:ContainerBaseImage -getProperty:ContainerUser -getProperty:ContainerWorkingDirectory -getProperty:EnableSdkContainerSupport -getItem:ContainerEnvironmentVariable -getItem:ContainerPort -getItem:ContainerDefaultArgs");
        Assert.True(code == 0, output);
        var msbuild = JsonNode.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..])!;
        var properties = msbuild["Properties"]!;
        Assert.Equal("true", properties["EnableSdkContainerSupport"]!.GetValue<string>());
        Assert.Equal(dockerfile.RuntimeBase, properties["ContainerBaseImage"]!.GetValue<string>());
        Assert.Equal(dockerfile.User, properties["ContainerUser"]!.GetValue<string>());
        Assert.Equal(dockerfile.WorkingDirectory, properties["ContainerWorkingDirectory"]!.GetValue<string>());
        var items = msbuild["Items"]!;
        Assert.Equal(dockerfile.Environment, items["ContainerEnvironmentVariable"]!.AsArray().ToDictionary(i => i!["Identity"]!.GetValue<string>(), i => i!["Value"]!.GetValue<string>()));
        Assert.Equal(dockerfile.Ports, items["ContainerPort"]!.AsArray().Select(i => i!["Identity"]!.GetValue<string>()));
        Assert.Equal(dockerfile.Command, items["ContainerDefaultArgs"]!.AsArray().Select(i => i!["Identity"]!.GetValue<string>()));
    }

    /// <summary>A service's environment in deploy/compose.yaml, with YAML anchors and merge keys resolved as Compose resolves them.</summary>
    private static Dictionary<string, string> ComposeEnvironment(string service)
    {
        using var reader = new StreamReader(Path.Combine(Deploy, "compose.yaml"));
        var yaml = new YamlStream();
        yaml.Load(new MergingParser(new Parser(reader)));
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        var environment = (YamlMappingNode)((YamlMappingNode)services[service])["environment"];
        return environment.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value!);
    }

    [GeneratedRegex(@"^# TYPE (\S+?)(?:_bucket)? ", RegexOptions.Multiline)]
    private static partial Regex MetricFamily();
}
