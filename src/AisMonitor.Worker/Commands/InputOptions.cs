using System.CommandLine;
using AisMonitor.Core.Nmea;
using AisMonitor.Ingestion.Replay;

namespace AisMonitor.Worker.Commands;

/// <summary>The input options shared by every command that reads replay files.</summary>
internal sealed class InputOptions
{
    public Option<string> InputFormat { get; } = new("--input-format")
    {
        Description = "Input format: auto (detected from content), nmea, marinecadastre, dma or csv.",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string?> Map { get; } = new("--map")
    {
        Description = "CSV column mapping for fields the header names do not give, e.g. \"mmsi=ship_id,time=ts,lat=y,lon=x\".",
    };

    public Option<string?> TimeFormat { get; } = new("--time-format")
    {
        Description = "CSV time format when the built-in ones do not read it: a NodaTime pattern read as UTC (e.g. \"dd'.'MM'.'uuuu HH':'mm':'ss\"), or unix, unix-ms.",
    };

    public Option<bool> AcceptBadChecksum { get; } = new("--accept-bad-checksum")
    {
        Description = "Decode sentences whose NMEA checksum does not match (flagged as checksum_valid=false) instead of rejecting them.",
    };

    public Option<int> MaxLineLength { get; } = new("--max-line-length")
    {
        Description = "Longest accepted line in bytes, tag block and suffix included.",
        DefaultValueFactory = _ => new NmeaDecoderOptions().MaxLineLengthBytes,
    };

    public Option<int> FragmentMaxAgeLines { get; } = new("--fragment-max-age-lines")
    {
        Description = "Lines after which an incomplete multi-sentence message is dropped.",
        DefaultValueFactory = _ => new NmeaDecoderOptions().MaxFragmentAgeLines,
    };

    public InputOptions()
    {
        InputFormat.AcceptOnlyFromAmong("auto", "nmea", "marinecadastre", "dma", "csv");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(InputFormat);
        command.Options.Add(Map);
        command.Options.Add(TimeFormat);
        command.Options.Add(AcceptBadChecksum);
        command.Options.Add(MaxLineLength);
        command.Options.Add(FragmentMaxAgeLines);
    }

    /// <summary>Opens a file with these options; throws <see cref="ArgumentException"/> with a message that says what to fix.</summary>
    public IMessageReader Open(ParseResult result, string path)
    {
        if (path != "-")
        {
            CommandLineChecks.CheckFile(path, result.CommandResult.Command);
        }

        return Open(result, path == "-" ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), path);
    }

    /// <summary>Opens a stream (named <paramref name="name"/> in messages) with these options.</summary>
    public IMessageReader Open(ParseResult result, Stream stream, string name)
    {
        var format = result.GetValue(InputFormat) switch
        {
            "nmea" => ReplayFormat.Nmea,
            "marinecadastre" => ReplayFormat.MarineCadastreCsv,
            "dma" => ReplayFormat.DanishMaritimeAuthorityCsv,
            "csv" => ReplayFormat.PositionsCsv,
            _ => (ReplayFormat?)null,
        };
        var nmea = new NmeaDecoderOptions
        {
            AcceptBadChecksum = result.GetValue(AcceptBadChecksum),
            MaxLineLengthBytes = result.GetValue(MaxLineLength),
            MaxFragmentAgeLines = result.GetValue(FragmentMaxAgeLines),
        };
        try
        {
            nmea.Validate();
            return ReplayInput.Open(stream, format, ParseMapping(result.GetValue(Map)), nmea, filePath: name == "-" ? null : name, csvTimeFormat: result.GetValue(TimeFormat));
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
        {
            stream.Dispose();
            throw new ArgumentException($"{name}: {e.Message}", e);
        }
    }

    private static Dictionary<string, string>? ParseMapping(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var mapping = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
            {
                throw new FormatException($"--map expects field=column pairs separated by commas; got '{pair}'.");
            }

            mapping[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }

        return mapping;
    }
}
