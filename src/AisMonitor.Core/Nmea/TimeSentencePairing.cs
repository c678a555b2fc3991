using AisMonitor.Core.Ais;
using NodaTime;

namespace AisMonitor.Core.Nmea;

/// <summary>
/// Pairs Gatehouse $PGHP times with the AIS sentences they stamp. Field 13 of a $PGHP is the
/// checksum of its sentence, which may come just before or just after it: a time waits here for
/// its sentence, and a message without a time waits here for its time sentence, each for at most
/// <see cref="NmeaDecoderOptions.TimeSentenceWindowLines"/> lines. Messages leave in input order.
/// </summary>
internal sealed class TimeSentencePairing(int windowLines, bool expectTimeSentences, NmeaStatistics statistics)
{
    private readonly List<WaitingTime> _times = [];
    private readonly List<HeldMessage> _held = [];

    /// <summary>True once a $PGHP carrying a sentence checksum has been read (or one is expected): untimed messages then wait for theirs.</summary>
    public bool Active { get; private set; } = expectTimeSentences;

    /// <summary>True when messages wait (for a time, or behind one that does).</summary>
    public bool HasHeld => _held.Count > 0;

    /// <summary>A time sentence for the sentence whose checksum is <paramref name="checksum"/>.</summary>
    public void AddTime(int checksum, Instant time, long line)
    {
        Active = true;
        Expire(line);
        foreach (var held in _held)
        {
            if (!held.Ready && (held.FirstChecksum == checksum || held.LastChecksum == checksum))
            {
                held.Message = held.Message.WithMetadata(held.Message.Metadata with { Received = time });
                held.Ready = true;
                return;
            }
        }

        _times.Add(new WaitingTime(checksum, time, line));
    }

    /// <summary>Takes the oldest waiting time for the sentence with this checksum, if one came within the window.</summary>
    public Instant? TakeTime(int checksum, long line)
    {
        if (_times.Count == 0)
        {
            return null;
        }

        Expire(line);
        for (var i = 0; i < _times.Count; i++)
        {
            if (_times[i].Checksum == checksum)
            {
                var time = _times[i].Time;
                _times.RemoveAt(i);
                return time;
            }
        }

        return null;
    }

    /// <summary>
    /// Queues a message: <paramref name="ready"/> when it has its time and only waits behind
    /// others, otherwise until a time for one of its checksums comes or the window passes.
    /// </summary>
    public void Hold(in DecodedMessage message, int firstChecksum, int lastChecksum, long line, bool ready) =>
        _held.Add(new HeldMessage { Message = message, FirstChecksum = firstChecksum, LastChecksum = lastChecksum, Line = line, Ready = ready });

    /// <summary>Lets go of what waited past the window as of <paramref name="line"/>.</summary>
    public void Expire(long line)
    {
        while (_times.Count > 0 && line - _times[0].Line > windowLines)
        {
            _times.RemoveAt(0);
            statistics.TimeSentencesUnused++;
        }

        foreach (var held in _held)
        {
            held.Ready |= line - held.Line > windowLines;
        }
    }

    /// <summary>The oldest held message, when it is ready to leave.</summary>
    public bool TryRelease(out DecodedMessage message)
    {
        if (_held.Count > 0 && _held[0].Ready)
        {
            message = _held[0].Message;
            _held.RemoveAt(0);
            return true;
        }

        message = default;
        return false;
    }

    /// <summary>End of input: every held message is ready as it is, and waiting times are unused.</summary>
    public void Flush()
    {
        statistics.TimeSentencesUnused += _times.Count;
        _times.Clear();
        foreach (var held in _held)
        {
            held.Ready = true;
        }
    }

    private readonly record struct WaitingTime(int Checksum, Instant Time, long Line);

    private sealed class HeldMessage
    {
        public DecodedMessage Message;
        public int FirstChecksum;
        public int LastChecksum;
        public long Line;
        public bool Ready;
    }
}
