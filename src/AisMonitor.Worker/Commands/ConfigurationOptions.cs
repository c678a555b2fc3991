using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// <c>--config</c>, <c>--connection</c> and <c>--data-folder</c>, the same on every command that
/// reads settings or opens the database: the configuration layers, with the command line winning.
/// </summary>
internal sealed class ConfigurationOptions
{
    public Option<string?> Config { get; } = new("--config") { Description = "JSON settings file (after ./appsettings.json, before environment variables); see README, Configuration." };

    public Option<string?> Connection { get; } = new("--connection") { Description = "PostgreSQL connection string (overrides ConnectionStrings:AisMonitor; unset: AisMonitor's own server)." };

    public Option<string?> DataFolder { get; } = new("--data-folder") { Description = "AisMonitor's data folder: its own PostgreSQL, the outage spool, sort spills (overrides AisMonitor:DataFolder; default ~/.local/share/aismonitor)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Connection);
        command.Options.Add(DataFolder);
    }

    /// <summary>Loads the configuration layers and sets where the database is; the caller checks the detection settings.</summary>
    public IConfiguration Load(ParseResult result)
    {
        var configuration = DetectionConfiguration.Load(result.GetValue(Config));
        Database.Configure(configuration, result.GetValue(Connection), result.GetValue(DataFolder));
        return configuration;
    }
}
