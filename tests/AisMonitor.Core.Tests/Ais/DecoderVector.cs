using System.Text.Json;

namespace AisMonitor.Core.Tests.Ais;

/// <summary>One record of tests/data/decoder-vectors (see its README for the schema and sources).</summary>
public sealed record DecoderVector(
    string File,
    string Id,
    IReadOnlyList<string> Sentences,
    string Convention,
    IReadOnlyDictionary<string, JsonElement>? Expected,
    IReadOnlyDictionary<string, double> Tolerance,
    string? ExpectError,
    bool HasChecksumNote)
{
    public override string ToString() => Id;

    public static IEnumerable<DecoderVector> Load(string path)
    {
        foreach (var line in System.IO.File.ReadLines(path))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement.Clone();
            var sentences = root.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToList();
            Dictionary<string, JsonElement>? expected = null;
            if (root.TryGetProperty("expected", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                expected = e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
            }

            var tolerance = new Dictionary<string, double>();
            if (root.TryGetProperty("tolerance", out var t) && t.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in t.EnumerateObject())
                {
                    tolerance[p.Name] = p.Value.GetDouble();
                }
            }

            var notes = root.TryGetProperty("notes", out var n) ? n.ToString() : string.Empty;
            yield return new DecoderVector(
                Path.GetFileName(path),
                root.GetProperty("id").GetString()!,
                sentences,
                root.GetProperty("value_convention").GetString()!,
                expected,
                tolerance,
                root.TryGetProperty("expect_error", out var error) ? error.GetString() : null,
                notes.Contains("checksum mismatch", StringComparison.Ordinal));
        }
    }
}
