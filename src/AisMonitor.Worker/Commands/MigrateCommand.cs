using System.CommandLine;

namespace AisMonitor.Worker.Commands;

/// <summary><c>aismonitor migrate</c>: brings the database schema to this version's (as every command that stores does on start).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL connection string (overrides ConnectionStrings:AisMonitor; unset: AisMonitor's own server)." };
        var dataFolder = new Option<string?>("--data-folder") { Description = "AisMonitor's data folder (overrides AisMonitor:DataFolder; default ~/.local/share/aismonitor)." };
        var config = new Option<string?>("--config") { Description = "JSON settings file (after ./appsettings.json, before environment variables)." };
        var command = new Command("migrate", "Apply the database migrations (ConnectionStrings__AisMonitor, or AisMonitor's own PostgreSQL when unset)." + "\n" + ExitCodes.Table);
        command.Options.Add(connection);
        command.Options.Add(dataFolder);
        command.Options.Add(config);
        command.SetAction(async (result, _) =>
        {
            try
            {
                var configuration = DetectionConfiguration.Load(result.GetValue(config));
                DetectionConfiguration.Options(configuration); // every setting checked, as every command does
                Database.Configure(configuration, result.GetValue(connection), result.GetValue(dataFolder));
                await using var database = await Database.OpenAsync();
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
