using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// Logging for the one-shot commands (<c>replay</c>, <c>migrate</c>, <c>alerts</c>): the same
/// <c>Logging</c> settings as the worker (levels, <c>Logging:Console:FormatterName</c> = <c>json</c>
/// or <c>simple</c>), always on standard error (standard output is the command's data), and by default
/// the <c>cli</c> format: the message alone, prefixed with <c>warning:</c> or <c>error:</c> when it is one.
/// </summary>
internal static class CommandLogging
{
    public static ILoggerFactory Create(IConfiguration configuration) => LoggerFactory.Create(logging =>
    {
        logging.AddConfiguration(configuration.GetSection("Logging"));
        logging.AddConsoleFormatter<CliConsoleFormatter, ConsoleFormatterOptions>();
        logging.AddConsole(o =>
        {
            o.FormatterName = configuration["Logging:Console:FormatterName"] is { Length: > 0 } name ? name : CliConsoleFormatter.Name;
            o.LogToStandardErrorThreshold = LogLevel.Trace;
        });
    });
}

/// <summary>One line per message, as a command-line tool writes: no category, no event id, no time.</summary>
internal sealed class CliConsoleFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "cli";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var prefix = logEntry.LogLevel switch
        {
            >= LogLevel.Error => "error: ",
            LogLevel.Warning => "warning: ",
            _ => string.Empty,
        };
        var cause = logEntry.Exception is { } e ? $" ({e.GetType().Name}: {e.Message})" : string.Empty;
        textWriter.WriteLine(prefix + message + cause);
    }
}
