using System.Text.Json;

namespace AisMonitor.Worker.Tests.Commands;

public sealed class DecodeCommandTests
{
    [Fact]
    public void Decoding_the_Norwegian_feed_writes_877_JSON_lines_and_a_summary()
    {
        var (exit, stdout, stderr) = CommandRunner.Run("decode tests/data/nmea-logs/aisnet-kystverket-Ais1000Lines.nm4");
        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(877, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal(1, root.GetProperty("line").GetInt64());
        Assert.Equal("2019-08-07T22:59:58Z", root.GetProperty("received").GetString());
        Assert.Equal(1, root.GetProperty("msg_type").GetInt32());
        Assert.True(root.TryGetProperty("lat", out _));
        Assert.True(root.TryGetProperty("heading", out _));
        var typeFive = lines.Select(l => JsonDocument.Parse(l).RootElement).First(e => e.GetProperty("msg_type").GetInt32() == 5);
        Assert.Equal(14, typeFive.GetProperty("line").GetInt64()); // fragments on lines 13 and 14: the completing line
        Assert.True(typeFive.TryGetProperty("shipname", out _));
        Assert.Contains("lines read      1000", stderr, StringComparison.Ordinal);
        Assert.Contains("messages        877", stderr, StringComparison.Ordinal);
        Assert.Contains("TagBlockChecksumMismatch: 246", stderr, StringComparison.Ordinal);
        Assert.Contains("accounted for   every line", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_output_has_one_row_per_position()
    {
        var (exit, stdout, _) = CommandRunner.Run("decode --format csv sample-tracks/noaa-marinecadastre-2022-01-03/subset_la_longbeach.csv");
        Assert.Equal(0, exit);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line,received,source,msg_type,mmsi,lat,lon,sog,cog,heading,nav_status", rows[0]);
        Assert.Equal(2061, rows.Length - 1);
        Assert.StartsWith("2,2022-01-03T00:00:00Z,,1,241311000,33.76395,-118.27214,0,319.6,197,5", rows[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json", "sample-tracks/noaa-marinecadastre-2022-01-03/AIS_2022_01_03_0000-0015_nationwide.csv.gz")]
    [InlineData("csv", "sample-tracks/noaa-marinecadastre-2022-01-03/AIS_2022_01_03_0000-0015_nationwide.csv.gz")]
    [InlineData("json", "tests/data/nmea-logs/aisnet-kystverket-Ais1000Lines.nm4")]
    public void Decoding_on_a_second_thread_writes_the_same_bytes_as_on_one(string format, string file)
    {
        var one = CommandRunner.Run($"decode --format {format} --threads 1 {file}");
        var two = CommandRunner.Run($"decode --format {format} --threads 2 {file}");

        Assert.Equal(0, one.ExitCode);
        Assert.True(one.StandardOutput.Length > 100_000, one.StandardOutput.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)); // many batches of 4,096 messages, or the rejections of the Norwegian file
        Assert.Equal(one, two);
    }

    [Fact]
    public void Standard_input_is_read_when_the_file_is_a_dash()
    {
        // source: gpsd test/sample.aivdm (gpsd-sample-001)
        var (exit, stdout, stderr) = CommandRunner.Run("decode -", "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n!AIVDM,1,1,,A,garbage,0*00\n");
        Assert.Equal(0, exit);
        using var message = JsonDocument.Parse(stdout.Trim());
        Assert.Equal(371798000, message.RootElement.GetProperty("mmsi").GetInt64());
        Assert.Contains("rejected line 2: BadChecksum", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decode no/such/file.nmea", "Input file not found")]
    [InlineData("decode --map nonsense sample-tracks/gfw-segmenter/positions.csv", "--map expects field=column")]
    [InlineData("decode --map mmsi=no_such_column sample-tracks/gfw-segmenter/positions.csv", "names a column that is not in the header")]
    public void Bad_arguments_stop_with_a_message_that_says_what_to_fix(string arguments, string message)
    {
        var (exit, _, stderr) = CommandRunner.Run(arguments);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("decode --help")]
    [InlineData("replay --no-database --help")]
    [InlineData("alerts list --help")]
    [InlineData("run --help")]
    public void Every_command_has_help_that_ends_with_the_exit_codes_once(string arguments)
    {
        var (exit, stdout, _) = CommandRunner.Run(arguments);
        Assert.Equal(0, exit);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);

        // The table once, after the usage: not repeated under every command the root's help lists.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(stdout, "Exit codes:"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(stdout, "130 stopped by Ctrl-C or SIGTERM"));
        Assert.True(stdout.IndexOf("Exit codes:", StringComparison.Ordinal) > stdout.IndexOf("Usage:", StringComparison.Ordinal), stdout);
    }
}
