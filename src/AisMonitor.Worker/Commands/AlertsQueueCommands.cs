using System.CommandLine;
using System.Globalization;
using AisMonitor.Storage;
using NodaTime.Text;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// <c>aismonitor alerts list|show|ack|escalate|dismiss|resolve|note|assign</c>: the analysts' queue
/// and triage for people who live in a terminal, on the same stores as the API. Triage is recorded
/// in the alert's history under <c>--as</c> (default: the operating-system user).
/// </summary>
internal static class AlertsQueueCommands
{
    public static void AddTo(Command alerts)
    {
        var filters = new AlertFilterOptions();
        var status = new Option<string?>("--status") { Description = $"Only this triage status ({string.Join(", ", AlertQueueReader.Statuses)})." };
        status.AcceptOnlyFromAmong([.. AlertQueueReader.Statuses]);
        var limit = new Option<int>("--limit") { Description = $"How many (1 to {AlertQueueReader.MaximumPageSize}).", DefaultValueFactory = _ => 50 };
        var sort = new Option<string>("--sort") { Description = "Sorted by start, severity (then start) or updated (detection's latest update), highest or latest first.", DefaultValueFactory = _ => "start" };
        sort.AcceptOnlyFromAmong([.. Enum.GetValues<QueueSort>().Select(QueueOrder.Name)]);
        var ascending = new Option<bool>("--ascending") { Description = "Lowest or oldest first." };
        var cursor = new Option<string?>("--after") { Description = "The cursor a previous list printed: the next page." };
        var imo = new Option<int?>("--imo") { Description = "Only this IMO number." };
        var name = new Option<string?>("--name") { Description = "Only vessels whose name starts so (any case)." };
        var bbox = new Option<string?>("--bbox") { Description = "Only alerts located in south,west,north,east (degrees; west above east crosses the antimeridian)." };
        var watchListed = new Option<bool>("--watch-listed") { Description = "Only alerts that cite a watch-list entry." };
        alerts.Subcommands.Add(DatabaseCommand.Create("list", "List the queue, newest first unless --sort says otherwise, one alert per line (tab-separated: id, severity, kind, status, start, vessel).", [.. filters.All, status, imo, name, bbox, watchListed, sort, ascending, limit, cursor], async (result, database, cancellation) =>
        {
            var order = new QueueOrder(QueueOrder.ParseSort(result.GetValue(sort)!)!.Value, result.GetValue(ascending));
            var filter = new QueueFilter
            {
                Alerts = filters.Query(result), Status = result.GetValue(status), Imo = result.GetValue(imo), Name = result.GetValue(name), WatchListed = result.GetValue(watchListed),
                Bounds = result.GetValue(bbox) is { } box ? CommandLineChecks.ParseBounds(box, "--bbox") : null,
            };
            var page = await new AlertQueueReader(database.DataSource).PageAsync(filter, order, result.GetValue(cursor), result.GetValue(limit), cancellation);
            foreach (var row in page.Rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Id}\t{row.Severity}\t{row.Kind}\t{row.Status}\t{InstantPattern.General.Format(row.Start)}\t{row.Mmsi} {row.VesselName}"));
            }

            Console.Error.WriteLine(page.Next is { } next ? $"more: --after {next}{(order == QueueOrder.Default ? string.Empty : $" --sort {QueueOrder.Name(order.Sort)}{(order.Ascending ? " --ascending" : string.Empty)}")}" : $"{page.Rows.Count} alerts");
        }));

        var showId = Id();
        alerts.Subcommands.Add(DatabaseCommand.Create("show", "An alert: what, when, where and why, its triage and the history of it.", [showId], async (result, database, cancellation) =>
        {
            var detail = await new AlertQueueReader(database.DataSource).DetailAsync(result.GetValue(showId)!, cancellation) ?? throw new KeyNotFoundException($"No alert {result.GetValue(showId)}.");
            Console.Write(AlertsCommand.Text([detail.Alert]));
            var t = detail.Triage;
            Console.WriteLine($"triage: {t.Status}{(t.DismissalReason is { } r ? $" ({r})" : string.Empty)}{(t.Assignee is { } a ? $", assigned to {a}" : string.Empty)}");
            if (t.Notes is { Length: > 0 } notes)
            {
                Console.WriteLine("notes:\n  " + notes.Replace("\n", "\n  ", StringComparison.Ordinal));
            }

            foreach (var change in detail.History)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {change.ChangedAt:yyyy-MM-dd HH:mm} {change.ChangedBy}: {change.Field} {change.From ?? "–"} → {change.To ?? "–"}"));
            }
        }));

        foreach (var (verb, to, what) in new[] { ("ack", "acknowledged", "Acknowledge"), ("escalate", "escalated", "Escalate"), ("resolve", "resolved", "Resolve") })
        {
            alerts.Subcommands.Add(Triage(verb, $"{what} an alert, with a note if given.", to));
        }

        alerts.Subcommands.Add(Triage("dismiss", "Dismiss an alert: --reason says why (required).", "dismissed", reasonRequired: true));
        alerts.Subcommands.Add(Triage("note", "Add a note to an alert (--note).", status: null, noteRequired: true));
        alerts.Subcommands.Add(Triage("assign", "Assign an alert to someone (--to).", status: null, assign: true));
    }

    private static Argument<string> Id() => new("ID") { Description = "The alert's id, as 'alerts list' prints it." };

    private static Command Triage(string verb, string description, string? status, bool reasonRequired = false, bool noteRequired = false, bool assign = false)
    {
        var id = Id();
        var note = new Option<string?>("--note") { Description = "A note added to the alert's notes.", Required = noteRequired };
        var reason = new Option<string?>("--reason") { Description = "Why it is dismissed.", Required = reasonRequired };
        var assignee = new Option<string?>("--to") { Description = "Who works on it.", Required = assign };
        var who = new Option<string?>("--as") { Description = "Who does it, as recorded in the history (default: the operating-system user)." };
        Symbol[] symbols = [id, note, who, .. reasonRequired ? [reason] : Array.Empty<Symbol>(), .. assign ? [assignee] : Array.Empty<Symbol>()];
        return DatabaseCommand.Create(verb, description, symbols, async (result, database, cancellation) =>
        {
            var by = result.GetValue(who) is { Length: > 0 } named ? named : Environment.UserName;
            var change = new TriageChange(by, status, result.GetValue(reason), result.GetValue(assignee), AddNote: result.GetValue(note));
            await new AlertStore(database.DataSource).UpdateTriageAsync(result.GetValue(id)!, change, cancellation);
            Console.Error.WriteLine($"{result.GetValue(id)}: {status ?? (assign ? "assigned to " + result.GetValue(assignee) : "note added")} (by {by})");
        });
    }
}
