using AisMonitor.Core.Ais;
using CsCheck;

namespace AisMonitor.Core.Tests.Ais;

/// <summary>Armoured payload characters to bits, against a reference that goes one bit at a time.</summary>
public sealed class PayloadUnpackingTests
{
    private const string Armour = "0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW`abcdefghijklmnopqrstuvw";

    [Fact]
    public void Every_payload_unpacks_to_the_bits_its_characters_stand_for_whatever_its_length()
    {
        // Short payloads one length after another (the unpacking takes characters in groups, with a tail), and
        // long ones (a type 5 is 71 characters, a long binary message hundreds); now and then a character outside the armour.
        var characters = Gen.OneOf(Gen.Int[0, Armour.Length - 1].Select(i => (byte)Armour[i]), Gen.Byte);
        var payloads = Gen.Frequency((4, characters.Array[0, 40]), (1, characters.Array[40, 330]));
        payloads.Sample(payload =>
        {
            var words = new ulong[64];
            Array.Fill(words, 0xDEAD_BEEF_DEAD_BEEFUL); // what a previous, longer message left
            var unpacked = AisBits.TryUnpack(payload, words, out var bitCount);
            var expected = Reference(payload);
            if (expected is null)
            {
                return !unpacked;
            }

            if (!unpacked || bitCount != expected.Length)
            {
                return false;
            }

            var bits = new AisBits(words, bitCount + 64); // through the word after the payload, which must read as zeros
            for (var i = 0; i < bitCount + 64; i++)
            {
                if (bits.U(i, 1) != (i < bitCount ? expected[i] : 0UL))
                {
                    return false;
                }
            }

            return true;
        }, iter: 20_000);
    }

    [Fact]
    public void A_character_outside_the_armour_anywhere_in_a_long_payload_is_refused()
    {
        var payload = Enumerable.Repeat((byte)'w', 100).ToArray();
        for (var at = 0; at < payload.Length; at++)
        {
            foreach (var bad in new byte[] { (byte)'X', (byte)'_', (byte)'/', (byte)'x', 0, 0xFF })
            {
                var copy = (byte[])payload.Clone();
                copy[at] = bad;
                Assert.False(AisBits.TryUnpack(copy, new ulong[64], out _), $"'{(char)bad}' at {at}");
            }
        }
    }

    /// <summary>Six bits per character, most significant first; null when a character is not armour.</summary>
    private static byte[]? Reference(byte[] payload)
    {
        var bits = new List<byte>();
        foreach (var c in payload)
        {
            int value = c switch
            {
                >= (byte)'0' and <= (byte)'W' => c - 48,
                >= (byte)'`' and <= (byte)'w' => c - 56,
                _ => -1,
            };
            if (value < 0)
            {
                return null;
            }

            for (var b = 5; b >= 0; b--)
            {
                bits.Add((byte)((value >> b) & 1));
            }
        }

        return [.. bits];
    }
}
