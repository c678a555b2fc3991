using System.CommandLine;
using AisMonitor.Core.Detection;
using AisMonitor.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// <c>--config</c>, <c>--connection</c> and <c>--data-folder</c>, the same on every command that
/// reads settings or opens the database: the configuration layers, with the command line winning,
/// bound and validated by the one registration every command uses (<see cref="AisMonitorRegistration.AddAisMonitorSettings"/>).
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

    /// <summary>
    /// Loads the configuration layers and validates every setting the commands share (detection,
    /// storage); a bad key or value is an <see cref="ArgumentException"/> with one line per problem.
    /// </summary>
    public CommandSettings Load(ParseResult result)
    {
        var configuration = DetectionConfiguration.Load(result.GetValue(Config));
        var services = new ServiceCollection().AddAisMonitorSettings(configuration, result.GetValue(Connection), result.GetValue(DataFolder));
        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return new CommandSettings(configuration, provider.GetRequiredService<DetectionOptions>(), provider.GetRequiredService<IOptions<StorageOptions>>().Value);
        }
        catch (OptionsValidationException e)
        {
            throw new ArgumentException(string.Join("\nerror: ", e.Failures.Select(f => $"configuration: {f}")), e);
        }
        catch (InvalidOperationException e) when (DetectionConfiguration.DescribeBindingFailure(e) is { } message)
        {
            throw new ArgumentException(message, e);
        }
    }
}

/// <summary>The settings every command shares, bound and validated.</summary>
/// <param name="Configuration">The configuration layers (for what a command binds itself, such as logging).</param>
/// <param name="Detection">Detection options.</param>
/// <param name="Storage">Where the data goes.</param>
internal sealed record CommandSettings(IConfiguration Configuration, DetectionOptions Detection, StorageOptions Storage);
