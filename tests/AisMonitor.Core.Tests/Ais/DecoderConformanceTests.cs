using System.Globalization;
using System.Text;
using System.Text.Json;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Nmea;
using AisMonitor.Core.Tests.Support;
using NodaTime;
using Xunit.Abstractions;

namespace AisMonitor.Core.Tests.Ais;

/// <summary>
/// Every expected field of every vector collected from gpsd, pyais and libais
/// (tests/data/decoder-vectors) is compared with AisMonitor's decode.
/// </summary>
public sealed class DecoderConformanceTests(ITestOutputHelper output)
{
    private static readonly string[] Files = ["gpsd-sample-aivdm.jsonl", "pyais-decode.jsonl", "pyais-tagblock.jsonl", "libais-json.jsonl", "libais-cpp.jsonl"];

    public static TheoryData<string> VectorFiles() => new(Files);

    [Theory]
    [MemberData(nameof(VectorFiles))]
    public void Every_expected_field_of_every_positive_vector_agrees(string file)
    {
        var vectors = DecoderVector.Load(TestData.File("decoder-vectors", file)).Where(v => v.ExpectError is null).ToList();
        var failures = new List<string>();
        var compared = 0;
        var notDecoded = 0;
        foreach (var vector in vectors)
        {
            var decoded = DecodeAll(vector, out var decoder);
            Assert.True(decoder.Statistics.IsBalanced, vector.Id + ": statistics do not add up");
            if (vector.Expected is null || vector.Expected.Count == 0 || !vector.Expected.ContainsKey("msg_type") && !vector.Expected.ContainsKey("mmsi"))
            {
                continue; // tag-block-only records are checked by TagBlockVectorTests
            }

            if (ConformanceRules.Rejected.TryGetValue(vector.Id, out var rejection))
            {
                Assert.Empty(decoded);
                Assert.True(decoder.Statistics.RejectedFor(rejection.Reason) > 0, $"{vector.Id}: expected rejection {rejection.Reason}");
                continue;
            }

            if (decoded.Count == 0)
            {
                failures.Add($"{vector.Id}: no message (last rejection {decoder.LastRejection})");
                continue;
            }

            // gpsd merges a type 24 part A and part B into one report: compare with both.
            var actual = new Dictionary<string, object?>();
            foreach (var message in decoded)
            {
                Assert.Equal(!vector.HasChecksumNote, message.Metadata.ChecksumValid);
                foreach (var (name, value) in FieldCollector.Of(message))
                {
                    actual[name] = value;
                }
            }

            var type = decoded[^1].MessageType;
            foreach (var (sourceField, expected) in vector.Expected)
            {
                var field = type == 21 && sourceField == "reserved_1" ? "regional" : sourceField; // pyais' name for the regional bits

                if (ConformanceRules.DisagreementFor(vector.Id, field) is not null)
                {
                    continue;
                }

                if (!actual.TryGetValue(field, out var value))
                {
                    if (ConformanceRules.AbsentMeansZero(type, field) && expected.ToString() is "0" or "" or "False")
                    {
                        notDecoded++;
                        continue;
                    }

                    if (!ConformanceRules.FullyDecodedTypes.Contains(type) && (field is not ("msg_type" or "repeat" or "mmsi")) && ConformanceRules.NotDecoded.TryGetValue(type, out var allowed) && allowed.Contains(field))
                    {
                        notDecoded++;
                        continue;
                    }

                    failures.Add($"{vector.Id} type {type}: field {field} missing (expected {expected})");
                    continue;
                }

                compared++;
                if (!Agrees(vector, type, field, expected, value, actual, out var why))
                {
                    failures.Add($"{vector.Id} type {type}: {field} expected {expected} got {Format(value)} {why}");
                }
            }
        }

        output.WriteLine($"{file}: {vectors.Count} vectors, {compared} fields compared, {notDecoded} not decoded by design, {failures.Count} disagreements");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_negative_vector_is_rejected_or_skipped_with_a_reason()
    {
        var negatives = DecoderVector.Load(TestData.File("decoder-vectors", "pyais-decode.jsonl")).Where(v => v.ExpectError is not null).ToList();
        Assert.Equal(14, negatives.Count);
        foreach (var vector in negatives)
        {
            var decoder = new NmeaAisDecoder();
            foreach (var sentence in vector.Sentences)
            {
                Assert.NotEqual(LineOutcome.Message, decoder.Decode(sentence, out _));
                Assert.True(decoder.LastRejection.HasValue || decoder.LastSkip.HasValue, vector.Id);
                output.WriteLine($"{vector.Id} ({vector.ExpectError}): {(object?)decoder.LastRejection ?? decoder.LastSkip}");
            }

            decoder.Flush();
            Assert.Equal(0, decoder.Statistics.Messages);
            Assert.True(decoder.Statistics.IsBalanced);
        }
    }

    internal static List<DecodedMessage> DecodeAll(DecoderVector vector, out NmeaAisDecoder decoder)
    {
        decoder = new NmeaAisDecoder(new NmeaDecoderOptions { AcceptBadChecksum = true });
        var messages = new List<DecodedMessage>();
        foreach (var sentence in vector.Sentences)
        {
            if (decoder.Decode(sentence, out var message) == LineOutcome.Message)
            {
                messages.Add(message);
            }
        }

        decoder.Flush();
        return messages;
    }

    private static bool Agrees(DecoderVector vector, int type, string field, JsonElement expected, object? actual, Dictionary<string, object?> all, out string why)
    {
        why = string.Empty;
        var convention = vector.Convention;
        if (expected.ValueKind == JsonValueKind.Null)
        {
            return actual is null || actual is string { Length: 0 };
        }

        switch (field)
        {
            case "rot":
                return RateOfTurnAgrees(expected, all, out why);
            case "rot_raw":
                return NotAvailableOr(expected, -128, actual);
            case "utc_datetime":
                var text = expected.GetString()!;
                var instant = NodaTime.Text.InstantPattern.ExtendedIso.Parse(text);
                return instant.Success ? actual is Instant a && a == instant.Value : actual is null;
        }

        if (field == "vendor_id" && expected.GetString() is { Length: 7 } vendor)
        {
            // gpsd and libais read the pre-2010 42-bit vendor id; since ITU-R M.1371-4 its last
            // 24 bits are the model and serial number, which AisMonitor decodes separately.
            return vendor.TrimEnd('@')[..Math.Min(3, vendor.TrimEnd('@').Length)] == ((string?)actual ?? string.Empty);
        }

        if (actual is string or null && expected.ValueKind == JsonValueKind.String && field is not "imo")
        {
            var trimmed = expected.GetString()!.TrimEnd('@', ' ');
            return trimmed == ((string?)actual ?? string.Empty);
        }

        if (actual is bool b)
        {
            return expected.ValueKind switch
            {
                JsonValueKind.True => b,
                JsonValueKind.False => !b,
                JsonValueKind.Number => b == (expected.GetDouble() != 0),
                _ => false,
            };
        }

        if (expected.ValueKind == JsonValueKind.True && actual is not bool)
        {
            return actual is not null and not 0.0; // pyais asserted only that the value is truthy
        }

        var expectedNumber = expected.ValueKind == JsonValueKind.String
            ? double.Parse(expected.GetString()!, CultureInfo.InvariantCulture)
            : expected.ValueKind is JsonValueKind.True or JsonValueKind.False ? (expected.GetBoolean() ? 1 : 0) : expected.GetDouble();
        if (convention == "pyais_asdict" && type == 17 && field is "lat" or "lon")
        {
            expectedNumber /= 60; // pyais gives type 17 positions in minutes (README of the vectors)
        }

        if (actual is null)
        {
            why = "(null)";
            return IsNotAvailable(type, field, expectedNumber);
        }

        var value = Convert.ToDouble(actual, CultureInfo.InvariantCulture);
        var tolerance = vector.Tolerance.TryGetValue(field, out var t) ? t : DefaultTolerance(convention, type, field, expectedNumber);
        return Math.Abs(value - expectedNumber) <= tolerance;
    }

    /// <summary>The protocol's "not available" values (and out-of-range coordinates), which AisMonitor reports as null.</summary>
    private static bool IsNotAvailable(int type, string field, double expected) => field switch
    {
        "lat" => expected == 91 || Math.Abs(expected) > 90,
        "lon" => expected == 181 || Math.Abs(expected) > 180,
        "sog" => type == 9 ? expected == 1023 : expected >= 102.25 || (type == 27 && expected == 63),
        "cog" => expected >= 360,
        "heading" => expected >= 360,
        "draught" => expected == 0,
        "altitude" => expected == 4095,
        "eta_month" or "eta_day" => expected == 0,
        _ => false,
    };

    private static double DefaultTolerance(string convention, int type, string field, double expected) => convention switch
    {
        "gpsd_json_scaled" when field is "lat" or "lon" && type == 17 => 0.05, // gpsd prints type 17 positions with one decimal
        "gpsd_json_scaled" when field is "lat" or "lon" && type == 27 => 5e-5, // and type 27 with four
        "gpsd_json_scaled" => 1e-7,
        "pyais_asdict" => 1e-6,
        _ => Math.Max(1e-6, Math.Abs(expected) * 2e-6), // float32 values of libais
    };

    private static bool NotAvailableOr(JsonElement expected, int sentinel, object? actual)
    {
        var number = expected.GetInt64();
        return number == sentinel ? actual is null : actual is long l && l == number;
    }

    private static bool RateOfTurnAgrees(JsonElement expected, Dictionary<string, object?> all, out string why)
    {
        var raw = (long?)all.GetValueOrDefault("rot_raw");
        var degrees = (double?)all.GetValueOrDefault("rot");
        why = $"(rot_raw {Format(raw)})";
        if (expected.ValueKind == JsonValueKind.String)
        {
            return expected.GetString() switch
            {
                "n/a" => raw is null,
                "fastleft" => raw == -127,
                "fastright" => raw == 127,
                var number => degrees is { } d && Math.Abs(d - double.Parse(number!, CultureInfo.InvariantCulture)) < 0.006,
            };
        }

        var value = expected.GetDouble();
        return value switch
        {
            -128 => raw is null,
            _ when Math.Abs(Math.Abs(value) - 731.386) < 0.001 => raw is null, // libais' (128 / 4.733)² for "not available"
            127 or -127 => raw == (long)value,
            _ => degrees is { } d && Math.Abs(d - value) < 0.06 || raw is { } r && r == value,
        };
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
