using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AisMonitor.Storage;
using AisMonitor.Worker.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace AisMonitor.Worker.Tests.Hosting;

/// <summary>The real worker, fed the Angara reconstruction through a folder source, with three users: the API as each of them sees it.</summary>
public sealed class ApiWorker : IAsyncLifetime
{
    public const string Password = "a long enough passphrase";

    public LivePostgres Postgres { get; } = new();

    internal LiveWorker Worker { get; private set; } = null!;

    public string ViewerToken { get; private set; } = null!;

    public string AnalystToken { get; private set; } = null!;

    public string AdminToken { get; private set; } = null!;

    public string Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        var connection = Connection = await Postgres.CreateDatabaseAsync();
        await using (var database = AisMonitorDataSource.Create(connection))
        {
            await SchemaMigrator.MigrateAsync(database);
            var users = new UserStore(database);
            await users.AddAsync("viv", UserRole.Viewer, Password);
            await users.AddAsync("ana", UserRole.Analyst, Password);
            await users.AddAsync("adm", UserRole.Admin, Password);
            ViewerToken = await users.CreateTokenAsync("viv", "tests");
            AnalystToken = await users.CreateTokenAsync("ana", "tests");
            AdminToken = await users.CreateTokenAsync("adm", "tests");
        }

        var folder = Path.Combine(Postgres.Folder, "incoming");
        Directory.CreateDirectory(folder);
        var angara = Path.Combine(Core.Tests.Support.TestData.RepositoryRoot, "sample-tracks/angara-2024/angara-2024.nmea.gz");
        File.Copy(angara, Path.Combine(folder, "angara-2024.nmea.gz"));

        // The live worker archives no positions: a replay of the same feed does, for the maps' tracks (its alerts are the same ids).
        var replay = Commands.CommandRunner.Run($"replay \"{angara}\" --archive-positions --out \"{Path.Combine(Postgres.Folder, "replayed.jsonl")}\"",
            environment: new Dictionary<string, string> { ["ConnectionStrings__AisMonitor"] = connection, ["AisMonitor__DataFolder"] = Path.Combine(Postgres.Folder, "replay-data") });
        Assert.True(replay.ExitCode == 0, replay.StandardError);
        Worker = LiveWorker.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__AisMonitor"] = connection,
            ["AisMonitor__DataFolder"] = Path.Combine(Postgres.Folder, "data"),
            ["AisMonitor__Sources__0__Name"] = "archive",
            ["AisMonitor__Sources__0__Kind"] = "folder",
            ["AisMonitor__Sources__0__Path"] = folder,
            ["AisMonitor__Sources__0__PollInterval"] = "00:00:00.1",
            ["AisMonitor__Sources__0__Speed"] = "0",
            ["AisMonitor__Live__MaximumLag"] = "36500.00:00:00",
            ["AisMonitor__Live__CheckpointInterval"] = "00:00:01", // vessels are stored with each checkpoint
        });
        await Worker.WaitUntilAsync(() => Task.FromResult(Worker.Log.Contains("angara-2024.nmea.gz done", StringComparison.Ordinal)), "the Angara file read");
        await Worker.WaitUntilAsync(async () => (await LivePostgres.RowsAsync(connection, "SELECT count(*) FROM alert"))[0] != "0", "its alerts stored");
    }

    /// <summary>A client of the worker: with a token, or none; with a cookie jar for sessions.</summary>
    public HttpClient Client(string? token = null, string from = "127.0.0.1")
    {
        // From another loopback address when asked: a caller of its own for the per-address limits.
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            ConnectCallback = async (context, cancellation) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = Worker.Address, Timeout = TimeSpan.FromSeconds(10) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

public sealed class ApiTests(ApiWorker api) : IClassFixture<ApiWorker>
{
    private static readonly string[] Unsafe = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Every route of the API with its methods and the policy it requires, read from the same mapping the worker uses.</summary>
    private List<(string Method, string Path, string? Policy, bool Anonymous)> Routes()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddApiAccess(Path.Combine(api.Postgres.Folder, "routes"));
        var app = builder.Build();
        ApiRoutes.Map(app);
        return [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (
                m,
                "/" + e.RoutePattern.RawText!.TrimStart('/').Replace("{id}", "Gap:273456780:2024-01-01T00:00:00Z", StringComparison.Ordinal),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))];
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path) { Content = Unsafe.Contains(method) ? JsonContent.Create(new { }) : null };

    [Fact]
    public async Task Every_API_route_refuses_anonymous_requests_except_signing_in()
    {
        var routes = Routes();
        Assert.True(routes.Count >= 6, string.Join(", ", routes));
        using var anonymous = api.Client();
        foreach (var (method, path, _, open) in routes)
        {
            using var response = await anonymous.SendAsync(Request(method, path));
            if (open)
            {
                Assert.Equal(("POST", "/api/session"), (method, path)); // the only door, and it is rate limited
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Every_route_above_a_viewer_refuses_a_viewer_and_every_route_names_its_policy()
    {
        using var viewer = api.Client(api.ViewerToken);
        var routes = Routes();
        Assert.All(routes.Where(r => !r.Anonymous), r => Assert.Contains(r.Policy, new[] { ApiAccess.Viewer, ApiAccess.Analyst, ApiAccess.Admin }));
        var guarded = routes.Where(r => r.Policy is ApiAccess.Analyst or ApiAccess.Admin).ToList();
        Assert.NotEmpty(guarded);
        foreach (var (method, path, _, _) in guarded)
        {
            using var response = await viewer.SendAsync(Request(method, path));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_viewer_pages_through_the_Angara_alerts_newest_first_and_filters_them()
    {
        using var viewer = api.Client(api.ViewerToken);
        var all = await Page(viewer, "/api/alerts?limit=500");
        Assert.True(all.Count >= 3, $"{all.Count} alerts");
        Assert.Equal(all.OrderByDescending(a => a["start"]!.GetValue<string>(), StringComparer.Ordinal).ThenByDescending(a => a["id"]!.GetValue<string>(), StringComparer.Ordinal).Select(a => a["id"]!.GetValue<string>()), all.Select(a => a["id"]!.GetValue<string>()));

        // Pages of two, each after the cursor of the one before, give the same list.
        var paged = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var body = await viewer.GetFromJsonAsync<JsonObject>($"/api/alerts?limit=2{(cursor is null ? string.Empty : "&cursor=" + cursor)}");
            paged.AddRange(body!["rows"]!.AsArray()!.Select(r => r!));
            cursor = body["next"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.Equal(all.Select(a => a["id"]!.GetValue<string>()), paged.Select(a => a["id"]!.GetValue<string>()));

        var gaps = await Page(viewer, "/api/alerts?kind=transponder_gap&limit=500");
        Assert.NotEmpty(gaps);
        Assert.All(gaps, g => Assert.Equal("transponder_gap", g["kind"]!.GetValue<string>()));
        Assert.Equal(all.Count(a => a["kind"]!.GetValue<string>() == "transponder_gap"), gaps.Count);
        Assert.All(await Page(viewer, "/api/alerts?severity=high&limit=500"), a => Assert.Equal("high", a["severity"]!.GetValue<string>()));
        Assert.Empty(await Page(viewer, "/api/alerts?bbox=-10,-10,10,10"));

        using var bad = await viewer.GetAsync("/api/alerts?kind=gap");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("transponder_gap", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Sorted on the server: severity highest first, then newest; the oldest first; the wrong words refused.
        var rank = (JsonNode a) => Array.IndexOf(["low", "medium", "high"], a["severity"]!.GetValue<string>());
        var bySeverity = await Page(viewer, "/api/alerts?sort=severity&limit=500");
        Assert.Equal(all.OrderByDescending(rank).ThenByDescending(a => a["start"]!.GetValue<string>(), StringComparer.Ordinal).ThenByDescending(a => a["id"]!.GetValue<string>(), StringComparer.Ordinal).Select(a => a["id"]!.GetValue<string>()), bySeverity.Select(a => a["id"]!.GetValue<string>()));
        Assert.Equal(all.Select(a => a["id"]!.GetValue<string>()).Reverse(), (await Page(viewer, "/api/alerts?order=asc&limit=500")).Select(a => a["id"]!.GetValue<string>()));
        foreach (var wrong in new[] { "sort=score", "order=up" })
        {
            using var refused = await viewer.GetAsync("/api/alerts?" + wrong);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
    }

    [Fact]
    public async Task An_analyst_signs_in_acknowledges_an_alert_with_a_note_and_the_history_shows_who()
    {
        using var analyst = api.Client();
        using var signIn = await analyst.PostAsJsonAsync("/api/session", new { name = "ana", password = ApiWorker.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var session = (await signIn.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("analyst", session["role"]!.GetValue<string>());
        var alert = (await Page(analyst, "/api/alerts?limit=1"))[0]["id"]!.GetValue<string>();
        var triage = $"/api/alerts/{Uri.EscapeDataString(alert)}/triage";

        // With the cookie alone, as a page on another site could send it: refused.
        using (var forged = await analyst.PostAsJsonAsync(triage, new { status = "dismissed", dismissal_reason = "forged" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, triage) { Content = JsonContent.Create(new { status = "acknowledged", note = "Rajin reachable within the gap" }) };
        request.Headers.Add(ApiAccess.CsrfHeader, session["csrf_token"]!.GetValue<string>());
        using var acknowledged = await analyst.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);

        var detail = (await analyst.GetFromJsonAsync<JsonObject>($"/api/alerts/{Uri.EscapeDataString(alert)}"))!;
        Assert.Equal("acknowledged", detail["triage"]!["status"]!.GetValue<string>());
        Assert.Equal("ana: Rajin reachable within the gap", detail["triage"]!["notes"]!.GetValue<string>());
        var history = detail["history"]!.AsArray().Select(h => $"{h!["changed_by"]} {h["field"]} {h["to"]}").ToList();
        Assert.Contains("ana status acknowledged", history);
        Assert.Contains("ana notes ana: Rajin reachable within the gap", history);
        Assert.NotNull(detail["alert"]!["rules"]);

        // A form post from another site cannot sign in either: JSON only.
        using var form = await api.Client().PostAsync("/api/session", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "ana", ["password"] = ApiWorker.Password }));
        Assert.NotEqual(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task Signing_in_is_rate_limited_and_a_wrong_password_says_nothing_about_the_name()
    {
        using var client = api.Client(from: "127.0.0.2"); // its own address: the other tests sign in from 127.0.0.1
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/session", new { name = i % 2 == 0 ? "ana" : "nobody", password = "wrong password!" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Responses_carry_a_content_security_policy_without_inline_script()
    {
        using var client = api.Client(api.ViewerToken);
        foreach (var path in new[] { "/api/alerts", "/api/alerts/counts", "/healthz" })
        {
            using var response = await client.GetAsync(path);
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_filtered_queue_exports_as_GeoJSON_for_QGIS_and_as_CSV()
    {
        using var viewer = api.Client(api.ViewerToken);
        var gaps = await Page(viewer, "/api/alerts?kind=transponder_gap&limit=500");

        using var geo = await viewer.GetAsync("/api/alerts/export?format=geojson&kind=transponder_gap");
        Assert.Equal("application/geo+json", geo.Content.Headers.ContentType!.MediaType);
        var features = JsonNode.Parse(await geo.Content.ReadAsStringAsync())!["features"]!.AsArray();
        Assert.Equal(gaps.Select(g => g["id"]!.GetValue<string>()).ToHashSet(), features.Select(f => (f!["properties"]!["id"] ?? f["properties"]!["alert_id"])!.GetValue<string>()).ToHashSet()); // alerts, and a gap's positions as points
        Assert.Contains(features, f => f!["geometry"]!["type"]!.GetValue<string>() == "LineString"); // the gap, from where it went quiet to where it came back

        using var csv = await viewer.GetAsync("/api/alerts/export?format=csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal((await Page(viewer, "/api/alerts?limit=500")).Count, lines.Length - 1);
        Assert.StartsWith("id,", lines[0], StringComparison.Ordinal);
        using var bad = await viewer.GetAsync("/api/alerts/export?format=xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_vessel_page_has_its_alerts_and_an_unknown_vessel_is_404()
    {
        using var viewer = api.Client(api.ViewerToken);
        var alert = (await Page(viewer, "/api/alerts?limit=1"))[0];
        var mmsi = alert["mmsi"]!.GetValue<long>();

        // Its identity is stored with the worker's checkpoints (every second here).
        JsonObject vessel = null!;
        await api.Worker.WaitUntilAsync(async () => (vessel = (await viewer.GetFromJsonAsync<JsonObject>($"/api/vessels/{mmsi}"))!)["vessel"] is not null, "the vessel stored");
        Assert.Equal("ANGARA", vessel["vessel"]!["name"]!.GetValue<string>());
        Assert.NotNull(vessel["vessel"]!["last_seen"]);

        var alerts = vessel["alerts"]!["rows"]!.AsArray();
        Assert.NotEmpty(alerts);
        Assert.All(alerts, a => Assert.Equal(mmsi, a!["mmsi"]!.GetValue<long>()));
        Assert.NotNull(vessel["port_calls"]);

        // Its archived track (the fixture replayed the feed with --archive-positions), oldest first.
        var track = vessel["track"]!.AsArray().Select(p => p!["time"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.True(track.Count > 100, $"{track.Count} archived positions");
        Assert.Equal(track.Order(), track);
        using var unknown = await viewer.GetAsync("/api/vessels/123456789");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_new_alert_arrives_as_a_server_event_with_its_id()
    {
        using var viewer = api.Client(api.ViewerToken);
        using var events = await viewer.GetAsync("/api/alerts/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());

        // Written as detection writes it, after the listener is in place (the response has started).
        var written = (await Page(viewer, "/api/alerts?limit=1"))[0]["id"]!.GetValue<string>();
        await Task.Delay(500);
        await LivePostgres.RowsAsync(api.Connection, $"UPDATE alert SET stored_last = now() WHERE id = '{written}' RETURNING id");

        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!lines.Contains($"data: {written}") && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
        }

        Assert.Contains("event: alert", lines);
        Assert.Contains($"data: {written}", lines);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_routes_and_is_not_anonymous()
    {
        using var viewer = api.Client(api.ViewerToken);
        var document = (await viewer.GetFromJsonAsync<JsonObject>("/api/openapi.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains(paths, p => p.StartsWith("/api/alerts", StringComparison.Ordinal));
        Assert.Contains("/api/session", paths);
        using var anonymous = await api.Client().GetAsync("/api/openapi.json");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_admin_adds_a_user_who_can_then_sign_in_and_cannot_lock_themselves_out()
    {
        using var admin = api.Client(api.AdminToken);
        var before = (await admin.GetFromJsonAsync<JsonArray>("/api/users"))!.Select(u => u!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("adm", before);

        using (var added = await admin.PostAsJsonAsync("/api/users", new { name = "eve", role = "viewer", password = "eve's long passphrase" }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        using (var again = await admin.PostAsJsonAsync("/api/users", new { name = "eve", role = "viewer", password = "eve's long passphrase" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        using (var weak = await admin.PostAsJsonAsync("/api/users", new { name = "fay", role = "viewer", password = "short" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        }

        using (var signIn = await api.Client(from: "127.0.0.3").PostAsJsonAsync("/api/session", new { name = "eve", password = "eve's long passphrase" }))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        using (var self = await admin.PostAsJsonAsync("/api/users/adm", new { disabled = true }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        }

        using (var disable = await admin.PostAsJsonAsync("/api/users/eve", new { disabled = true }))
        {
            Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
        }

        using var refused = await api.Client(from: "127.0.0.3").PostAsJsonAsync("/api/session", new { name = "eve", password = "eve's long passphrase" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task An_admin_uploads_a_watch_list_that_comes_into_force_and_deletes_it()
    {
        using var admin = api.Client(api.AdminToken);
        async Task<List<string>> InForce() => [.. (await admin.GetFromJsonAsync<JsonArray>("/api/watch-lists"))!.Select(l => l!["name"]!.GetValue<string>())];
        Assert.Contains("OFAC SDN", await InForce());

        using (var bad = await admin.PutAsync("/api/watch-lists/desk", new StringContent("name,flag\nSOME SHIP,KP\n")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("no 'imo' or 'mmsi' column", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var put = await admin.PutAsync("/api/watch-lists/desk", new StringContent("mmsi,name\n273210440,ANGARA\n477123400,SOME TANKER\n")))
        {
            Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
            Assert.Equal(2, (await put.Content.ReadFromJsonAsync<JsonObject>())!["entries"]!.GetValue<int>());
        }

        await api.Worker.WaitUntilAsync(async () => (await InForce()).Contains("desk"), "the uploaded list in force");
        using (var delete = await admin.DeleteAsync("/api/watch-lists/desk"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        await api.Worker.WaitUntilAsync(async () => !(await InForce()).Contains("desk"), "the deleted list out of force");
        using var traversal = await admin.DeleteAsync("/api/watch-lists/..%2Fkeys");
        Assert.True(traversal.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, traversal.StatusCode.ToString());
    }

    private static async Task<List<JsonNode>> Page(HttpClient client, string path)
    {
        var body = await client.GetFromJsonAsync<JsonObject>(path);
        return [.. body!["rows"]!.AsArray()!.Select(r => r!)];
    }
}
