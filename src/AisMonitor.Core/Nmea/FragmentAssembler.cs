using NodaTime;

namespace AisMonitor.Core.Nmea;

/// <summary>
/// Reassembles multi-sentence AIS messages. Fragments are keyed by source, tag-block group,
/// channel, sequential message id and fragment count, so interleaved messages from several
/// receivers do not mix; fragments may arrive in any order. A continuation without a tag block
/// joins the latest pending message it fits (feeds often tag only the first fragment). Bounded: a message that does not
/// complete within <see cref="NmeaDecoderOptions.MaxFragmentAgeLines"/> lines, or that is the
/// oldest when <see cref="NmeaDecoderOptions.MaxPendingMessages"/> are held, is dropped and its
/// lines counted as <see cref="RejectionReason.FragmentExpired"/>. Buffers are reused, so steady
/// state allocates nothing.
/// </summary>
internal sealed class FragmentAssembler
{
    private readonly NmeaDecoderOptions _options;
    private readonly NmeaStatistics _statistics;
    private readonly List<PendingMessage> _pending = [];
    private readonly Stack<PendingMessage> _free = new();
    private byte[] _assembled = new byte[512];

    public FragmentAssembler(NmeaDecoderOptions options, NmeaStatistics statistics)
    {
        _options = options;
        _statistics = statistics;
    }

    public bool HasPending => _pending.Count > 0;

    /// <summary>The payload of the message completed by the last <see cref="Add"/> that returned true.</summary>
    public ReadOnlySpan<byte> AssembledPayload => _assembled.AsSpan(0, AssembledLength);

    public int AssembledLength { get; private set; }

    public int AssembledFillBits { get; private set; }

    public int AssembledFragmentCount { get; private set; }

    public Instant? AssembledReceived { get; private set; }

    public bool AssembledChecksumValid { get; private set; }

    /// <summary>The sentence checksum of the completed message's first fragment (−1 when unknown), to pair a $PGHP time with.</summary>
    public int AssembledFirstChecksum { get; private set; }

    /// <summary>Drops messages whose first fragment is older than the age limit.</summary>
    public void Expire(long currentLine)
    {
        for (var i = _pending.Count - 1; i >= 0; i--)
        {
            if (currentLine - _pending[i].FirstLine > _options.MaxFragmentAgeLines)
            {
                Drop(i, RejectionReason.FragmentExpired);
            }
        }
    }

    /// <summary>Drops everything still pending (end of stream).</summary>
    public void DropAll()
    {
        for (var i = _pending.Count - 1; i >= 0; i--)
        {
            Drop(i, RejectionReason.FragmentIncomplete);
        }
    }

    /// <summary>Adds a fragment; true when it completed its message (see the Assembled* properties).</summary>
    public bool Add(in FragmentKey key, int number, ReadOnlySpan<byte> payload, int fillBits, long line, Instant? received, bool checksumValid, int sentenceChecksum = -1)
    {
        var index = Find(key);
        if (index < 0 && number > 1 && key is { Source: null, GroupId: -1 })
        {
            index = FindTaggedStart(key, number);
        }

        if (index >= 0 && _pending[index].Has(number))
        {
            // The same fragment again: the earlier message never completed and its key is being reused.
            Drop(index, RejectionReason.FragmentExpired);
            index = -1;
        }

        if (index < 0)
        {
            if (_pending.Count >= _options.MaxPendingMessages)
            {
                Drop(0, RejectionReason.FragmentExpired);
            }

            var created = _free.Count > 0 ? _free.Pop() : new PendingMessage();
            created.Start(key, line);
            _pending.Add(created);
            index = _pending.Count - 1;
        }

        var pending = _pending[index];
        pending.Store(number, payload, fillBits, received, checksumValid, sentenceChecksum);
        _statistics.FragmentLinesPending++;
        if (!pending.IsComplete)
        {
            return false;
        }

        _pending.RemoveAt(index);
        _statistics.FragmentLinesPending -= pending.Key.Count;
        AssembledLength = pending.CopyTo(ref _assembled);
        AssembledFillBits = pending.FillBits;
        AssembledFragmentCount = pending.Key.Count;
        AssembledReceived = pending.Received;
        AssembledChecksumValid = pending.ChecksumValid;
        AssembledFirstChecksum = pending.FirstChecksum;
        _free.Push(pending);
        return true;
    }

    private int Find(in FragmentKey key)
    {
        for (var i = 0; i < _pending.Count; i++)
        {
            if (_pending[i].Key.Equals(key))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Many feeds tag only a message's first fragment: an untagged continuation belongs to the latest
    /// pending message, tagged or not, of the same channel, sequential id and count that still lacks
    /// this fragment.
    /// </summary>
    private int FindTaggedStart(in FragmentKey key, int number)
    {
        for (var i = _pending.Count - 1; i >= 0; i--)
        {
            var candidate = _pending[i].Key;
            if (candidate.Channel == key.Channel && candidate.SequenceId == key.SequenceId && candidate.Count == key.Count
                && candidate.OwnShip == key.OwnShip && !_pending[i].Has(number))
            {
                return i;
            }
        }

        return -1;
    }

    private void Drop(int index, RejectionReason reason)
    {
        var pending = _pending[index];
        _pending.RemoveAt(index);
        _statistics.FragmentLinesPending -= pending.FragmentsHeld;
        _statistics.CountRejection(reason, pending.FragmentsHeld);
        _free.Push(pending);
    }

    private sealed class PendingMessage
    {
        private readonly byte[][] _parts = new byte[9][];
        private readonly int[] _lengths = new int[9];
        private int _receivedMask;

        public FragmentKey Key { get; private set; }

        public long FirstLine { get; private set; }

        public int FragmentsHeld { get; private set; }

        public int FillBits { get; private set; }

        public Instant? Received { get; private set; }

        public bool ChecksumValid { get; private set; }

        public int FirstChecksum { get; private set; }

        public bool IsComplete => FragmentsHeld == Key.Count;

        public bool Has(int number) => (_receivedMask & (1 << number)) != 0;

        public void Start(in FragmentKey key, long line)
        {
            Key = key;
            FirstLine = line;
            FragmentsHeld = 0;
            _receivedMask = 0;
            FillBits = 0;
            Received = null;
            ChecksumValid = true;
            FirstChecksum = -1;
        }

        public void Store(int number, ReadOnlySpan<byte> payload, int fillBits, Instant? received, bool checksumValid, int sentenceChecksum)
        {
            var slot = number - 1;
            if (_parts[slot] is null || _parts[slot].Length < payload.Length)
            {
                _parts[slot] = new byte[Math.Max(96, payload.Length)];
            }

            payload.CopyTo(_parts[slot]);
            _lengths[slot] = payload.Length;
            _receivedMask |= 1 << number;
            FragmentsHeld++;
            ChecksumValid &= checksumValid;
            Received ??= received;
            FirstChecksum = number == 1 ? sentenceChecksum : FirstChecksum;
            if (number == Key.Count)
            {
                FillBits = fillBits;
                Received = received ?? Received;
            }
        }

        public int CopyTo(ref byte[] target)
        {
            var total = 0;
            for (var i = 0; i < Key.Count; i++)
            {
                total += _lengths[i];
            }

            if (target.Length < total)
            {
                target = new byte[total];
            }

            var offset = 0;
            for (var i = 0; i < Key.Count; i++)
            {
                _parts[i].AsSpan(0, _lengths[i]).CopyTo(target.AsSpan(offset));
                offset += _lengths[i];
            }

            return total;
        }
    }
}
