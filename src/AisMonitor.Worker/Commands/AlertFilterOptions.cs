using System.CommandLine;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Storage;

namespace AisMonitor.Worker.Commands;

/// <summary>The alert filters of the command line (<c>alerts export</c>, <c>alerts list</c>), the same as the API's.</summary>
internal sealed class AlertFilterOptions
{
    private readonly Option<string?> _kind = new("--kind") { Description = $"Only this kind ({string.Join(", ", Enum.GetValues<AlertKind>().Select(AlertJson.KindName))})." };
    private readonly Option<string?> _severity = new("--severity") { Description = "Only this severity or higher: low, medium or high." };
    private readonly Option<string?> _mmsi = new("--mmsi") { Description = "Only this vessel." };
    private readonly Option<string?> _from = new("--from") { Description = "Only alerts starting at or after this instant (ISO-8601 UTC)." };
    private readonly Option<string?> _to = new("--to") { Description = "Only alerts starting before this instant." };

    public AlertFilterOptions()
    {
        _kind.AcceptOnlyFromAmong(Enum.GetValues<AlertKind>().Select(AlertJson.KindName).ToArray());
        _severity.AcceptOnlyFromAmong("low", "medium", "high");
    }

    public IEnumerable<Option> All => [_kind, _severity, _mmsi, _from, _to];

    public AlertQuery Query(ParseResult result) => new()
    {
        Kind = result.GetValue(_kind) is { } k ? Enum.GetValues<AlertKind>().Single(v => AlertJson.KindName(v) == k) : null,
        MinimumSeverity = result.GetValue(_severity) is { } s ? Enum.Parse<Severity>(s, ignoreCase: true) : null,
        Mmsi = result.GetValue(_mmsi) is { } m ? Mmsi.TryParse(m, out var parsed) ? parsed : throw new ArgumentException($"--mmsi expects an MMSI number; got '{m}'.") : null,
        From = CommandLineChecks.ParseInstant(result.GetValue(_from), "--from"),
        To = CommandLineChecks.ParseInstant(result.GetValue(_to), "--to"),
    };
}
