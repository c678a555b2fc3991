using System.Diagnostics;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary>Runs the real aismonitor executable (built next to the tests) as a process.</summary>
internal static class CommandRunner
{
    public static (int ExitCode, string StandardOutput, string StandardError) Run(string arguments, string? standardInput = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, "aismonitor.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{executable}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            WorkingDirectory = Core.Tests.Support.TestData.RepositoryRoot,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("aismonitor " + arguments);
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
