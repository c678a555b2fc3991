using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AisMonitor.Worker.Tests.Hosting;

/// <summary>
/// The review UI in a real headless Chromium (Debian's, driven by Playwright) against the real worker
/// fed the Angara reconstruction: sign in, the queue, a filter, an alert with its map, triage. A
/// screenshot of each step is kept in TestResults/review-ui/.
/// </summary>
public sealed partial class ReviewUiTests(ApiWorker api) : IClassFixture<ApiWorker>
{
    private static readonly string Screenshots = Path.Combine(Core.Tests.Support.TestData.RepositoryRoot, "TestResults", "review-ui");

    private static string Chromium => Environment.GetEnvironmentVariable("AISMONITOR_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    [Fact]
    public async Task An_analyst_signs_in_filters_the_queue_opens_a_gap_on_its_map_and_acknowledges_it_with_a_note()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is not at {Chromium}: ./test.sh installs Debian's chromium package (or set AISMONITOR_CHROMIUM).");
        Directory.CreateDirectory(Screenshots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { BaseURL = api.Worker.Address.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // The one expected refusal: the page asks who is signed in before anyone is (401, logged by the browser).
            if (message.Type == "error" && !(message.Text.Contains("401", StringComparison.Ordinal) && message.Location.StartsWith(api.Worker.Address + "api/session", StringComparison.Ordinal)))
            {
                problems.Add($"{message.Text} ({message.Location})"); // a script error, or anything the content security policy refused
            }
        };
        page.SetDefaultTimeout(15_000);

        // Signed out, the queue asks who you are.
        await page.GotoAsync("/");
        await page.GetByLabel("Name").FillAsync("ana");
        await page.GetByLabel("Password").FillAsync(ApiWorker.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var rows = page.Locator("table[aria-label=alerts] tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("ana (analyst)");
        var all = await rows.CountAsync();
        Assert.True(all >= 3, $"{all} alerts in the queue");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "1-queue.png"), FullPage = true });

        // A new alert written while the queue is open appears in it, marked.
        await using (var database = Storage.AisMonitorDataSource.Create(api.Connection))
        {
            var store = new Storage.AlertStore(database);
            var template = (await store.ReadAsync(new Storage.AlertQuery())).First(a => a.Kind == Core.Alerts.AlertKind.TransponderGap);
            await store.UpsertAsync([template with { Start = template.Start + NodaTime.Duration.FromDays(30), End = null }]);
        }

        await Assertions.Expect(page.Locator("table[aria-label=alerts] tbody tr.new-arrival")).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToHaveCountAsync(all + 1);
        all++;

        // Sorted by severity on the server, highest first, and the URL keeps the order.
        await page.GetByRole(AriaRole.Button, new() { Name = "Severity" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("sort=severity&order=desc"));
        await Assertions.Expect(page.Locator("th[aria-sort=descending]")).ToHaveTextAsync("Severity");
        var ranks = (await page.Locator("table[aria-label=alerts] tbody tr td:nth-child(1)").AllInnerTextsAsync()).Select(s => Array.IndexOf(["low", "medium", "high"], s)).ToList();
        Assert.Equal(all, ranks.Count);
        Assert.Equal(ranks.OrderDescending(), ranks);
        Assert.True(ranks.Distinct().Count() > 1, "the queue mixes severities");

        // A filter: only the gaps, and the URL keeps it (a view can be shared).
        await page.GetByLabel("kind").SelectOptionAsync("transponder_gap");
        await Assertions.Expect(page).ToHaveURLAsync(KindInUrl());
        await Assertions.Expect(rows).Not.ToHaveCountAsync(all);
        foreach (var kind in await page.Locator("table[aria-label=alerts] tbody tr td:nth-child(2)").AllInnerTextsAsync())
        {
            Assert.Equal("transponder gap", kind);
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "2-filtered.png"), FullPage = true });

        // A gap of the feed (closed; not the one written above): what fired and why, the map with the track, the silence as a dashed line, the archived positions around it.
        string closedGap;
        using (var viewer = api.Client(api.ViewerToken))
        {
            var gaps = (await viewer.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/alerts?kind=transponder_gap&limit=500"))!["rows"]!.AsArray();
            closedGap = gaps.First(g => g!["end"] is not null)!["id"]!.GetValue<string>();
        }

        await page.Locator($"table[aria-label=alerts] a[href='/alerts/{Uri.EscapeDataString(closedGap)}']").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What happened" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#map path.track-before")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#map path.gap")).ToHaveAttributeAsync("stroke-dasharray", "8 8");
        await Assertions.Expect(page.Locator("#map path.archived-track")).ToHaveCountAsync(1);
        Assert.True(await page.Locator("#map .leaflet-overlay-pane path").CountAsync() >= 3, "land, track and gap drawn");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "3-alert-map.png"), FullPage = true });

        // Triage: acknowledged with a note, and the history says who did it.
        var triage = page.GetByRole(AriaRole.Form, new() { Name = "triage" });
        await triage.Locator("select[name=status]").SelectOptionAsync("acknowledged");
        await triage.Locator("textarea[name=note]").FillAsync("Rajin reachable within the gap");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var history = page.Locator("ol[aria-label=history]");
        await Assertions.Expect(history).ToContainTextAsync("ana: status new → acknowledged");
        await Assertions.Expect(page.Locator("pre[aria-label=notes]")).ToHaveTextAsync("ana: Rajin reachable within the gap");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "4-acknowledged.png"), FullPage = true });

        // The vessel: its alerts, and a way back to each.
        await page.GetByRole(AriaRole.Link, new() { Name = "vessel ANGARA" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ANGARA · MMSI 273210440");
        await Assertions.Expect(page.Locator("ul[aria-label='alerts of the vessel'] li")).ToHaveCountAsync(all);
        await Assertions.Expect(page.Locator("#map path.vessel-track")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#main")).Not.ToContainTextAsync("null");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "5-vessel.png"), FullPage = true });

        // The dark port call: the area the vessel could reach in its silence, and the ports of concern within it.
        await page.GotoAsync("/?kind=possible_dark_port_call");
        await page.GetByRole(AriaRole.Link, new() { Name = "possible dark port call" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#map path.reachable")).ToHaveCountAsync(1);
        Assert.True(await page.Locator("#map path.port").CountAsync() >= 2, "the candidate ports drawn");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "6-dark-port-call.png"), FullPage = true });

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task An_admin_adds_a_user_and_uploads_a_watch_list_from_the_admin_page()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { BaseURL = api.Worker.Address.ToString() });
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("/admin");
        await page.GetByLabel("Name").FillAsync("adm");
        await page.GetByLabel("Password").FillAsync(ApiWorker.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin" })).ToBeVisibleAsync();

        var add = page.GetByRole(AriaRole.Form, new() { Name = "add a user" });
        await add.Locator("input[name=name]").FillAsync("gus");
        await add.Locator("select[name=role]").SelectOptionAsync("analyst");
        await add.Locator("input[name=password]").FillAsync("gus's long passphrase");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("role of gus")).ToHaveValueAsync("analyst");

        var csv = Path.Combine(api.Postgres.Folder, "desk2.csv");
        await File.WriteAllTextAsync(csv, "imo,name\n9074729,ANGARA\n");
        var upload = page.GetByRole(AriaRole.Form, new() { Name = "upload a watch list" });
        await upload.Locator("input[name=name]").FillAsync("desk2");
        await upload.Locator("input[name=file]").SetInputFilesAsync(csv);
        await upload.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        using var admin = api.Client(api.AdminToken);
        await api.Worker.WaitUntilAsync(async () => (await admin.GetStringAsync("/api/watch-lists")).Contains("\"desk2\"", StringComparison.Ordinal), "the uploaded list in force");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "watch lists" })).ToContainTextAsync("desk2");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "7-admin.png"), FullPage = true });
    }

    [GeneratedRegex("kind=transponder_gap")]
    private static partial Regex KindInUrl();
}
