using System.Globalization;

namespace AisMonitor.Worker.Output;

/// <summary>
/// A double as its shortest round-trip text (what <c>ToString()</c> and <see cref="System.Text.Json.Utf8JsonWriter"/>
/// write), into UTF-8. AIS carries speed, course and the like in tenths: a value that is exactly k/10 is written
/// from k directly ("102.3", "10"), the same text the general algorithm finds at several times the cost;
/// other values from 1e-5 to 1e15 take <see cref="ShortestDecimal"/>, the rest the runtime's own formatting.
/// </summary>
internal static class Utf8Number
{
    /// <summary>The most bytes a double takes (<c>-1.7976931348623157E+308</c>).</summary>
    public const int MaximumLength = 32;

    public static int Format(double value, Span<byte> destination)
    {
        var tenths = value * 10;
        if (Math.Abs(tenths) < 1e15 && tenths == Math.Round(tenths) && tenths / 10 == value && !(value == 0 && double.IsNegative(value)))
        {
            var k = (long)tenths;
            var whole = Math.Abs(k) / 10;
            var at = 0;
            if (k < 0)
            {
                destination[at++] = (byte)'-';
            }

            whole.TryFormat(destination[at..], out var written, default, CultureInfo.InvariantCulture);
            at += written;
            if (Math.Abs(k) % 10 is var digit and > 0)
            {
                destination[at++] = (byte)'.';
                destination[at++] = (byte)('0' + digit);
            }

            return at;
        }

        if (ShortestDecimal.TryFormat(value, destination, out var shortest))
        {
            return shortest; // latitudes, longitudes and other fractions
        }

        value.TryFormat(destination, out var general, default, CultureInfo.InvariantCulture);
        return general;
    }
}
