using System.Text.Json;
using AisMonitor.Core.Alerts;

namespace AisMonitor.Worker.Output;

/// <summary>Alerts and port calls as JSON Lines (one object per line, <see cref="AlertJson.Options"/>), to a file (owner-only) or standard output.</summary>
internal static class JsonLines
{
    public static void Write<T>(string? path, IEnumerable<T> items)
    {
        using var stream = path is null ? Console.OpenStandardOutput() : PrivateFiles.Open(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using var buffered = new BufferedStream(stream, 1 << 16);
        foreach (var item in items)
        {
            JsonSerializer.Serialize(buffered, item, AlertJson.Options);
            buffered.WriteByte((byte)'\n');
        }
    }
}
