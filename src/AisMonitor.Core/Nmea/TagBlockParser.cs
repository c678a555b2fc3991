using NodaTime;

namespace AisMonitor.Core.Nmea;

/// <summary>
/// Parses the content of a tag block (between the backslashes). Tolerant by design: a wrong or
/// missing checksum and unparseable parameters are reported on the result, never rejected, because
/// real feeds carry them (every g: block of the Norwegian feed has a wrong checksum).
/// </summary>
internal sealed class TagBlockParser
{
    private const long MillisecondThreshold = 100_000_000_000; // 12+ digits: a Unix time in milliseconds
    private readonly StringTable _strings;

    public TagBlockParser(StringTable strings) => _strings = strings;

    /// <summary>
    /// Parses <paramref name="content"/>; a tag block read among the last few is not parsed again. A receiver
    /// stamps its lines to the second, so a busy one writes the same tag block on many lines in a row, and
    /// feeds interleave a few receivers: the last tag blocks are kept in a small table by their last two bytes
    /// (the checksum's digits, where there is one) and compared whole.
    /// </summary>
    public void Parse(ReadOnlySpan<byte> content, out TagBlock result)
    {
        if (content.Length is 0 or > RecentBytes)
        {
            ParseAnew(content, out result);
            return;
        }

        var key = content.Length == 1 ? content[0] : (content[^1] * 7) + content[^2];
        var recent = _recent[key & (RecentCount - 1)] ??= new Recent();
        if (recent.Length == content.Length && content.SequenceEqual(recent.Content.AsSpan(0, recent.Length)))
        {
            result = recent.Result;
            return;
        }

        ParseAnew(content, out result);
        content.CopyTo(recent.Content);
        (recent.Length, recent.Result) = (content.Length, result);
    }

    private const int RecentCount = 16, RecentBytes = 64;
    private readonly Recent?[] _recent = new Recent?[RecentCount];

    private sealed class Recent
    {
        public byte[] Content { get; } = new byte[RecentBytes];

        public int Length { get; set; } = -1;

        public TagBlock Result { get; set; }
    }

    private void ParseAnew(ReadOnlySpan<byte> content, out TagBlock result)
    {
        var mismatch = false;
        var star = content.LastIndexOf((byte)'*');
        if (star >= 0)
        {
            mismatch = !NmeaChecksum.TryParseHex(content[(star + 1)..], out var given)
                || content.Length - star - 1 != 2
                || NmeaChecksum.Compute(content[..star]) != given;
            content = content[..star];
        }

        Instant? time = null;
        string? source = null, destination = null, text = null;
        int groupSentence = 0, groupTotal = 0, groupId = -1;
        long? lineCount = null, relative = null;
        var malformed = false;
        while (!content.IsEmpty)
        {
            var end = 0;
            while (end < content.Length && content[end] != (byte)',' && content[end] != (byte)'\\')
            {
                end++;
            }

            end = end == content.Length ? -1 : end;
            var field = end < 0 ? content : content[..end];
            content = end < 0 ? default : content[(end + 1)..];
            if (field.Length < 2 || field[1] != (byte)':')
            {
                malformed |= !field.IsEmpty;
                continue;
            }

            var value = field[2..];
            switch (field[0])
            {
                case (byte)'c':
                    if (TryParseLong(value, out var unix) && unix >= 0)
                    {
                        time = unix >= MillisecondThreshold ? FromMilliseconds(unix) : FromSeconds(unix);
                        malformed |= time is null; // past the end of the calendar (year 9999)
                    }
                    else
                    {
                        malformed = true;
                    }

                    break;
                case (byte)'s':
                    source = _strings.Get(value);
                    break;
                case (byte)'d':
                    destination = _strings.Get(value);
                    break;
                case (byte)'n':
                    malformed |= !Assign(value, ref lineCount);
                    break;
                case (byte)'r':
                    malformed |= !Assign(value, ref relative);
                    break;
                case (byte)'t':
                    text = System.Text.Encoding.Latin1.GetString(value);
                    break;
                case (byte)'g':
                    if (!TryParseGroup(value, out groupSentence, out groupTotal, out groupId))
                    {
                        malformed = true;
                        groupSentence = groupTotal = 0;
                        groupId = -1;
                    }

                    break;
            }
        }

        result = new TagBlock
        {
            ReceiverTime = time,
            Source = source,
            Destination = destination,
            GroupSentence = groupSentence,
            GroupTotal = groupTotal,
            GroupId = groupId,
            LineCount = lineCount,
            RelativeTime = relative,
            Text = text,
            ChecksumMismatch = mismatch,
            HasMalformedParameter = malformed,
        };
    }

    internal static bool TryParseLong(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 18)
        {
            return false;
        }

        foreach (var c in digits)
        {
            var d = (uint)(c - '0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    private static Instant? FromSeconds(long unix) => unix <= 253_402_300_799 ? Instant.FromUnixTimeSeconds(unix) : null;

    private static Instant? FromMilliseconds(long unix) => unix <= 253_402_300_799_999 ? Instant.FromUnixTimeMilliseconds(unix) : null;

    private static bool Assign(ReadOnlySpan<byte> value, ref long? target)
    {
        if (TryParseLong(value, out var parsed))
        {
            target = parsed;
            return true;
        }

        return false;
    }

    private static bool TryParseGroup(ReadOnlySpan<byte> value, out int sentence, out int total, out int id)
    {
        sentence = total = id = 0;
        var first = value.IndexOf((byte)'-');
        if (first < 0)
        {
            return false;
        }

        var second = value[(first + 1)..].IndexOf((byte)'-');
        if (second < 0)
        {
            return false;
        }

        second += first + 1;
        if (!TryParseLong(value[..first], out var s) || !TryParseLong(value[(first + 1)..second], out var t) || !TryParseLong(value[(second + 1)..], out var i)
            || s < 1 || t < 1 || s > t || t > 99 || i > int.MaxValue)
        {
            return false;
        }

        (sentence, total, id) = ((int)s, (int)t, (int)i);
        return true;
    }
}
