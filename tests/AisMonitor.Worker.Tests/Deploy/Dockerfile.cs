using System.Text.Json;
using System.Text.RegularExpressions;

namespace AisMonitor.Worker.Tests.Deploy;

/// <summary>What deploy/Dockerfile's last stage (the image) says: its base, user, working folder, environment, ports, entry point, command and health check.</summary>
internal sealed partial record Dockerfile(string RuntimeBase, string User, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment, IReadOnlyList<string> Ports,
    IReadOnlyList<string> EntryPoint, IReadOnlyList<string> Command, IReadOnlyList<string> HealthCheck)
{
    public static Dockerfile Read(string path)
    {
        // Instructions with their continuation lines joined, comments dropped; only the last stage's.
        var instructions = new List<(string Keyword, string Arguments)>();
        var pending = string.Empty;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var whole = (pending + line).Trim();
            pending = string.Empty;
            if (whole.Length == 0)
            {
                continue;
            }

            var space = whole.IndexOf(' ', StringComparison.Ordinal);
            var keyword = whole[..space].ToUpperInvariant();
            if (keyword == "FROM")
            {
                instructions.Clear();
            }

            instructions.Add((keyword, whole[(space + 1)..].Trim()));
        }

        string Last(string keyword) => instructions.Last(i => i.Keyword == keyword).Arguments;
        var environment = new Dictionary<string, string>();
        foreach (var (_, arguments) in instructions.Where(i => i.Keyword == "ENV"))
        {
            foreach (Match pair in EnvironmentPair().Matches(arguments))
            {
                environment[pair.Groups[1].Value] = pair.Groups[2].Value;
            }
        }

        var health = Last("HEALTHCHECK");
        return new Dockerfile(
            Last("FROM").Split(' ')[0], Last("USER"), Last("WORKDIR"), environment,
            instructions.Where(i => i.Keyword == "EXPOSE").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList(),
            JsonSerializer.Deserialize<List<string>>(Last("ENTRYPOINT"))!, JsonSerializer.Deserialize<List<string>>(Last("CMD"))!,
            JsonSerializer.Deserialize<List<string>>(health[(health.IndexOf("CMD ", StringComparison.Ordinal) + 4)..])!);
    }

    [GeneratedRegex(@"(\w+)=(\S+)")]
    private static partial Regex EnvironmentPair();
}
