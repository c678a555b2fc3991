using System.CommandLine;
using AisMonitor.Worker.Commands;

var root = new RootCommand("AisMonitor: AIS vessel tracking and anomaly detection (transponder gaps, unusual port calls).")
{
    DecodeCommand.Create(),
    ReplayCommand.Create(),
    SimulateCommand.Create(),
    MigrateCommand.Create(),
    AlertsCommand.Create(),
    UsersCommand.Create(),
    RunCommand.Create(),
    HealthcheckCommand.Create(),
};
HelpWithExitCodes.Install(root);

if (args.Length == 0)
{
    args = ["run"]; // the worker is what the container runs
}

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // One line per mistake, in the words of the option, and the exit code of the table (the parser's own is 1).
    var command = parsed.CommandResult.Command;
    var misspelled = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2 && !command.Options.Any(o => o.Name == a || o.Aliases.Contains(a))).ToList();
    foreach (var token in misspelled)
    {
        Console.Error.WriteLine($"error: {CommandLineChecks.UnknownOption(token, command)}");
    }

    foreach (var error in parsed.Errors.Where(_ => misspelled.Count == 0))
    {
        var option = error.SymbolResult switch
        {
            System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult o } => o.Option.Name + ": ",
            System.CommandLine.Parsing.OptionResult o => o.Option.Name + ": ",
            System.CommandLine.Parsing.ArgumentResult a => a.Argument.Name + ": ",
            _ => string.Empty,
        };
        Console.Error.WriteLine($"error: {option}{error.Message.Replace(Environment.NewLine, " ", StringComparison.Ordinal).Replace("\t", string.Empty, StringComparison.Ordinal)}");
    }

    Console.Error.WriteLine($"(aismonitor {parsed.CommandResult.Command.Name} --help lists every option)");
    return ExitCodes.BadArguments;
}

return parsed.Invoke();
