using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AisMonitor.Worker.Output;
using NodaTime;
using NodaTime.Text;

namespace AisMonitor.Worker.Tests.Output;

/// <summary>
/// The decode command's hand-written UTF-8 output against the libraries it stands in for: every value
/// the JSON writer and the instant formatter are given comes out as <see cref="Utf8JsonWriter"/> (relaxed
/// escaping) and NodaTime's extended ISO pattern write it. (Whole files are compared byte for byte in the
/// decode golden tests.)
/// </summary>
public sealed class Utf8OutputTests
{
    [Fact]
    public void Instants_are_written_as_NodaTime_s_extended_ISO_pattern_writes_them()
    {
        var random = new Random(20261206);
        var instants = new List<Instant>
        {
            Instant.FromUtc(2024, 1, 10, 0, 0, 19), Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUtc(9999, 12, 31, 23, 59, 59) + Duration.FromNanoseconds(999_999_999),
            Instant.FromUtc(2024, 2, 29, 12, 0) + Duration.FromMilliseconds(5), Instant.FromUtc(1970, 1, 1, 0, 0) + Duration.FromNanoseconds(1), Instant.MinValue, Instant.MaxValue,
            Instant.FromUtc(-50, 3, 1, 0, 0), // before year 1: NodaTime's own pattern
        };
        for (var i = 0; i < 10_000; i++)
        {
            var instant = Instant.FromUnixTimeTicks(random.NextInt64(Instant.FromUtc(1, 1, 1, 0, 0).ToUnixTimeTicks(), Instant.FromUtc(9999, 12, 31, 0, 0).ToUnixTimeTicks()));
            instants.Add(i % 3 == 0 ? Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds()) : i % 3 == 1 ? Instant.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds()) : instant);
        }

        var buffer = new byte[Utf8Instant.MaximumLength];
        foreach (var instant in instants)
        {
            Assert.Equal(InstantPattern.ExtendedIso.Format(instant), Encoding.UTF8.GetString(buffer, 0, Utf8Instant.Format(instant, buffer)));
        }
    }

    [Theory]
    [InlineData("ANGARA")]
    [InlineData("SAID \"HELLO\"")]
    [InlineData("BACK\\SLASH")]
    [InlineData("TAB\tNEW\nLINE\u0001\u001f\u007f")]
    [InlineData("NORDLÆNDINGEN Ø Å ü € 𝄞")]
    [InlineData("<script>&'+`")]
    [InlineData("")]
    public void Text_is_escaped_as_the_JSON_writer_escapes_it(string text) =>
        Assert.Equal(Expected(json => json.WriteString("name", text)), Written(writer => writer.WriteText("name", text)));

    [Fact]
    public void Numbers_integers_booleans_and_nulls_are_written_as_the_JSON_writer_writes_them()
    {
        var random = new Random(7);
        var doubles = new List<double> { 0, -0.0, 1, -1, 0.1, 1e-5, 1e-7, 123456789012345678, 1.7976931348623157e308, double.Epsilon, 181, 91, 102.3, 60.508333333333336, -179.99999 };
        doubles.AddRange(Enumerable.Range(0, 5000).Select(_ => Math.Round((random.NextDouble() - 0.5) * 360 * 600_000) / 600_000));
        doubles.AddRange(Enumerable.Range(-40_000, 80_000).Select(k => k / 10.0)); // tenths: speeds and courses, written from their digits
        doubles.AddRange(Enumerable.Range(0, 5000).Select(_ => random.NextInt64(-(1L << 50), 1L << 50) / 10.0));
        doubles.AddRange([0.30000000000000004, 1e14 + 0.1, 9.9999999999999e14, 1e15 / 10, -0.1, 0.05, 102.30000000000001]);
        doubles.AddRange(Enumerable.Range(0, 2000).Select(_ => BitConverter.Int64BitsToDouble(random.NextInt64() & 0x7FEF_FFFF_FFFF_FFFF) * (random.Next(2) == 0 ? 1 : -1)));
        foreach (var value in doubles)
        {
            Assert.Equal(Expected(json => json.WriteNumber("v", value)), Written(writer => writer.WriteNumber("v", value)));
        }

        foreach (var value in new long[] { 0, -1, long.MaxValue, long.MinValue, 273210440 })
        {
            Assert.Equal(Expected(json => json.WriteNumber("v", value)), Written(writer => writer.WriteInteger("v", value)));
        }

        Assert.Equal(Expected(json => json.WriteBoolean("v", true)), Written(writer => writer.WriteBoolean("v", true)));
        Assert.Equal(Expected(json => json.WriteNull("v")), Written(writer => writer.WriteNumber("v", null)));
        Assert.Equal(Expected(json => json.WriteNull("v")), Written(writer => writer.WriteText("v", null)));
        Assert.Equal(Expected(json => json.WriteNull("v")), Written(writer => writer.WriteNumber("v", double.NaN))); // JSON has no NaN: null, not a crash
    }

    [Fact]
    public void Names_and_instants_kept_between_fields_are_written_as_the_JSON_writer_writes_them()
    {
        // Constants and names made at run time, one longer than a 32-byte block, one to escape, more
        // interned names than there are slots or kept names; each twice, so that kept ones are found again.
        var names = new List<string> { "msg_type", "a_name_longer_than_the_thirty_two_byte_block", new('x', 5), "naïve", "quo\"te", "lat", "lon" };
        names.AddRange(Enumerable.Range(0, 3000).Select(i => string.Intern("field_" + i)));
        names.AddRange(names.ToList());
        var instants = new[] { Instant.FromUtc(2024, 1, 10, 0, 0, 19), Instant.FromUtc(2024, 1, 10, 0, 0, 19), Instant.FromUtc(2024, 1, 10, 0, 0, 20) + Duration.FromMilliseconds(5), Instant.FromUtc(2024, 1, 10, 0, 0, 19) };

        Assert.Equal(
            Expected(json =>
            {
                for (var i = 0; i < names.Count; i++)
                {
                    json.WriteNumber(names[i], i);
                    json.WriteString("received", InstantPattern.ExtendedIso.Format(instants[i % instants.Length]));
                }
            }),
            Written(writer =>
            {
                for (var i = 0; i < names.Count; i++)
                {
                    writer.WriteInteger(names[i], i);
                    writer.WriteInstant("received", instants[i % instants.Length]);
                }
            }));
    }

    // One property after another (so with its comma), from the writer under test ...
    private static string Written(Action<JsonLinesMessageWriter> write)
    {
        using var output = new MemoryStream();
        using (var writer = new JsonLinesMessageWriter(output))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    // ... and from System.Text.Json, with the options the writer used before.
    private static string Expected(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            json.WriteStartObject();
            json.WriteNull("first");
            write(json);
            json.WriteEndObject();
        }

        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return text["{\"first\":null".Length..^1];
    }
}
