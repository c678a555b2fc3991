using System.CommandLine;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AisMonitor.Core.Ais.Encoding;
using AisMonitor.Core.Ais.Messages;
using AisMonitor.Core.Nmea;
using AisMonitor.Core.Simulation;
using AisMonitor.Core.Alerts;
using AisMonitor.Worker.Output;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// <c>aismonitor simulate SCENARIO --out FILE</c>: writes the AIVDM sentences, with NMEA 4.0 tag
/// blocks (receive time, receiver), that a scenario's vessels would have been heard sending.
/// The same scenario always gives the same file.
/// </summary>
internal static class SimulateCommand
{
    private static readonly JsonSerializerOptions ScenarioJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new AlertJson.InstantConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static Command Create()
    {
        var scenario = new Argument<string>("SCENARIO") { Description = "Scenario file (JSON: start, end, seed, vessels with routes and transmit_off windows, reception areas, ambient traffic)." };
        var output = new Option<string>("--out") { Description = "NMEA file to write (.gz compressed when the name ends so).", Required = true };
        var command = new Command("simulate", "Write the AIVDM feed (with tag blocks) that a scenario's vessels would have been heard sending.") { scenario, output };
        command.SetAction(result => Run(result.GetValue(scenario)!, result.GetValue(output)!));
        return command;
    }

    private static int Run(string scenarioPath, string outputPath)
    {
        Scenario scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(File.ReadAllText(scenarioPath), ScenarioJson)
                ?? throw new JsonException("the file is empty");
        }
        catch (Exception e) when (e is JsonException or IOException or ArgumentException)
        {
            Console.Error.WriteLine($"error: cannot read scenario {scenarioPath}: {e.Message}");
            return 2;
        }

        using var file = new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using Stream stream = outputPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.SmallestSize) : file;
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        var sentences = new NmeaSentenceWriter();
        long transmissions = 0, lines = 0;
        try
        {
            foreach (var transmission in ScenarioSimulator.Run(scenario))
            {
                var (payload, fill) = transmission.Message switch
                {
                    null => AisEncoder.Encode(transmission.Position),
                    StaticAndVoyageData data => AisEncoder.Encode(data),
                    StaticDataReport report => AisEncoder.Encode(report),
                    var other => throw new InvalidOperationException($"the simulator does not send type {other.MessageType}"),
                };
                foreach (var line in sentences.Write(payload, fill, transmission.Time, transmission.Receiver, transmissions % 2 == 0 ? 'A' : 'B'))
                {
                    writer.WriteLine(line);
                    lines++;
                }

                transmissions++;
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: scenario {scenarioPath}: {e.Message}");
            return 2;
        }

        Console.Error.WriteLine($"{scenario.Name}: {ScenarioSimulator.AllVessels(scenario).Count} vessels, {transmissions:N0} transmissions received, {lines:N0} lines written to {outputPath}");
        return 0;
    }
}
