using AisMonitor.Core.Detection;
using Microsoft.Extensions.Configuration;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// Detection options from configuration, in the standard .NET layering (later wins):
/// <c>appsettings.json</c> in the working folder, the file given with <c>--config</c>, then
/// environment variables (<c>AisMonitor__Detection__Gaps__MinimumDuration=0:12:00:00</c>).
/// Keys mirror <see cref="DetectionOptions"/>: <c>AisMonitor:Detection:{Tracking|Reception|Gaps}:{option}</c>;
/// durations are written <c>D:hh:mm:ss</c>. An unknown key or a value that does not convert
/// stops the command with a message naming it.
/// </summary>
internal static class DetectionConfiguration
{
    public const string Section = "AisMonitor:Detection";

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

        return builder.AddEnvironmentVariables().Build();
    }

    /// <summary>The options, defaults where nothing is configured; <see cref="ArgumentException"/> on a bad key or value.</summary>
    public static DetectionOptions Options(IConfiguration configuration)
    {
        try
        {
            var options = configuration.GetSection(Section).Get<DetectionOptions>(b => b.ErrorOnUnknownConfiguration = true) ?? new DetectionOptions();
            options.Validate();
            return options;
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

    private static string Flatten(Exception e) => e.InnerException is { } inner ? $"{e.Message} {Flatten(inner)}" : e.Message;
}
