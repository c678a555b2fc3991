using System.Globalization;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Storage;
using AisMonitor.Worker.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AisMonitor.Worker.Api;

/// <summary>
/// The alert queue over HTTP: <c>GET /api/alerts</c> (filters, newest first, keyset pages),
/// <c>GET /api/alerts/counts</c>, <c>GET /api/alerts/{id}</c> (evidence, triage, history) for every
/// user; <c>POST /api/alerts/{id}/triage</c> for analysts. JSON in snake_case, as the alerts files.
/// </summary>
internal static class AlertsApi
{
    private const int DefaultPageSize = 50;
    private const int MaximumExported = 100_000;

    public static void MapAlerts(this IEndpointRouteBuilder routes)
    {
        var alerts = routes.MapGroup("/api/alerts");
        alerts.MapGet("/", async (HttpRequest request, AlertQueueReader queue) =>
        {
            var q = request.Query;
            var filter = Filter(q);
            var limit = q["limit"].ToString() is { Length: > 0 } l
                ? int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= AlertQueueReader.MaximumPageSize ? size : throw Bad($"limit is 1 to {AlertQueueReader.MaximumPageSize}")
                : DefaultPageSize;
            var page = await queue.PageAsync(filter, Order(q), q["cursor"].ToString() is { Length: > 0 } c ? c : null, limit, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return Results.Json(page, AlertJson.Options);
        }).RequireAuthorization(ApiAccess.Viewer);

        alerts.MapGet("/export", async (HttpRequest request, AlertQueueReader queue) =>
        {
            var format = request.Query["format"].ToString() is { Length: > 0 } f ? f : "geojson";
            if (format is not ("geojson" or "csv"))
            {
                throw Bad("format is geojson or csv");
            }

            var selected = await queue.AlertsAsync(Filter(request.Query), Order(request.Query), MaximumExported, request.HttpContext.RequestAborted).ConfigureAwait(false);
            request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"aismonitor-alerts.{format}\"";
            return format == "csv"
                ? Results.Text(AlertsCommand.Csv(selected), "text/csv; charset=utf-8")
                : Results.Text(AlertsCommand.GeoJson(selected), "application/geo+json; charset=utf-8");
        }).RequireAuthorization(ApiAccess.Viewer);

        routes.MapGet("/api/vessels/{mmsi:int}", async (int mmsi, VesselReader vessels, AlertQueueReader queue, HttpContext context) =>
        {
            var page = await queue.PageAsync(new QueueFilter { Alerts = new AlertQuery { Mmsi = new Mmsi((uint)mmsi) } }, null, DefaultPageSize, context.RequestAborted).ConfigureAwait(false);
            var detail = await vessels.DetailJsonAsync(mmsi, context.RequestAborted).ConfigureAwait(false);
            if (detail is null && page.Rows.Count == 0)
            {
                return Results.Json(new { error = $"nothing is known of MMSI {mmsi}" }, statusCode: StatusCodes.Status404NotFound);
            }

            var body = detail is null ? new System.Text.Json.Nodes.JsonObject { ["vessel"] = null, ["identity_changes"] = new System.Text.Json.Nodes.JsonArray(), ["port_calls"] = new System.Text.Json.Nodes.JsonArray(), ["track"] = new System.Text.Json.Nodes.JsonArray() } : System.Text.Json.Nodes.JsonNode.Parse(detail)!.AsObject();
            body["alerts"] = System.Text.Json.JsonSerializer.SerializeToNode(page, AlertJson.Options);
            return Results.Text(body.ToJsonString(), "application/json; charset=utf-8");
        }).RequireAuthorization(ApiAccess.Viewer);

        alerts.MapGet("/events", (HttpContext context) => AlertEvents(context)).RequireAuthorization(ApiAccess.Viewer);

        alerts.MapGet("/counts", async (AlertQueueReader queue, HttpContext context) =>
            Results.Json(await queue.CountsByStatusAsync(context.RequestAborted).ConfigureAwait(false), AlertJson.Options)).RequireAuthorization(ApiAccess.Viewer);

        alerts.MapGet("/{id}", async (string id, AlertQueueReader queue, HttpContext context) =>
            await queue.DetailAsync(id, context.RequestAborted).ConfigureAwait(false) is { } detail
                ? Results.Json(detail, AlertJson.Options)
                : Results.Json(new { error = $"no alert {id}" }, statusCode: StatusCodes.Status404NotFound)).RequireAuthorization(ApiAccess.Viewer);

        alerts.MapPost("/{id}/triage", async (string id, Triage body, AlertStore store, AlertQueueReader queue, HttpContext context) =>
        {
            if (body.Status is { } status && !AlertQueueReader.Statuses.Contains(status))
            {
                throw Bad($"status is one of {string.Join(", ", AlertQueueReader.Statuses)}");
            }

            if (body.Status == "dismissed" && string.IsNullOrWhiteSpace(body.DismissalReason))
            {
                throw Bad("a dismissal needs a dismissal_reason");
            }

            try
            {
                await store.UpdateTriageAsync(id, new TriageChange(context.User.Name(), body.Status, body.DismissalReason, body.Assignee, AddNote: body.Note), context.RequestAborted).ConfigureAwait(false);
            }
            catch (KeyNotFoundException)
            {
                return Results.Json(new { error = $"no alert {id}" }, statusCode: StatusCodes.Status404NotFound);
            }

            return Results.Json(await queue.DetailAsync(id, context.RequestAborted).ConfigureAwait(false), AlertJson.Options);
        }).RequireAuthorization(ApiAccess.Analyst);
    }

    /// <summary>
    /// Server-sent events: the id of every alert written from now on (<c>event: alert</c>), as the database
    /// announces it (<c>LISTEN aismonitor_alert</c>, a trigger on the alert table), and a comment every
    /// 15 s so that proxies keep the stream open. One database connection per listener, held while it stays.
    /// </summary>
    private static async Task AlertEvents(HttpContext context)
    {
        var cancellation = context.RequestAborted;
        var written = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var database = context.RequestServices.GetRequiredService<Hosting.DatabaseService>().Database.DataSource;
        await using var connection = await database.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        connection.Notification += (_, e) => written.Writer.TryWrite(e.Payload);
        await using (var listen = new Npgsql.NpgsqlCommand("LISTEN aismonitor_alert", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsync(": listening\n\n", cancellation).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellation).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var heard = await connection.WaitAsync(TimeSpan.FromSeconds(15), cancellation).ConfigureAwait(false);
                var text = new System.Text.StringBuilder(heard ? string.Empty : ": still here\n\n");
                while (written.Reader.TryRead(out var id))
                {
                    text.Append("event: alert\ndata: ").Append(id).Append("\n\n");
                }

                await context.Response.WriteAsync(text.ToString(), cancellation).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(cancellation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // the client went away
        }
    }

    /// <summary>The queue's filters from a query string (400 with what to fix when one is wrong).</summary>
    private static QueueFilter Filter(IQueryCollection q) =>
        new QueueFilter
        {
            Alerts = new AlertQuery
            {
                Kind = q["kind"].ToString() is { Length: > 0 } k ? Kind(k) : null,
                MinimumSeverity = q["severity"].ToString() is { Length: > 0 } s ? Enum.TryParse<Severity>(s, ignoreCase: true, out var severity) && !int.TryParse(s, out _) ? severity : throw Bad("severity is low, medium or high (that or higher)") : null,
                Mmsi = q["mmsi"].ToString() is { Length: > 0 } m ? Mmsi.TryParse(m, out var mmsi) ? mmsi : throw Bad("mmsi is a number of up to 9 digits") : null,
                From = Instant(q["from"], "from"),
                To = Instant(q["to"], "to"),
            },
            Status = q["status"].ToString() is { Length: > 0 } st ? AlertQueueReader.Statuses.Contains(st) ? st : throw Bad($"status is one of {string.Join(", ", AlertQueueReader.Statuses)}") : null,
            Imo = q["imo"].ToString() is { Length: > 0 } i ? int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var imo) ? imo : throw Bad("imo is a 7-digit number") : null,
            Name = q["name"].ToString() is { Length: > 0 } n ? n : null,
            Bounds = q["bbox"].ToString() is { Length: > 0 } box ? CommandLineChecks.ParseBounds(box, "bbox") : null,
            WatchListed = q["watch_listed"].ToString() is "true" or "1",
        };

    /// <summary>The queue's order from a query string: <c>sort</c> (start, severity, updated) and <c>order</c> (desc, the default, or asc).</summary>
    private static QueueOrder Order(IQueryCollection q) => new(
        q["sort"].ToString() is { Length: > 0 } sort ? QueueOrder.ParseSort(sort) ?? throw Bad("sort is start, severity or updated") : QueueSort.Start,
        q["order"].ToString() switch { "" or "desc" => false, "asc" => true, _ => throw Bad("order is desc or asc") });

    /// <summary>Turns a bad query or body into 400 with what to fix.</summary>
    public static void UseBadRequests(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (ArgumentException e) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new { error = e.Message }).ConfigureAwait(false);
            }
        });

    private static ArgumentException Bad(string what) => new(what);

    private static AlertKind Kind(string text) =>
        Enum.GetValues<AlertKind>().Where(v => AlertJson.KindName(v) == text).Select(v => (AlertKind?)v).SingleOrDefault()
        ?? throw Bad($"kind is one of {string.Join(", ", Enum.GetValues<AlertKind>().Select(AlertJson.KindName))}");

    private static NodaTime.Instant? Instant(string? text, string name) =>
        string.IsNullOrEmpty(text) ? null : CommandLineChecks.ParseInstant(text, name);


    /// <summary>A triage action: a new status (a dismissal with its reason), an assignee, a note to add.</summary>
    internal sealed record Triage(string? Status, string? DismissalReason, string? Assignee, string? Note);
}

/// <summary>Every route of the API, mapped in one place (a test enumerates them to check that none is open to anonymous or under-privileged callers).</summary>
internal static class ApiRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapSession();
        routes.MapAlerts();
        routes.MapUsers();
        routes.MapWatchLists();
        routes.MapOpenApi("/api/openapi.json").RequireAuthorization(ApiAccess.Viewer);
    }
}
