using AisMonitor.Core.Nmea;
using AisMonitor.Core.Tests.Support;
using BenchmarkDotNet.Attributes;

namespace AisMonitor.Benchmarks;

/// <summary>
/// Full decode of position reports (types 1, 2, 3, 18): tag block parsed, sentence checksum
/// verified, every field decoded into a <c>PositionReport</c>. One operation = one line of the
/// set; the sets hold only lines that decode to position reports, so messages/s = 1 / (time per op)
/// and the allocation column is per position message. <see cref="WholeNorwegianFile"/> decodes
/// every line of the file (types 5 and 24 allocate their strings) for reference.
/// </summary>
[MemoryDiagnoser]
public class PositionDecodeBenchmarks
{
    private const int Lines = 1_000_000;
    private LineSet _norwegianPositions = null!;
    private LineSet _amsaPositions = null!;
    private LineSet _norwegianAll = null!;
    private NmeaAisDecoder _decoder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _norwegianPositions = LineSet.Load(TestData.File("nmea-logs", "aisnet-kystverket-Ais1000Lines.nm4"), Lines, positionsOnly: true);
        _amsaPositions = LineSet.Load(TestData.File("nmea-logs", "amsa-terrestrial-ais.txt.gz"), Lines, positionsOnly: true);
        _norwegianAll = LineSet.Load(TestData.File("nmea-logs", "aisnet-kystverket-Ais1000Lines.nm4"), Lines, positionsOnly: false);
        _decoder = new NmeaAisDecoder();
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public double NorwegianPositionReports() => DecodeAll(_norwegianPositions);

    [Benchmark(OperationsPerInvoke = Lines)]
    public double AmsaPositionReports() => DecodeAll(_amsaPositions);

    [Benchmark(OperationsPerInvoke = Lines)]
    public double WholeNorwegianFile() => DecodeAll(_norwegianAll);

    private double DecodeAll(LineSet lines)
    {
        var decoder = _decoder;
        var checksum = 0.0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (decoder.Decode(lines[i], out var message) == LineOutcome.Message)
            {
                checksum += message.Position.LatitudeDegrees ?? 0;
            }
        }

        return checksum;
    }
}
