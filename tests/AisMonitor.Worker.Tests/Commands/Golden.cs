namespace AisMonitor.Worker.Tests.Commands;

/// <summary>Golden files (DESIGN.md habit 12): replay into a .received file next to the approved one, keep it only when they differ.</summary>
internal static class Golden
{
    public static void ReplayMatches(string approved, string replayArguments)
    {
        var received = Path.ChangeExtension(approved, ".received.jsonl");
        var (exit, _, stderr) = CommandRunner.Run($"replay --no-database {replayArguments} --out \"{received}\"");
        Assert.True(exit == 0, stderr);
        var same = File.ReadAllBytes(approved).AsSpan().SequenceEqual(File.ReadAllBytes(received));
        if (same)
        {
            File.Delete(received);
        }

        Assert.True(same, $"alerts differ from {approved}; see {received} (copy it over the approved file once reviewed)");
    }
}
