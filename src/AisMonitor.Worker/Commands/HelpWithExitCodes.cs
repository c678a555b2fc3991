using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// Every command's help, then the exit codes once, one per line: the table belongs to the help of each
/// command, not to its description (which the root's help repeats under every command it lists).
/// </summary>
internal sealed class HelpWithExitCodes(HelpAction help) : SynchronousCommandLineAction
{
    /// <summary>Puts itself in front of the help option's action of <paramref name="root"/> (the option is shared by every command).</summary>
    public static void Install(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new HelpWithExitCodes(help);
            }
        }
    }

    /// <summary>As the standard help: asked for, it is all that runs, whatever else is missing or wrong on the line.</summary>
    public override bool ClearsParseErrors => help.ClearsParseErrors;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var code = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        var lines = System.Text.RegularExpressions.Regex.Split(ExitCodes.Table["Exit codes: ".Length..].TrimEnd('.'), "; (?=[0-9])"); // each code, not the semicolons inside its words
        output.WriteLine("Exit codes:");
        foreach (var line in lines)
        {
            output.WriteLine("  " + line);
        }

        output.WriteLine();
        return code;
    }
}
