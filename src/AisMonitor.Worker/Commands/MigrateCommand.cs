using System.CommandLine;

namespace AisMonitor.Worker.Commands;

/// <summary><c>aismonitor migrate</c>: brings the database schema to this version's (as every command that stores does on start).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var settings = new ConfigurationOptions();
        var command = new Command("migrate", "Apply the database migrations (ConnectionStrings__AisMonitor, or AisMonitor's own PostgreSQL when unset)." + "\n" + ExitCodes.Table);
        settings.AddTo(command);
        command.SetAction(async (result, _) =>
        {
            try
            {
                var loaded = settings.Load(result); // every setting checked, as every command does
                using var logging = CommandLogging.Create(loaded.Configuration);
                await using var database = await Database.OpenAsync(loaded.Storage, logging.CreateLogger("AisMonitor.Migrate"));
                Console.Error.WriteLine($"schema up to date in {database.Description}");
                return ExitCodes.Done;
            }
            catch (ArgumentException e)
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
