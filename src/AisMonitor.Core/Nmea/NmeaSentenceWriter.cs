using System.Globalization;
using System.Text;
using NodaTime;

namespace AisMonitor.Core.Nmea;

/// <summary>
/// Frames an AIS payload as !AIVDM sentences of at most 60 payload characters each, with an NMEA
/// 4.0 tag block (receive time c:, source s:, and g: for multi-sentence groups) and checksums.
/// </summary>
public sealed class NmeaSentenceWriter
{
    private const int MaxPayloadPerSentence = 60;
    private int _sequenceId;
    private int _groupId;

    /// <summary>The sentences of one message, in order.</summary>
    public IReadOnlyList<string> Write(string payload, int fillBits, Instant received, string? source, char channel = 'A', string talker = "AI")
    {
        ArgumentNullException.ThrowIfNull(payload);
        var count = Math.Max(1, (payload.Length + MaxPayloadPerSentence - 1) / MaxPayloadPerSentence);
        var sequence = count > 1 ? (_sequenceId++ % 10).ToString(CultureInfo.InvariantCulture) : string.Empty;
        var group = count > 1 ? (_groupId++ % 10_000) + 1 : 0;
        var sentences = new string[count];
        for (var i = 0; i < count; i++)
        {
            var part = payload.Substring(i * MaxPayloadPerSentence, Math.Min(MaxPayloadPerSentence, payload.Length - (i * MaxPayloadPerSentence)));
            var body = string.Create(CultureInfo.InvariantCulture, $"{talker}VDM,{count},{i + 1},{sequence},{channel},{part},{(i == count - 1 ? fillBits : 0)}");
            var tag = new StringBuilder();
            if (count > 1)
            {
                tag.Append(CultureInfo.InvariantCulture, $"g:{i + 1}-{count}-{group},");
            }

            if (source is not null)
            {
                tag.Append("s:").Append(source).Append(',');
            }

            tag.Append(CultureInfo.InvariantCulture, $"c:{received.ToUnixTimeSeconds()}");
            sentences[i] = $"\\{tag}*{Checksum(tag.ToString())}\\!{body}*{Checksum(body)}";
        }

        return sentences;
    }

    private static string Checksum(string content) => NmeaChecksum.Format(NmeaChecksum.Compute(Encoding.ASCII.GetBytes(content)));
}
