using System.Reflection;
using System.Text.RegularExpressions;
using AisMonitor.Core.Detection;
using Microsoft.Extensions.Configuration;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// Settings from configuration, in the standard .NET layering (later wins): <c>appsettings.json</c>
/// in the working folder, the file given with <c>--config</c>, then environment variables
/// (<c>AisMonitor__Detection__Gaps__MinimumDuration=0:12:00:00</c>). Detection keys mirror
/// <see cref="DetectionOptions"/>: <c>AisMonitor:Detection:{Tracking|Reception|Gaps|PortCalls|WatchLists}:{option}</c>;
/// durations are written <c>D:hh:mm:ss</c>. Every key under <c>AisMonitor</c> must be a setting: a
/// misspelled one (or a misspelled section) stops the command, naming it and the closest real one;
/// so does a value that does not convert or is out of range, and a file that is not JSON.
/// </summary>
internal static partial class DetectionConfiguration
{
    public const string Section = "AisMonitor:Detection";

    /// <summary>The settings directly under AisMonitor besides Detection.</summary>
    private static readonly string[] OtherSettings = ["DataFolder", "Storage", "Live", "Sources"];
    private static readonly string[] StorageSettings = ["MemoryBuffer"];

    public static IConfiguration Load(string? file)
    {
        var builder = new ConfigurationBuilder().AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new ArgumentException($"--config: file not found: {file}");
            }

            builder.AddJsonFile(Path.GetFullPath(file), optional: false);
        }

        try
        {
            return builder.AddEnvironmentVariables().Build();
        }
        catch (InvalidDataException e)
        {
            var which = file is not null && e.Message.Contains(Path.GetFullPath(file), StringComparison.Ordinal) ? file : Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json");
            throw new ArgumentException($"{which} is not valid JSON: {Innermost(e).Message}", e);
        }
    }

    /// <summary>The options, defaults where nothing is configured; <see cref="ArgumentException"/> on a bad key or value.</summary>
    public static DetectionOptions Options(IConfiguration configuration)
    {
        CheckKeys(configuration);
        try
        {
            var options = configuration.GetSection(Section).Get<DetectionOptions>(b => b.ErrorOnUnknownConfiguration = true) ?? new DetectionOptions();
            options.Validate();
            return options;
        }
        catch (InvalidOperationException e) when (ConversionFailure().Match(Flatten(e)) is { Success: true } failure)
        {
            throw new ArgumentException($"configuration: {failure.Groups["key"].Value} = '{failure.Groups["value"].Value}': expected {Expected(failure.Groups["type"].Value)}.", e);
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException($"configuration under {Section}: {Flatten(e)}", e);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"configuration under {Section}: {e.Message}", e);
        }
    }

    /// <summary>Every key under AisMonitor names a setting, or the command stops naming the closest one.</summary>
    private static void CheckKeys(IConfiguration configuration)
    {
        var root = configuration.GetSection("AisMonitor");
        foreach (var child in root.GetChildren())
        {
            if (child.Key.Equals("Detection", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var part in child.GetChildren())
                {
                    var property = Property(typeof(DetectionOptions), part.Key) ?? throw Unknown(part.Path, part.Key, Names(typeof(DetectionOptions)));
                    foreach (var setting in part.GetChildren())
                    {
                        _ = Property(property.PropertyType, setting.Key) ?? throw Unknown(setting.Path, setting.Key, Names(property.PropertyType));
                    }
                }
            }
            else if (child.Key.Equals("Storage", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var setting in child.GetChildren().Where(s => !StorageSettings.Contains(s.Key, StringComparer.OrdinalIgnoreCase)))
                {
                    throw Unknown(setting.Path, setting.Key, StorageSettings);
                }
            }
            else if (child.Key.Equals("Live", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var setting in child.GetChildren())
                {
                    _ = Property(typeof(Hosting.LiveOptions), setting.Key) ?? throw Unknown(setting.Path, setting.Key, Names(typeof(Hosting.LiveOptions)));
                }
            }
            else if (child.Key.Equals("Sources", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var source in child.GetChildren())
                {
                    if (!int.TryParse(source.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                    {
                        throw new ArgumentException($"configuration: {source.Path}: the sources are a list, AisMonitor:Sources:0, :1, … (environment AisMonitor__Sources__0__Kind); got '{source.Key}'.");
                    }

                    foreach (var setting in source.GetChildren())
                    {
                        _ = Property(typeof(Ingestion.Live.SourceOptions), setting.Key) ?? throw Unknown(setting.Path, setting.Key, Names(typeof(Ingestion.Live.SourceOptions)));
                    }
                }
            }
            else if (!OtherSettings.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw Unknown(child.Path, child.Key, ["Detection", .. OtherSettings]);
            }
        }
    }

    private static PropertyInfo? Property(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true } property ? property : null;

    private static string[] Names(Type type) => [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name)];

    private static ArgumentException Unknown(string path, string key, IReadOnlyList<string> known)
    {
        var closest = known.MinBy(k => CommandLineChecks.Distance(k.ToLowerInvariant(), key.ToLowerInvariant()));
        var hint = closest is not null && CommandLineChecks.Distance(closest.ToLowerInvariant(), key.ToLowerInvariant()) <= Math.Max(3, key.Length / 3) ? $" (did you mean {closest}?)" : string.Empty;
        return new ArgumentException($"configuration: {path} is not a setting{hint}; the settings here are {string.Join(", ", known)}.");
    }

    /// <summary>A binder's failure to convert a value, in the words of the key, the value and what is expected; null for other failures.</summary>
    public static string? DescribeBindingFailure(InvalidOperationException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (ConversionFailure().Match(Flatten(e)) is { Success: true } failure)
        {
            return $"configuration: {failure.Groups["key"].Value} = '{failure.Groups["value"].Value}': expected {Expected(failure.Groups["type"].Value)}.";
        }

        return UnknownKey().Match(Flatten(e)) is { Success: true } unknown ? $"configuration: {unknown.Groups["key"].Value} is not a setting ({Flatten(e)})" : null;
    }

    [GeneratedRegex(@"'(?<key>[^']*)' was not found|not found on type")]
    private static partial Regex UnknownKey();

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("Duration", StringComparison.Ordinal) => "a duration D:hh:mm:ss, e.g. 0:06:00:00 for 6 hours",
        _ when type.Contains("Double", StringComparison.Ordinal) => "a number, e.g. 2.5",
        _ when type.Contains("Int", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("TimeSpan", StringComparison.Ordinal) => "a duration hh:mm:ss or D.hh:mm:ss, e.g. 00:01:00 for a minute",
        _ => "a value of another kind",
    };

    [GeneratedRegex(@"Failed to convert configuration value '(?<value>[^']*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'")]
    private static partial Regex ConversionFailure();

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    private static string Flatten(Exception e) => e.InnerException is { } inner ? $"{e.Message} {Flatten(inner)}" : e.Message;
}
