using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AisMonitor.Core.Tests.Support;

namespace AisMonitor.Worker.Tests.Deploy;

/// <summary>
/// deploy/ checked as far as it can be without a container engine or a cluster, with real tools:
/// the compose file against the Compose Specification's schema, the Kubernetes manifests against the
/// API's schemas, the Dockerfile with a linter (deploy/check, npm), the alert rules with promtool
/// (and their unit tests), the dashboard's structure and queries. Each check is also shown to fail on
/// a broken copy, so that a pass means something.
/// </summary>
public sealed partial class DeployFileTests
{
    private static readonly string Deploy = Path.Combine(TestData.RepositoryRoot, "deploy");

    [Fact]
    public async Task Compose_Kubernetes_and_the_Dockerfile_pass_their_schemas_and_linter_and_broken_copies_do_not()
    {
        Assert.True(Directory.Exists(Path.Combine(Deploy, "check", "node_modules")), "deploy/check has no node_modules: ./test.sh runs npm ci there (or run it yourself).");
        var (code, output) = await Tool.RunAsync("node", "check.mjs", Path.Combine(Deploy, "check"));
        Assert.True(code == 0, output);
        var checkedFiles = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("ok ", StringComparison.Ordinal)).Select(l => Path.GetFileName(l[3..])).ToList();
        Assert.Equal(["compose.yaml", "configmap.yaml", "deployment.yaml", "kustomization.yaml", "poddisruptionbudget.yaml", "secret.example.yaml", "service.yaml", "Dockerfile"], checkedFiles);

        // The same checks on broken copies: an unknown key in compose, a wrong type in a Deployment, a misspelled instruction.
        var broken = Directory.CreateTempSubdirectory("aismonitor-deploy-broken-").FullName;
        try
        {
            var compose = Path.Combine(broken, "compose.yaml");
            await File.WriteAllTextAsync(compose, (await File.ReadAllTextAsync(Path.Combine(Deploy, "compose.yaml"))).Replace("\n  ports:", "\n  portz:", StringComparison.Ordinal));
            var kubernetes = Directory.CreateDirectory(Path.Combine(broken, "kubernetes")).FullName;
            await File.WriteAllTextAsync(Path.Combine(kubernetes, "deployment.yaml"), (await File.ReadAllTextAsync(Path.Combine(Deploy, "kubernetes", "deployment.yaml"))).Replace("replicas: 2", "replicas: \"two\"", StringComparison.Ordinal));
            var dockerfile = Path.Combine(broken, "Dockerfile");
            await File.WriteAllTextAsync(dockerfile, (await File.ReadAllTextAsync(Path.Combine(Deploy, "Dockerfile"))).Replace("EXPOSE 8080", "EXPOS 8080", StringComparison.Ordinal));

            (code, output) = await Tool.RunAsync("node", $"check.mjs --compose \"{compose}\" --kubernetes \"{kubernetes}\" --dockerfile \"{dockerfile}\"", Path.Combine(Deploy, "check"));
            Assert.Equal(1, code);
            Assert.Contains("must NOT have additional properties (portz)", output, StringComparison.Ordinal);
            Assert.Contains("spec/replicas must be integer", output, StringComparison.Ordinal);
            Assert.Contains("Unknown instruction: EXPOS", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }

    [Fact]
    public async Task The_alert_rules_pass_promtool_and_fire_on_their_unit_tests_series()
    {
        var folder = Path.Combine(Deploy, "prometheus");
        var (code, output) = await Tool.RunAsync("promtool", "check rules aismonitor-rules.yml", folder);
        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS: 8 rules found", output, StringComparison.Ordinal);
        (code, output) = await Tool.RunAsync("promtool", "test rules aismonitor-rules.test.yml", folder);
        Assert.True(code == 0, output);

        // A rule whose expression does not parse is refused.
        var broken = Path.Combine(Path.GetTempPath(), $"aismonitor-rules-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(Path.Combine(folder, "aismonitor-rules.yml"))).Replace("> 600", "> > 600", StringComparison.Ordinal));
        try
        {
            (code, output) = await Tool.RunAsync("promtool", $"check rules \"{broken}\"", folder);
            Assert.NotEqual(0, code);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task The_dashboard_is_a_Grafana_dashboard_whose_panels_fit_the_grid_and_whose_queries_parse()
    {
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Deploy, "grafana", "aismonitor-dashboard.json")))!.AsObject();
        Assert.Equal("aismonitor", dashboard["uid"]!.GetValue<string>());
        Assert.True(dashboard["schemaVersion"]!.GetValue<int>() >= 36, "a dashboard of Grafana 9 or later");
        var variables = dashboard["templating"]!["list"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ToList();
        var panels = dashboard["panels"]!.AsArray().Select(p => p!.AsObject()).ToList();
        Assert.Equal(panels.Count, panels.Select(p => p["id"]!.GetValue<int>()).Distinct().Count());

        // The grid: 24 columns, no two panels on the same cell.
        var cells = new HashSet<(int, int)>();
        foreach (var panel in panels)
        {
            var grid = panel["gridPos"]!;
            var (x, y, w, h) = (grid["x"]!.GetValue<int>(), grid["y"]!.GetValue<int>(), grid["w"]!.GetValue<int>(), grid["h"]!.GetValue<int>());
            Assert.True(x >= 0 && w > 0 && x + w <= 24 && h > 0, $"panel {panel["title"]} at x {x} width {w}");
            for (var i = x; i < x + w; i++)
            {
                for (var j = y; j < y + h; j++)
                {
                    Assert.True(cells.Add((i, j)), $"panel {panel["title"]} overlaps another at ({i}, {j})");
                }
            }
        }

        // Every query: a datasource that is the dashboard's variable, variables it defines, and PromQL that promtool parses.
        var expressions = new List<string>();
        foreach (var panel in panels.Where(p => p["type"]!.GetValue<string>() != "row"))
        {
            Assert.Equal("${datasource}", panel["datasource"]!["uid"]!.GetValue<string>());
            var targets = panel["targets"]!.AsArray();
            Assert.NotEmpty(targets);
            foreach (var target in targets)
            {
                var expr = target!["expr"]!.GetValue<string>();
                foreach (Match used in Variable().Matches(expr))
                {
                    Assert.True(used.Groups[1].Value.StartsWith("__", StringComparison.Ordinal) || variables.Contains(used.Groups[1].Value), $"{expr} uses ${used.Groups[1].Value}, which the dashboard does not define");
                }

                expressions.Add(expr.Replace("$__rate_interval", "5m", StringComparison.Ordinal).Replace("$job", "aismonitor", StringComparison.Ordinal).Replace("$instance", ".*", StringComparison.Ordinal));
            }
        }

        var rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (var i = 0; i < expressions.Count; i++)
        {
            rules.Append(CultureInfo.InvariantCulture, $"      - record: dashboard:query{i}\n        expr: '{expressions[i].Replace("'", "''", StringComparison.Ordinal)}'\n");
        }

        var file = Path.Combine(Path.GetTempPath(), $"aismonitor-dashboard-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(file, rules.ToString());
        try
        {
            var (code, output) = await Tool.RunAsync("promtool", $"check rules \"{file}\"");
            Assert.True(code == 0, output);
            Assert.Contains($"SUCCESS: {expressions.Count} rules found", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The metric names the dashboard and the alert rules ask for (without a histogram's _bucket).</summary>
    internal static async Task<IReadOnlySet<string>> MetricNamesUsedAsync()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Deploy, "grafana", "aismonitor-dashboard.json")) + await File.ReadAllTextAsync(Path.Combine(Deploy, "prometheus", "aismonitor-rules.yml"));
        return MetricName().Matches(text).Select(m => Regex.Replace(m.Value, "_bucket$", string.Empty)).ToHashSet();
    }

    [GeneratedRegex(@"\$(\w+)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\baismonitor_[a-z_]+")]
    private static partial Regex MetricName();
}
