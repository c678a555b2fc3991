using System.CommandLine;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace AisMonitor.Worker.Commands;

/// <summary>What the command line's own parser does not say in a user's words: misspelled options, directories, missing files.</summary>
internal static class CommandLineChecks
{
    /// <summary>A path that is not a readable file says why: a misspelled option, a directory, a missing file.</summary>
    public static void CheckFile(string path, Command command)
    {
        if (path.StartsWith('-') && path.Length > 1 && !File.Exists(path))
        {
            throw new ArgumentException(UnknownOption(path, command));
        }

        if (Directory.Exists(path))
        {
            throw new ArgumentException($"{path} is a directory: give the files in it (e.g. {Path.Combine(path, "*.nmea")}).");
        }

        if (!File.Exists(path))
        {
            throw new ArgumentException($"Input file not found: {path}");
        }
    }

    /// <summary>"unknown option --ouput (did you mean --out?)": the closest option of the command, when close.</summary>
    public static string UnknownOption(string token, Command command)
    {
        var known = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();
        var closest = known.MinBy(n => Distance(n, token));
        return $"unknown option {token}{(closest is not null && Distance(closest, token) <= 3 ? $" (did you mean {closest}?)" : string.Empty)}; aismonitor {command.Name} --help lists them.";
    }

    /// <summary>An option's ISO-8601 UTC instant, or null when the option was not given.</summary>
    public static Instant? ParseInstant(string? text, string option) =>
        text is null ? null
        : InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed ? parsed.Value
        : throw new ArgumentException($"{option} expects an ISO-8601 UTC instant such as 2024-02-01T00:00:00Z; got '{text}'.");

    /// <summary>A bounding box written south,west,north,east in degrees (west above east: across the antimeridian), the API's and the command line's.</summary>
    public static (double South, double West, double North, double East) ParseBounds(string box, string option)
    {
        ArgumentNullException.ThrowIfNull(box);
        var parts = box.Split(',');
        if (parts.Length != 4 || !parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            throw new ArgumentException($"{option} is south,west,north,east in degrees");
        }

        var v = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return v[0] is < -90 or > 90 || v[2] is < -90 or > 90 || v[0] > v[2] || v[1] is < -180 or > 180 || v[3] is < -180 or > 180
            ? throw new ArgumentException($"{option} is south,west,north,east in degrees, south not above north")
            : (v[0], v[1], v[2], v[3]);
    }

    /// <summary>Levenshtein distance, for suggesting the option a user meant.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
