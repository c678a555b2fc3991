using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Geo;
using NodaTime;
using NodaTime.Text;

namespace AisMonitor.Core.Alerts;

/// <summary>
/// Alerts (and engine snapshots) as JSON: snake_case names, enums as strings, instants as ISO-8601 UTC, MMSI and IMO as
/// numbers, positions as {lat, lon}; nulls left out. Deterministic: the same alert, the same bytes.
/// </summary>
public static class AlertJson
{
    /// <summary>The serializer options of alerts, snapshots and scenarios.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower),
            new InstantConverter(),
            new MmsiConverter(),
            new ImoConverter(),
            new GeoPointConverter(),
        },
    };

    /// <summary>A kind as written in JSON, the database and the command line: snake_case (<c>transponder_gap</c>).</summary>
    public static string KindName(AlertKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    /// <summary>
    /// The same, with positions to full precision: for the spool, which must hand the database exactly
    /// what it would have got without an outage.
    /// </summary>
    public static JsonSerializerOptions ExactOptions { get; } = Exact();

    private static JsonSerializerOptions Exact()
    {
        var exact = new JsonSerializerOptions(Options);
        exact.Converters.Remove(exact.Converters.OfType<GeoPointConverter>().Single());
        exact.Converters.Add(new GeoPointConverter(digits: null));
        return exact;
    }

    /// <summary>Instants as ISO-8601 UTC strings.</summary>
    public sealed class InstantConverter : JsonConverter<Instant>
    {
        /// <inheritdoc />
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            InstantPattern.ExtendedIso.Parse(reader.GetString()!).GetValueOrThrow();

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }

    private sealed class MmsiConverter : JsonConverter<Mmsi>
    {
        public override Mmsi Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetUInt32());

        public override void Write(Utf8JsonWriter writer, Mmsi value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }

    private sealed class ImoConverter : JsonConverter<Imo>
    {
        public override Imo Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Imo.TryCreate(reader.GetInt32(), out var imo) ? imo : throw new JsonException("invalid IMO number");

        public override void Write(Utf8JsonWriter writer, Imo value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }

    private sealed class GeoPointConverter(int? digits = 5) : JsonConverter<GeoPoint>
    {
        private double Round(double degrees) => digits is { } d ? Math.Round(degrees, d) : degrees;

        public override GeoPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            double latitude = double.NaN, longitude = double.NaN;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "lat")
                {
                    latitude = reader.GetDouble();
                }
                else if (name == "lon")
                {
                    longitude = reader.GetDouble();
                }
            }

            return GeoPoint.IsValid(latitude, longitude) ? new GeoPoint(latitude, longitude) : throw new JsonException("a position needs lat and lon in range");
        }

        public override void Write(Utf8JsonWriter writer, GeoPoint value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("lat", Round(value.LatitudeDegrees));
            writer.WriteNumber("lon", Round(value.LongitudeDegrees));
            writer.WriteEndObject();
        }
    }
}
