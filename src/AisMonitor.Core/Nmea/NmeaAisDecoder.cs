using System.Buffers;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Messages;
using NodaTime;

namespace AisMonitor.Core.Nmea;

/// <summary>
/// Turns lines of an NMEA 0183 stream into AIS messages: tag block, sentence checksum,
/// VDM/VDO fields, receiver suffixes, $PGHP time sentences, multi-sentence reassembly and the
/// 6-bit payload decode. One instance per stream (it holds fragments and counters); not thread
/// safe. Never throws on input: every line is counted in <see cref="Statistics"/> as a message,
/// a held fragment, skipped or rejected with a reason. Position reports decode without allocating.
/// </summary>
public sealed class NmeaAisDecoder
{
    private const int MaxPayloadWords = 64;
    private static ReadOnlySpan<byte> Whitespace => " \t\r\n\0"u8;
    private readonly NmeaDecoderOptions _options;
    private readonly StringTable _strings = new();
    private readonly TagBlockParser _tagBlocks;
    private readonly FragmentAssembler _fragments;
    private readonly ulong[] _words = new ulong[MaxPayloadWords];
    private Instant? _pendingTimeSentence;

    /// <summary>Creates a decoder; the options are validated.</summary>
    public NmeaAisDecoder(NmeaDecoderOptions? options = null)
    {
        _options = options ?? new NmeaDecoderOptions();
        _options.Validate();
        _tagBlocks = new TagBlockParser(_strings);
        _fragments = new FragmentAssembler(_options, Statistics);
    }

    /// <summary>Counts of everything decoded, skipped and rejected so far.</summary>
    public NmeaStatistics Statistics { get; } = new();

    /// <summary>Why the last line was rejected, when it was.</summary>
    public RejectionReason? LastRejection { get; private set; }

    /// <summary>Why the last line was skipped, when it was.</summary>
    public SkipReason? LastSkip { get; private set; }

    /// <summary>Decodes one line given as text (tests and tools; the byte overload is the fast path).</summary>
    public LineOutcome Decode(string line, out DecodedMessage message, Instant? stampedReceived = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        var bytes = line.Length <= 1024 ? stackalloc byte[line.Length] : new byte[line.Length];
        for (var i = 0; i < line.Length; i++)
        {
            bytes[i] = line[i] < 256 ? (byte)line[i] : (byte)'?';
        }

        return Decode(bytes, out message, stampedReceived);
    }

    /// <summary>
    /// Decodes one line (without or with its CR/LF). <paramref name="stampedReceived"/> is the
    /// receive instant a live source stamped, used when the line itself carries no time.
    /// </summary>
    public LineOutcome Decode(ReadOnlySpan<byte> line, out DecodedMessage message, Instant? stampedReceived = null)
    {
        message = default;
        LastRejection = null;
        LastSkip = null;
        var lineNumber = ++Statistics.LinesRead;
        if (_fragments.HasPending)
        {
            _fragments.Expire(lineNumber);
        }

        if (line.Length > _options.MaxLineLengthBytes)
        {
            return Reject(RejectionReason.LineTooLong);
        }

        line = line.Trim(Whitespace);
        if (line.IsEmpty)
        {
            return Skip(SkipReason.BlankLine);
        }

        TagBlock? tag = null;
        if (line[0] == (byte)'\\' && line.Length > 1 && line[1] is (byte)'!' or (byte)'$')
        {
            // A lone backslash before the sentence: an empty tag block.
            Statistics.TagBlockMalformedParameters++;
            line = line[1..];
        }
        else if (line[0] == (byte)'\\')
        {
            var end = TagBlockEnd(line);
            if (end < 0)
            {
                return Reject(RejectionReason.Unrecognised);
            }

            var parsed = _tagBlocks.Parse(line[1..end]);
            Statistics.TagBlockChecksumMismatches += parsed.ChecksumMismatch ? 1 : 0;
            Statistics.TagBlockMalformedParameters += parsed.HasMalformedParameter ? 1 : 0;
            tag = parsed;
            line = line[(end + 1)..];
        }
        else if (line[0] == (byte)'#')
        {
            return Skip(SkipReason.Comment);
        }

        if (line.Length < 2 || (line[0] != (byte)'!' && line[0] != (byte)'$'))
        {
            return Reject(RejectionReason.Unrecognised);
        }

        var addressEnd = line.IndexOfAny((byte)',', (byte)'*');
        var address = addressEnd < 0 ? line[1..] : line[1..addressEnd];
        if (address.IsEmpty || address.ContainsAnyExcept(AddressCharacters))
        {
            return Reject(RejectionReason.Unrecognised);
        }

        if (address.Length == 5 && address[2] == (byte)'V' && address[3] == (byte)'D' && (address[4] == (byte)'M' || address[4] == (byte)'O'))
        {
            return DecodeVdm(line, addressEnd, address[4] == (byte)'O', tag, lineNumber, stampedReceived, out message);
        }

        if (address.SequenceEqual("PGHP"u8))
        {
            return TimeSentence(line);
        }

        return Skip(address[0] == (byte)'P' ? SkipReason.ProprietarySentence : SkipReason.OtherSentence);
    }

    /// <summary>End of stream: fragments still waiting are counted as <see cref="RejectionReason.FragmentIncomplete"/>.</summary>
    public void Flush()
    {
        _fragments.DropAll();
        _pendingTimeSentence = null;
    }

    // Printable ASCII except the NMEA delimiters: real feeds use talkers such as "=I" (AMSA).
    private static readonly SearchValues<byte> AddressCharacters = SearchValues.Create("\"#%&'()+-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8);

    private LineOutcome DecodeVdm(ReadOnlySpan<byte> line, int addressEnd, bool ownShip, TagBlock? tag, long lineNumber, Instant? stamped, out DecodedMessage message)
    {
        message = default;
        var star = line.IndexOf((byte)'*');
        if (star < 0 || !NmeaChecksum.TryParseHex(line[(star + 1)..], out var given))
        {
            return Reject(RejectionReason.MissingChecksum);
        }

        var checksumValid = NmeaChecksum.Compute(line[1..star]) == given;
        if (!checksumValid && !_options.AcceptBadChecksum)
        {
            return Reject(RejectionReason.BadChecksum);
        }

        var suffix = line[(star + 3)..];
        if (addressEnd != 6 || line[6] != (byte)',')
        {
            return Reject(RejectionReason.MalformedSentence);
        }

        var fields = line[7..star];
        if (!NextField(ref fields, out var countField) || !NextField(ref fields, out var numberField) || !NextField(ref fields, out var sequenceField)
            || !NextField(ref fields, out var channelField) || !NextField(ref fields, out var payload) || fields.Contains((byte)','))
        {
            return Reject(RejectionReason.MalformedSentence);
        }

        var fillField = fields;
        if (countField.Length != 1 || numberField.Length != 1 || !IsDigit(countField[0]) || !IsDigit(numberField[0]))
        {
            return Reject(RejectionReason.MalformedSentence);
        }

        var count = countField[0] - '0';
        var number = numberField[0] - '0';
        if (count == 0 || number == 0 || number > count)
        {
            return Reject(RejectionReason.InvalidFragmentCount);
        }

        var sequenceId = -1;
        if (!sequenceField.IsEmpty)
        {
            if (!TagBlockParser.TryParseLong(sequenceField, out var parsedSequence) || parsedSequence > 99)
            {
                return Reject(RejectionReason.MalformedSentence);
            }

            sequenceId = (int)parsedSequence;
        }

        var fillBits = 0;
        if (!fillField.IsEmpty)
        {
            if (fillField.Length != 1 || !IsDigit(fillField[0]) || fillField[0] > (byte)'5')
            {
                return Reject(RejectionReason.InvalidFillBits);
            }

            fillBits = fillField[0] - '0';
        }

        if (payload.IsEmpty && number == 1)
        {
            // A later fragment may be empty (it adds no bits); a message cannot be.
            return Reject(RejectionReason.EmptyPayload);
        }

        var received = tag?.ReceiverTime ?? _pendingTimeSentence;
        _pendingTimeSentence = null;
        string? source = tag?.Source;
        if (suffix.Length > 1 && suffix[0] == (byte)',')
        {
            ReadReceiverSuffix(suffix[1..], ref received, ref source);
        }

        received ??= stamped;
        var channel = channelField.IsEmpty ? '\0' : (char)channelField[0];
        var fragmentCount = 1;
        if (count > 1)
        {
            if (payload.ContainsAnyExcept(PayloadCharacters))
            {
                return Reject(RejectionReason.InvalidPayloadCharacter);
            }

            var key = new FragmentKey(tag?.Source, tag?.GroupId ?? -1, channel, sequenceId, count, ownShip);
            if (!_fragments.Add(key, number, payload, fillBits, lineNumber, received, checksumValid))
            {
                return LineOutcome.Fragment;
            }

            payload = _fragments.AssembledPayload;
            fillBits = _fragments.AssembledFillBits;
            received = _fragments.AssembledReceived ?? received;
            checksumValid = _fragments.AssembledChecksumValid;
            fragmentCount = _fragments.AssembledFragmentCount;
        }

        if (payload.Length * 6 > (MaxPayloadWords - 2) * 64)
        {
            return Reject(RejectionReason.PayloadTooLong, fragmentCount);
        }

        if (!AisBits.TryUnpack(payload, _words, out var bitCount))
        {
            return Reject(RejectionReason.InvalidPayloadCharacter, fragmentCount);
        }

        var status = AisMessageDecoder.Decode(new AisBits(_words, Math.Max(0, bitCount - fillBits)), out var position, out var other);
        if (status is AisDecodeStatus.PayloadTooShort or AisDecodeStatus.UnknownMessageType)
        {
            return Reject(status == AisDecodeStatus.PayloadTooShort ? RejectionReason.PayloadTooShort : RejectionReason.UnknownMessageType, fragmentCount);
        }

        var metadata = new MessageMetadata
        {
            LineNumber = lineNumber,
            Received = received,
            Source = source,
            Channel = channel,
            OwnShip = ownShip,
            ChecksumValid = checksumValid,
            TagBlock = tag,
        };
        message = status == AisDecodeStatus.Position ? new DecodedMessage(metadata, position) : new DecodedMessage(metadata, other!);
        Statistics.FragmentLinesUsed += fragmentCount - 1;
        Statistics.BadChecksumsAccepted += checksumValid ? 0 : 1;
        Statistics.CountMessage(message.MessageType);
        return LineOutcome.Message;
    }

    private static readonly SearchValues<byte> PayloadCharacters = SearchValues.Create("0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW`abcdefghijklmnopqrstuvw"u8);

    private LineOutcome TimeSentence(ReadOnlySpan<byte> line)
    {
        // $PGHP,1,yyyy,M,d,H,m,s,ms,country,region,pss,online*hh (Gatehouse): fields 1–13.
        var star = line.IndexOf((byte)'*');
        if (star < 0 || !NmeaChecksum.TryParseHex(line[(star + 1)..], out var given) || NmeaChecksum.Compute(line[1..star]) != given)
        {
            return Reject(RejectionReason.MalformedTimeSentence);
        }

        var fields = line[6..star];
        Span<long> numbers = stackalloc long[8];
        var fieldCount = 0;
        while (NextField(ref fields, out var field) || !fields.IsEmpty || fieldCount < 13)
        {
            if (fieldCount < 8 && !TagBlockParser.TryParseLong(field, out numbers[fieldCount]))
            {
                return Reject(RejectionReason.MalformedTimeSentence);
            }

            fieldCount++;
            if (fields.IsEmpty && !field.IsEmpty && fieldCount >= 13 || fieldCount > 13)
            {
                break;
            }
        }

        var (type, year, month, day, hour, minute, second, millisecond) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6], numbers[7]);
        if (fieldCount != 13 || type != 1 || year is < 1970 or > 9999 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth((int)year, (int)month)
            || hour > 23 || minute > 59 || second > 59 || millisecond > 999)
        {
            return Reject(RejectionReason.MalformedTimeSentence);
        }

        _pendingTimeSentence = Instant.FromUtc((int)year, (int)month, (int)day, (int)hour, (int)minute, (int)second).PlusTicks(millisecond * NodaConstants.TicksPerMillisecond);
        return Skip(SkipReason.TimeSentence);
    }

    /// <summary>USCG/receiver suffix after the checksum: ",b003669794,1272412827" or ",d-109,S2105,…,r003669946,1325394060,…".</summary>
    private void ReadReceiverSuffix(ReadOnlySpan<byte> suffix, ref Instant? received, ref string? source)
    {
        var timeFound = received.HasValue;
        while (!suffix.IsEmpty)
        {
            var end = suffix.IndexOf((byte)',');
            var field = (end < 0 ? suffix : suffix[..end]).TrimEnd(Whitespace);
            suffix = end < 0 ? default : suffix[(end + 1)..];
            if (field.Length == 10 && !timeFound && TagBlockParser.TryParseLong(field, out var unix))
            {
                received = Instant.FromUnixTimeSeconds(unix);
                timeFound = true;
            }
            else if (source is null && field.Length > 1 && (field[0] == (byte)'r' || field[0] == (byte)'b') && !field[1..].ContainsAnyExcept(AddressCharacters))
            {
                source = _strings.Get(field);
            }
        }
    }

    private static int TagBlockEnd(ReadOnlySpan<byte> line)
    {
        for (var i = 1; i < line.Length - 1; i++)
        {
            var next = line[(i)..].IndexOf((byte)'\\');
            if (next < 0)
            {
                return -1;
            }

            i += next;
            if (i + 1 < line.Length && (line[i + 1] == (byte)'!' || line[i + 1] == (byte)'$'))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool NextField(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> field)
    {
        var comma = rest.IndexOf((byte)',');
        if (comma < 0)
        {
            field = rest;
            rest = default;
            return false;
        }

        field = rest[..comma];
        rest = rest[(comma + 1)..];
        return true;
    }

    private static bool IsDigit(byte c) => (uint)(c - '0') <= 9;

    private LineOutcome Reject(RejectionReason reason, int lines = 1)
    {
        LastRejection = reason;
        Statistics.CountRejection(reason, lines);
        return LineOutcome.Rejected;
    }

    private LineOutcome Skip(SkipReason reason)
    {
        LastSkip = reason;
        Statistics.CountSkip(reason);
        return LineOutcome.Skipped;
    }
}
