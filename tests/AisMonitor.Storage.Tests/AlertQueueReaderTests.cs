using System.Text.Json;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Tests.Support;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AlertQueueReaderTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_alert_s_detail_has_the_vessel_s_archived_track_from_twelve_hours_before_to_twelve_after()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var angara = SampleAlerts.Angara();
        await new AlertStore(database).UpsertAsync(angara);
        var gap = angara.Single(a => a.Gap is not null);
        var hour = Duration.FromHours(1);
        TrackPoint At(Instant time, double latitude) => new(time, latitude, 132.3, 10.5, TrackPointQuality.Good);
        var archive = new PositionArchive(database, retentionDays: 3650);
        await archive.WriteAsync(
        [
            (gap.Mmsi, At(gap.Start - (hour * 13), 42.0)), // before the margin
            (gap.Mmsi, At(gap.Start - (hour * 11), 42.1)),
            (gap.Mmsi, At(gap.End!.Value + (hour * 11), 34.8)),
            (gap.Mmsi, At(gap.End.Value + (hour * 13), 34.9)), // after it
            (new Core.Ais.Mmsi(gap.Mmsi.Value + 1), At(gap.Start, 40.0)), // another vessel
        ]);

        var detail = await new AlertQueueReader(database).DetailAsync(gap.Id);

        Assert.Equal([42.1, 34.8], detail!.Track.Select(p => p.LatitudeDegrees));
        Assert.Equal("new", detail.Triage.Status);
    }

    [Theory]
    [InlineData(QueueSort.Start, false)]
    [InlineData(QueueSort.Start, true)]
    [InlineData(QueueSort.Severity, false)]
    [InlineData(QueueSort.Severity, true)]
    [InlineData(QueueSort.Updated, false)]
    [InlineData(QueueSort.Updated, true)]
    public async Task Pages_in_each_order_follow_one_another_with_no_alert_missed_or_repeated(QueueSort sort, bool ascending)
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var template = SampleAlerts.Angara()[0];
        var random = new Random(7);
        var origin = Instant.FromUtc(2024, 1, 1, 0, 0);

        // Ties on purpose: 40 starts for 90 alerts, 3 severities, 20 update times, so every order's later keys decide.
        var alerts = Enumerable.Range(0, 90).Select(i =>
        {
            var start = origin + Duration.FromHours(random.Next(40));
            return template with
            {
                Mmsi = new Core.Ais.Mmsi((uint)(273_000_000 + i)), Start = start, End = start + Duration.FromHours(30), FirstRaised = start,
                LastUpdated = origin + Duration.FromDays(2 + random.Next(20)), Severity = (Severity)random.Next(3),
            };
        }).ToList();
        await new AlertStore(database).UpsertAsync(alerts);
        var queue = new AlertQueueReader(database);
        var order = new QueueOrder(sort, ascending);

        var read = new List<QueueRow>();
        string? cursor = null;
        do
        {
            var page = await queue.PageAsync(new QueueFilter(), order, cursor, 7);
            read.AddRange(page.Rows);
            cursor = page.Next;
        }
        while (cursor is not null);

        IOrderedEnumerable<Alert> Sorted(IEnumerable<Alert> all) => (sort, ascending) switch
        {
            (QueueSort.Severity, false) => all.OrderByDescending(a => a.Severity).ThenByDescending(a => a.Start),
            (QueueSort.Severity, true) => all.OrderBy(a => a.Severity).ThenBy(a => a.Start),
            (QueueSort.Updated, false) => all.OrderByDescending(a => a.LastUpdated),
            (QueueSort.Updated, true) => all.OrderBy(a => a.LastUpdated),
            (_, false) => all.OrderByDescending(a => a.Start),
            _ => all.OrderBy(a => a.Start),
        };
        var expected = ascending ? Sorted(alerts).ThenBy(a => a.Id, StringComparer.Ordinal) : Sorted(alerts).ThenByDescending(a => a.Id, StringComparer.Ordinal);
        Assert.Equal(expected.Select(a => a.Id), read.Select(r => r.Id));
    }

    [Fact]
    public async Task A_cursor_is_refused_under_another_order_than_the_one_that_gave_it()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var angara = SampleAlerts.Angara();
        await new AlertStore(database).UpsertAsync(angara);
        var queue = new AlertQueueReader(database);
        var first = await queue.PageAsync(new QueueFilter(), new QueueOrder(QueueSort.Severity), null, 1);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => queue.PageAsync(new QueueFilter(), QueueOrder.Default, first.Next, 1));

        Assert.Contains("severity desc", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => queue.PageAsync(new QueueFilter(), QueueOrder.Default, "bm90IGEgY3Vyc29y", 1));
    }

    [Fact]
    public async Task The_status_filter_follows_triage_and_a_re_run_of_detection_leaves_it_alone()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var angara = SampleAlerts.Angara();
        var store = new AlertStore(database);
        await store.UpsertAsync(angara);
        var queue = new AlertQueueReader(database);
        var (escalated, dismissed) = (angara[0], angara[1]);

        await store.UpdateTriageAsync(escalated.Id, new TriageChange("ana", Status: "escalated"));
        await store.UpdateTriageAsync(dismissed.Id, new TriageChange("ana", Status: "dismissed", DismissalReason: "a known coverage hole"));
        await store.UpdateTriageAsync(dismissed.Id, new TriageChange("ana", Assignee: "bo")); // not a status change
        await store.UpsertAsync(angara.Select(a => a with { LastUpdated = a.LastUpdated + Duration.FromHours(1) }).ToList()); // detection again

        async Task<string[]> Ids(string status) => [.. (await queue.PageAsync(new QueueFilter { Status = status }, QueueOrder.Default, null, 100)).Rows.Select(r => r.Id)];
        Assert.Equal([escalated.Id], await Ids("escalated"));
        Assert.Equal([dismissed.Id], await Ids("dismissed"));
        Assert.Equal(angara.Count - 2, (await Ids("new")).Length);
        var counts = await queue.CountsByStatusAsync();
        Assert.Equal((angara.Count - 2, 1L, 1L, 0L), (counts["new"], counts["escalated"], counts["dismissed"], counts["resolved"]));
        Assert.Equal("escalated", (await queue.PageAsync(new QueueFilter(), new QueueOrder(QueueSort.Severity), null, 100)).Rows.Single(r => r.Id == escalated.Id).Status);
    }
}
