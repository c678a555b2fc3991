using AisMonitor.Core.Ais;
using AisMonitor.Core.Nmea;
using AisMonitor.Core.Tests.Support;
using BenchmarkDotNet.Attributes;

namespace AisMonitor.Benchmarks;

/// <summary>
/// Where the time of a position decode goes: the same Norwegian position lines with and without
/// their tag blocks, and the 6-bit payload decode alone (no NMEA layer).
/// </summary>
[MemoryDiagnoser]
public class DecodeStageBenchmarks
{
    private const int Lines = 1_000_000;
    private LineSet _withTagBlocks = null!;
    private byte[][] _withoutTagBlocks = null!;
    private byte[][] _payloads = null!;
    private NmeaAisDecoder _decoder = null!;
    private readonly ulong[] _words = new ulong[64];

    [GlobalSetup]
    public void Setup()
    {
        _withTagBlocks = LineSet.Load(TestData.File("nmea-logs", "aisnet-kystverket-Ais1000Lines.nm4"), Lines, positionsOnly: true);
        _withoutTagBlocks = new byte[_withTagBlocks.Count][];
        _payloads = new byte[_withTagBlocks.Count][];
        for (var i = 0; i < _withTagBlocks.Count; i++)
        {
            var line = _withTagBlocks[i];
            var sentence = line[(line[1..].IndexOf((byte)'\\') + 2)..];
            _withoutTagBlocks[i] = sentence.ToArray();
            var fifth = 0;
            var start = 0;
            for (var j = 0; j < sentence.Length; j++)
            {
                if (sentence[j] == (byte)',' && ++fifth == 5)
                {
                    start = j + 1;
                    break;
                }
            }

            _payloads[i] = sentence[start..(start + sentence[start..].IndexOf((byte)','))].ToArray();
        }

        _decoder = new NmeaAisDecoder();
    }

    [Benchmark(OperationsPerInvoke = Lines, Baseline = true)]
    public int LinesWithTagBlocks()
    {
        var n = 0;
        for (var i = 0; i < _withTagBlocks.Count; i++)
        {
            n += _decoder.Decode(_withTagBlocks[i], out var m) == LineOutcome.Message ? m.Position.TimestampSecond ?? 0 : 0;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int LinesWithoutTagBlocks()
    {
        var n = 0;
        foreach (var line in _withoutTagBlocks)
        {
            n += _decoder.Decode(line, out var m) == LineOutcome.Message ? m.Position.TimestampSecond ?? 0 : 0;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int PayloadsOnly()
    {
        var n = 0;
        foreach (var payload in _payloads)
        {
            AisBits.TryUnpack(payload, _words, out var bits);
            AisMessageDecoder.Decode(new AisBits(_words, bits), out var position, out _);
            n += position.TimestampSecond ?? 0;
        }

        return n;
    }
}
