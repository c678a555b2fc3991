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
    private readonly TimeSentencePairing _timePairing;
    private readonly ulong[] _words = new ulong[MaxPayloadWords];
    private Instant? _pendingTimeSentence;
    private TagBlock _tagBlock;
    private bool _hasTagBlock;

    /// <summary>Creates a decoder; the options are validated.</summary>
    public NmeaAisDecoder(NmeaDecoderOptions? options = null)
    {
        _options = options ?? new NmeaDecoderOptions();
        _options.Validate();
        _tagBlocks = new TagBlockParser(_strings);
        _fragments = new FragmentAssembler(_options, Statistics);
        _timePairing = new TimeSentencePairing(_options.TimeSentenceWindowLines, _options.ExpectTimeSentences, Statistics);
    }

    /// <summary>Counts of everything decoded, skipped and rejected so far.</summary>
    public NmeaStatistics Statistics { get; } = new();

    /// <summary>Why the last line was rejected, when it was.</summary>
    public RejectionReason? LastRejection { get; private set; }

    /// <summary>
    /// The tag block of the last line, when it had one: its less common parameters (n:, r:, t:, d:,
    /// g:) are here rather than copied into every message's metadata.
    /// </summary>
    public TagBlock? LastTagBlock => _hasTagBlock ? _tagBlock : null;

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

        if (_timePairing.HasHeld)
        {
            _timePairing.Expire(lineNumber);
        }

        if (line.Length > _options.MaxLineLengthBytes)
        {
            return Reject(RejectionReason.LineTooLong);
        }

        line = TrimControlAndSpace(line);
        if (line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            line = line[3..]; // a UTF-8 byte order mark: files saved by editors start with one
        }

        if (line.IsEmpty)
        {
            return Skip(SkipReason.BlankLine);
        }

        if (line[0] is (>= (byte)'0' and <= (byte)'9') or (byte)'[' && LoggedTime.SentenceStart(line, out var logged) is > 0 and var sentence)
        {
            // A receive time the logger wrote before the sentence: used when the tag block and the sentence give none.
            line = line[sentence..];
            stampedReceived = logged;
        }

        _hasTagBlock = false;
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

            // Parsed in place: the struct is large and copying it per line is measurable.
            _tagBlocks.Parse(line[1..end], out _tagBlock);
            _hasTagBlock = true;
            Statistics.TagBlockChecksumMismatches += _tagBlock.ChecksumMismatch ? 1 : 0;
            Statistics.TagBlockMalformedParameters += _tagBlock.HasMalformedParameter ? 1 : 0;
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

        var addressEnd = AddressEnd(line);
        var address = addressEnd < 0 ? line[1..] : line[1..addressEnd];
        if (!IsAddress(address))
        {
            return Reject(RejectionReason.Unrecognised);
        }

        if (address.Length == 5 && address[2] == (byte)'V' && address[3] == (byte)'D' && (address[4] == (byte)'M' || address[4] == (byte)'O'))
        {
            return DecodeVdm(line, addressEnd, address[4] == (byte)'O', lineNumber, stampedReceived, ref message); // message: cleared above
        }

        if (address.SequenceEqual("PGHP"u8))
        {
            return TimeSentence(line, lineNumber);
        }

        return Skip(address[0] == (byte)'P' ? SkipReason.ProprietarySentence : SkipReason.OtherSentence);
    }

    /// <summary>
    /// A message that waited for its $PGHP time (<see cref="LineOutcome.Held"/>), in input order, once
    /// it has its time or the window has passed. Call after every line and after <see cref="Flush"/>.
    /// </summary>
    public bool TryTakeReleased(out DecodedMessage message) => _timePairing.TryRelease(out message);

    /// <summary>Whether messages are waiting for their $PGHP time (<see cref="TryTakeReleased"/> has something to give only then).</summary>
    public bool HoldsMessages => _timePairing.HasHeld;

    /// <summary>
    /// End of stream: fragments still waiting are counted as <see cref="RejectionReason.FragmentIncomplete"/>,
    /// and messages waiting for a time are released without one.
    /// </summary>
    public void Flush()
    {
        _fragments.DropAll();
        _timePairing.Flush();
        _pendingTimeSentence = null;
    }


    /// <remarks><paramref name="message"/> comes cleared and is left so when the line is not a message (clearing 160 bytes once per line is enough).</remarks>
    private LineOutcome DecodeVdm(ReadOnlySpan<byte> line, int addressEnd, bool ownShip, long lineNumber, Instant? stamped, ref DecodedMessage message)
    {
        if (addressEnd != 6 || line[6] != (byte)',')
        {
            return Reject(RejectionReason.MalformedSentence);
        }

        Span<int> bounds = stackalloc int[12];
        var star = SplitFields(line, bounds, out var fieldCount);
        if (star < 0 || !NmeaChecksum.TryParseHex(line[(star + 1)..], out var given))
        {
            return Reject(RejectionReason.MissingChecksum);
        }

        var checksumValid = NmeaChecksum.Compute(line[1..star]) == given;
        if (!checksumValid && !_options.AcceptBadChecksum)
        {
            return Reject(RejectionReason.BadChecksum);
        }

        if (fieldCount != 6)
        {
            return Reject(RejectionReason.MalformedSentence);
        }

        var suffix = line[(star + 3)..];
        var countField = line[bounds[0]..bounds[1]];
        var numberField = line[bounds[2]..bounds[3]];
        var sequenceField = line[bounds[4]..bounds[5]];
        var channelField = line[bounds[6]..bounds[7]];
        var payload = line[bounds[8]..bounds[9]];
        var fillField = line[bounds[10]..bounds[11]];
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

        var received = (_hasTagBlock ? _tagBlock.ReceiverTime : null) ?? _pendingTimeSentence;
        _pendingTimeSentence = null;
        if (received is null && _timePairing.Active)
        {
            received = _timePairing.TakeTime(given, lineNumber);
        }

        var tagSource = _hasTagBlock ? _tagBlock.Source : null;
        var source = tagSource;
        if (suffix.Length > 1 && suffix[0] == (byte)',')
        {
            ReadReceiverSuffix(suffix[1..], ref received, ref source);
        }

        received ??= stamped;
        var channel = channelField.IsEmpty ? '\0' : (char)channelField[0];
        var fragmentCount = 1;
        int firstChecksum = given;
        if (count > 1)
        {
            if (payload.ContainsAnyExcept(PayloadCharacters))
            {
                return Reject(RejectionReason.InvalidPayloadCharacter);
            }

            var key = new FragmentKey(tagSource, _hasTagBlock ? _tagBlock.GroupId : -1, channel, sequenceId, count, ownShip);
            if (!_fragments.Add(key, number, payload, fillBits, lineNumber, received, checksumValid, given))
            {
                return LineOutcome.Fragment;
            }

            payload = _fragments.AssembledPayload;
            fillBits = _fragments.AssembledFillBits;
            received = _fragments.AssembledReceived ?? received;
            checksumValid = _fragments.AssembledChecksumValid;
            fragmentCount = _fragments.AssembledFragmentCount;
            firstChecksum = _fragments.AssembledFirstChecksum;
            if (received is null && _timePairing.Active && firstChecksum >= 0)
            {
                received = _timePairing.TakeTime(firstChecksum, lineNumber);
            }
        }

        if (payload.Length * 6 > (MaxPayloadWords - 2) * 64)
        {
            return Reject(RejectionReason.PayloadTooLong, fragmentCount);
        }

        if (!AisBits.TryUnpack(payload, _words, out var bitCount))
        {
            return Reject(RejectionReason.InvalidPayloadCharacter, fragmentCount);
        }

        // Written where the caller keeps the message (it comes cleared; a report too short or of an unknown
        // type leaves its position cleared): built on the stack, it was copied there three times.
        var status = AisMessageDecoder.Decode(new AisBits(_words, Math.Max(0, bitCount - fillBits)), out DecodedMessage.PositionPlace(ref message), out var other);
        if (status is AisDecodeStatus.PayloadTooShort or AisDecodeStatus.UnknownMessageType)
        {
            return Reject(status == AisDecodeStatus.PayloadTooShort ? RejectionReason.PayloadTooShort : RejectionReason.UnknownMessageType, fragmentCount);
        }

        DecodedMessage.MessagePlace(ref message) = other;
        DecodedMessage.MetadataPlace(ref message) = new MessageMetadata
        {
            LineNumber = lineNumber,
            Received = received,
            Source = source,
            Channel = channel,
            OwnShip = ownShip,
            ChecksumValid = checksumValid,
        };

        Statistics.FragmentLinesUsed += fragmentCount - 1;
        Statistics.BadChecksumsAccepted += checksumValid ? 0 : 1;
        Statistics.CountMessage(message.MessageType);
        if (_timePairing.HasHeld || (received is null && _timePairing.Active))
        {
            // Waits for a $PGHP that may follow, or behind one that does, so input order is kept.
            _timePairing.Hold(message, firstChecksum, given, lineNumber, ready: received is not null);
            return LineOutcome.Held;
        }

        return LineOutcome.Message;
    }

    private static readonly SearchValues<byte> PayloadCharacters = SearchValues.Create("0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW`abcdefghijklmnopqrstuvw"u8);

    private LineOutcome TimeSentence(ReadOnlySpan<byte> line, long lineNumber)
    {
        // $PGHP,1,yyyy,M,d,H,m,s,ms,country,region,pss,online*hh (Gatehouse): fields 1–13.
        var star = line.IndexOf((byte)'*');
        if (star < 0 || !NmeaChecksum.TryParseHex(line[(star + 1)..], out var given) || NmeaChecksum.Compute(line[1..star]) != given)
        {
            return Reject(RejectionReason.MalformedTimeSentence);
        }

        if (star < 6 || line[5] != (byte)',')
        {
            return Reject(RejectionReason.MalformedTimeSentence);
        }

        var fields = line[6..star];
        Span<long> numbers = stackalloc long[8];
        var fieldCount = 0;
        var stampedChecksum = -1;
        bool more;
        do
        {
            more = NextField(ref fields, out var field);
            if (fieldCount == 12 && field.Length == 2 && NmeaChecksum.TryParseHex(field, out var stamped))
            {
                stampedChecksum = stamped;
            }

            if (fieldCount < numbers.Length && !TagBlockParser.TryParseLong(field, out numbers[fieldCount]))
            {
                return Reject(RejectionReason.MalformedTimeSentence);
            }

            fieldCount++;
        }
        while (more);

        var (type, year, month, day, hour, minute, second, millisecond) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6], numbers[7]);
        if (fieldCount != 13 || type != 1 || year is < 1970 or > 9999 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth((int)year, (int)month)
            || hour > 23 || minute > 59 || second > 59 || millisecond > 999)
        {
            return Reject(RejectionReason.MalformedTimeSentence);
        }

        var time = Instant.FromUtc((int)year, (int)month, (int)day, (int)hour, (int)minute, (int)second).PlusTicks(millisecond * NodaConstants.TicksPerMillisecond);
        if (stampedChecksum >= 0)
        {
            // Field 13 names the sentence this time belongs to, before or after it.
            _timePairing.AddTime(stampedChecksum, time, lineNumber);
        }
        else
        {
            _pendingTimeSentence = time;
        }

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
            if (field.Length >= 10 && !timeFound && LoggedTime.TryParse(field, out var logged))
            {
                // USCG: Unix seconds; Danish Maritime Authority logs: milliseconds; other loggers: a fraction, or ISO 8601.
                received = logged;
                timeFound = true;
            }
            else if (source is null && field.Length > 1 && (field[0] == (byte)'r' || field[0] == (byte)'b') && IsAddress(field))
            {
                source = _strings.Get(field);
            }
        }
    }

    /// <summary>
    /// Finds the VDM fields after "!AIVDM," in one pass (start/end pairs in <paramref name="bounds"/>)
    /// and returns the index of the '*' that ends them, or −1 when the line has none. The short
    /// fields are scanned byte by byte; only the payload uses a vector search.
    /// </summary>
    private static int SplitFields(ReadOnlySpan<byte> line, Span<int> bounds, out int fieldCount)
    {
        fieldCount = 0;
        var i = 7;
        while (true)
        {
            int end;
            if (fieldCount == 4)
            {
                var length = line[i..].IndexOfAny((byte)',', (byte)'*');
                end = length < 0 ? line.Length : i + length;
            }
            else
            {
                end = i;
                while (end < line.Length && line[end] != (byte)',' && line[end] != (byte)'*')
                {
                    end++;
                }
            }

            if (fieldCount < 6)
            {
                bounds[2 * fieldCount] = i;
                bounds[(2 * fieldCount) + 1] = end;
            }

            fieldCount++;
            if (end >= line.Length)
            {
                return -1;
            }

            if (line[end] == (byte)'*')
            {
                return end;
            }

            i = end + 1;
        }
    }

    /// <summary>Index of the ',' or '*' that ends the address field ("!AIVDM"), scanning the usual few bytes without a vector search.</summary>
    private static int AddressEnd(ReadOnlySpan<byte> line)
    {
        var scalar = Math.Min(line.Length, 8);
        for (var i = 1; i < scalar; i++)
        {
            if (line[i] is (byte)',' or (byte)'*')
            {
                return i;
            }
        }

        var rest = line.Length > scalar ? line[scalar..].IndexOfAny((byte)',', (byte)'*') : -1;
        return rest < 0 ? -1 : rest + scalar;
    }

    /// <summary>A talker and sentence formatter: printable ASCII other than the NMEA delimiters (real feeds use talkers such as "=I").</summary>
    private static bool IsAddress(ReadOnlySpan<byte> address)
    {
        if (address.IsEmpty)
        {
            return false;
        }

        foreach (var c in address)
        {
            if (c is <= (byte)' ' or >= 0x7F or (byte)'!' or (byte)'$' or (byte)'\\')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Trims bytes up to and including space (CR, LF, tab, NUL, …) at both ends.</summary>
    private static ReadOnlySpan<byte> TrimControlAndSpace(ReadOnlySpan<byte> line)
    {
        var start = 0;
        var end = line.Length;
        while (end > 0 && line[end - 1] <= (byte)' ')
        {
            end--;
        }

        while (start < end && line[start] <= (byte)' ')
        {
            start++;
        }

        return line[start..end];
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
