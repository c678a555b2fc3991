using System.Text.Json;
using AisMonitor.Core.Alerts;
using AisMonitor.Storage;
using AisMonitor.Worker.Tests.Hosting;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary><c>aismonitor alerts list|show|ack|dismiss|note|assign</c>: the real executable on the Angara alerts in a real PostgreSQL.</summary>
public sealed class AlertsQueueCommandTests(LivePostgres postgres) : IClassFixture<LivePostgres>
{
    private async Task<Dictionary<string, string>> AngaraDatabaseAsync()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await using var database = AisMonitorDataSource.Create(connection);
        await SchemaMigrator.MigrateAsync(database);
        var alerts = File.ReadLines(Path.Combine(Core.Tests.Support.TestData.RepositoryRoot, "sample-tracks/angara-2024/approved.alerts.jsonl"))
            .Select(l => JsonSerializer.Deserialize<Alert>(l, AlertJson.Options)!).ToList();
        await new AlertStore(database).UpsertAsync(alerts);
        return new Dictionary<string, string> { ["ConnectionStrings__AisMonitor"] = connection };
    }

    [Fact]
    public async Task An_analyst_in_a_terminal_lists_the_gaps_acknowledges_one_with_a_note_and_sees_it_in_its_history()
    {
        var environment = await AngaraDatabaseAsync();

        var list = CommandRunner.Run("alerts list --kind transponder_gap", environment: environment);
        Assert.True(list.ExitCode == 0, list.StandardError);
        var rows = list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(rows, r => Assert.Equal("transponder_gap", r.Split('\t')[2]));
        var id = Assert.Single(rows).Split('\t')[0];

        var ack = CommandRunner.Run($"alerts ack {id} --note \"Rajin within reach\" --as ana", environment: environment);
        Assert.True(ack.ExitCode == 0, ack.StandardError);
        Assert.Equal(0, CommandRunner.Run($"alerts assign {id} --to desk-2 --as ana", environment: environment).ExitCode);

        var show = CommandRunner.Run($"alerts show {id}", environment: environment).StandardOutput;
        Assert.Contains("triage: acknowledged, assigned to desk-2", show, StringComparison.Ordinal);
        Assert.Contains("ana: Rajin within reach", show, StringComparison.Ordinal);
        Assert.Contains("ana: status new → acknowledged", show, StringComparison.Ordinal);
        Assert.Contains($"{id}\t", CommandRunner.Run("alerts list --status acknowledged", environment: environment).StandardOutput, StringComparison.Ordinal);

        // The API's other filters and orders, the same in a terminal.
        var all = CommandRunner.Run("alerts list --limit 500", environment: environment).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var angara = CommandRunner.Run("alerts list --imo 9179842 --name ang --bbox 20,110,50,140 --sort severity", environment: environment);
        Assert.True(angara.ExitCode == 0, angara.StandardError);
        var severities = angara.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => Array.IndexOf(["low", "medium", "high"], r.Split('\t')[1])).ToList();
        Assert.NotEmpty(severities);
        Assert.Equal(severities.OrderDescending(), severities);
        Assert.Empty(CommandRunner.Run("alerts list --bbox -10,-10,10,10", environment: environment).StandardOutput.Trim());
        await using (var database = Storage.AisMonitorDataSource.Create(environment["ConnectionStrings__AisMonitor"]))
        {
            // Every Angara alert cites OFAC: one of another vessel that cites no list.
            var store = new Storage.AlertStore(database);
            var template = (await store.ReadAsync(new Storage.AlertQuery()))[0];
            await store.UpsertAsync([template with { Mmsi = new Core.Ais.Mmsi(211000001), Imo = null, VesselName = "UNLISTED", WatchLists = null }]);
        }

        var listed = CommandRunner.Run("alerts list --watch-listed --limit 500", environment: environment).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(all.Length, listed.Length);
        Assert.DoesNotContain(listed, r => r.Contains("UNLISTED", StringComparison.Ordinal));
        Assert.Contains("UNLISTED", CommandRunner.Run("alerts list --limit 500", environment: environment).StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alerts dismiss {0}", "--reason")] // a dismissal says why
    [InlineData("alerts show no-such-alert", "No alert no-such-alert")]
    [InlineData("alerts ack no-such-alert", "No alert no-such-alert")]
    [InlineData("alerts list --status open", "open")]
    [InlineData("alerts list --bbox 1,2,3", "--bbox is south,west,north,east")]
    public async Task A_mistake_is_one_line_that_says_what_to_fix_and_exit_2(string arguments, string expected)
    {
        var environment = await AngaraDatabaseAsync();
        var id = CommandRunner.Run("alerts list --limit 1", environment: environment).StandardOutput.Split('\t')[0];

        var (exitCode, _, error) = CommandRunner.Run(string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, id), environment: environment);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
