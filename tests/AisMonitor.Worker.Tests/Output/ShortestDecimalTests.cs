using System.Globalization;
using System.Text;
using AisMonitor.Worker.Output;

namespace AisMonitor.Worker.Tests.Output;

/// <summary>
/// <see cref="ShortestDecimal"/> writes what <c>double.ToString()</c> writes, or leaves the value to it.
/// The test takes a sample of every kind; with <c>AISMONITOR_EXHAUSTIVE=1</c> it goes through every
/// latitude and longitude AIS can carry (326 million; about a minute).
/// </summary>
public sealed class ShortestDecimalTests
{
    [Fact]
    public void Every_AIS_coordinate_is_written_as_the_runtime_writes_it()
    {
        var exhaustive = Environment.GetEnvironmentVariable("AISMONITOR_EXHAUSTIVE") == "1";
        var random = new Random(20261207);
        IEnumerable<long> Raw(long limit) => exhaustive
            ? Enumerable.Range(0, (int)((2 * limit) + 1)).Select(i => i - limit)
            : Enumerable.Range(0, 1_000_000).Select(_ => random.NextInt64(-limit, limit + 1)).Concat([-limit, limit, 1, -1, 6, 60, 600, 6000, 60000, 600000]);

        // A position is a whole number of 1/600,000 degree: latitudes within ±91°, longitudes within ±181°.
        var mismatches = Raw(91 * 600_000).Concat(Raw(181 * 600_000)).Select(raw => raw / 600_000.0).Where(v => !Agrees(v)).Take(10).ToList();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Any_double_is_written_as_the_runtime_writes_it_or_left_to_it()
    {
        var random = new Random(7);
        var values = new List<double>();
        for (var i = 0; i < 300_000; i++)
        {
            values.Add(BitConverter.Int64BitsToDouble(random.NextInt64()));
            values.Add(random.NextDouble() * Math.Pow(10, random.Next(-7, 17)) * (random.Next(2) == 0 ? -1 : 1));
            values.Add(Math.Round(random.NextDouble() * 1000, random.Next(0, 9)));
        }

        // The ends of the fast way (1e-5, 1e15) and of exponent notation, powers of two (a neighbour half as far below), exact halves.
        for (var e = -7; e <= 17; e++)
        {
            values.AddRange([Math.Pow(10, e), Math.BitIncrement(Math.Pow(10, e)), Math.BitDecrement(Math.Pow(10, e))]);
        }

        for (var e = -20; e <= 53; e++)
        {
            values.AddRange([Math.Pow(2, e), Math.BitIncrement(Math.Pow(2, e)), Math.BitDecrement(Math.Pow(2, e)), -Math.Pow(2, e)]);
        }

        values.AddRange([0.5, 2.5, 0.30000000000000004, 5e-324, double.MaxValue, 0, -0.0, double.NaN, double.PositiveInfinity, 9.5367431640625e-07, 123456.789e3]);
        var mismatches = values.Where(v => !Agrees(v)).Take(10).ToList();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Numbers_outside_its_range_are_left_to_the_runtime()
    {
        var buffer = new byte[64];
        Assert.False(ShortestDecimal.TryFormat(0, buffer, out _));
        Assert.False(ShortestDecimal.TryFormat(1e15, buffer, out _));
        Assert.False(ShortestDecimal.TryFormat(9.99e-6, buffer, out _));
        Assert.False(ShortestDecimal.TryFormat(double.NaN, buffer, out _));
        Assert.True(ShortestDecimal.TryFormat(-(0.1 + 0.2), buffer, out var written));
        Assert.Equal("-0.30000000000000004", Encoding.ASCII.GetString(buffer, 0, written));
    }

    private static bool Agrees(double value)
    {
        Span<byte> buffer = stackalloc byte[64];
        return !ShortestDecimal.TryFormat(value, buffer, out var written)
            || Encoding.ASCII.GetString(buffer[..written]) == value.ToString(CultureInfo.InvariantCulture);
    }
}
