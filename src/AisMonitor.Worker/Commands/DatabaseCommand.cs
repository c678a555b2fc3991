using System.CommandLine;
namespace AisMonitor.Worker.Commands;

/// <summary>
/// A command that works on the database (migrate, users, triage): the settings every command reads, the
/// database opened (AisMonitor's own server started when no connection string is set), and every
/// mistake one line with the exit code of the table.
/// </summary>
internal static class DatabaseCommand
{
    public static Command Create(string verb, string description, Symbol[] symbols, Func<ParseResult, Database, CancellationToken, Task> act)
    {
        var command = new Command(verb, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }

        var settings = new ConfigurationOptions();
        settings.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            try
            {
                var loaded = settings.Load(result); // every setting checked, as every command does
                using var logging = CommandLogging.Create(loaded.Configuration);
                await using var database = await Database.OpenAsync(loaded.Storage, logging.CreateLogger("AisMonitor." + verb));
                await act(result, database, cancellation);
                return ExitCodes.Done;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadArguments;
            }
            catch (DatabaseUnreachableException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.DatabaseUnreachable;
            }
        });
        return command;
    }
}
