namespace AisMonitor.Worker.Tests.Commands;

/// <summary>A truncated compressed input is an error that says where it ended, after everything before it was used.</summary>
public sealed class IncompleteInputTests
{
    [Theory]
    [InlineData("decode")]
    [InlineData("replay --no-database")]
    public void A_truncated_gzip_input_exits_3_with_one_error_line_after_using_what_was_read(string command)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Core.Tests.Support.TestData.RepositoryRoot, "sample-tracks", "angara-2024", "angara-2024.nmea.gz"));
        var path = Path.Combine(Path.GetTempPath(), $"aismonitor-truncated-{Guid.NewGuid():N}.nmea.gz");
        var output = Path.ChangeExtension(path, ".out");
        try
        {
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            var (exit, stdout, stderr) = CommandRunner.Run($"{command} \"{path}\"" + (command.StartsWith("replay", StringComparison.Ordinal) ? $" --out \"{output}\"" : string.Empty));

            Assert.Equal(3, exit);
            var error = Assert.Single(stderr.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
            Assert.Contains(path, error, StringComparison.Ordinal);
            Assert.Contains("truncated gzip", error, StringComparison.Ordinal);
            Assert.Contains("line", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            if (command == "decode")
            {
                Assert.True(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 10_000); // what was read is written
            }
            else
            {
                Assert.True(File.Exists(output)); // the alerts of what was read are written
                Assert.Contains("messages    ", stderr, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(path);
            File.Delete(output);
        }
    }
}
