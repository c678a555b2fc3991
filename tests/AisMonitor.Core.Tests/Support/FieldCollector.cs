using AisMonitor.Core.Ais;
using NodaTime;

namespace AisMonitor.Core.Tests.Support;

/// <summary>Collects a message's normalised fields into a dictionary, as the conformance tests compare them.</summary>
public sealed class FieldCollector : IAisFieldWriter
{
    public Dictionary<string, object?> Fields { get; } = new(StringComparer.Ordinal);

    public void WriteInteger(string name, long? value) => Fields[name] = value;

    public void WriteNumber(string name, double? value) => Fields[name] = value;

    public void WriteBoolean(string name, bool? value) => Fields[name] = value;

    public void WriteText(string name, string? value) => Fields[name] = value;

    public void WriteInstant(string name, Instant? value) => Fields[name] = value;

    public static Dictionary<string, object?> Of(DecodedMessage message)
    {
        var writer = new FieldCollector();
        message.WriteFields(writer);
        return writer.Fields;
    }
}
