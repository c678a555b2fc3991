using System.CommandLine;

namespace AisMonitor.Worker.Commands;

/// <summary><c>aismonitor migrate</c>: brings the database schema to this version's (as every command that stores does on start).</summary>
internal static class MigrateCommand
{
    public static Command Create() =>
        DatabaseCommand.Create("migrate", "Apply the database migrations (ConnectionStrings__AisMonitor, or AisMonitor's own PostgreSQL when unset).", [], (_, database, _) =>
        {
            Console.Error.WriteLine($"schema up to date in {database.Description}"); // opening it migrated it
            return Task.CompletedTask;
        });
}
