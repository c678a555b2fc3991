using AisMonitor.Core.Ais;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Tracking;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CsCheck;
using NodaTime;

namespace AisMonitor.Core.Tests.Tracking;

/// <summary>The data structures written for speed agree with the plain ones they replace.</summary>
public sealed class HotPathStructureTests
{
    [Fact]
    public void The_vessel_table_finds_every_vessel_added_and_nothing_else_and_keeps_their_order()
    {
        var table = new VesselTable();
        var added = new List<uint>();
        var random = new Random(3);
        for (var i = 0; i < 50_000; i++)
        {
            // Consecutive blocks and random MMSIs, as real feeds mix fleets and strangers.
            var mmsi = i % 2 == 0 ? 200_000_000u + (uint)i : (uint)random.Next(1, 999_999_999);
            if (table.Find(MmsiHash.Of(mmsi), mmsi) is null)
            {
                table.Add(MmsiHash.Of(mmsi), new VesselState(new Mmsi(mmsi)));
                added.Add(mmsi);
            }
        }

        Assert.Equal(added.Count, table.Count);
        Assert.Equal(added, table.Values.Select(v => v.Mmsi.Value));
        Assert.All(added, m => Assert.Equal(m, table.Find(MmsiHash.Of(m), m)!.Mmsi.Value));
        var absent = Enumerable.Range(0, 10_000).Select(i => 100_000_000u + (uint)i).Where(m => !added.Contains(m));
        Assert.All(absent, m => Assert.Null(table.Find(MmsiHash.Of(m), m)));
    }

    [Fact]
    public void What_every_position_reads_of_a_vessel_lies_in_the_bytes_fetched_ahead_of_it()
    {
        // The engine fetches the first VesselState.HotBytes of a vessel's state before its message comes
        // up (and fewer for an eviction pass or a removal); the runtime, not the source, decides the
        // layout, so a new field can push these out.
        var vessel = new VesselState(new Mmsi(211_000_001))
        {
            LastGood = new TrackPoint(Instant.FromUnixTimeSeconds(1_700_000_000), 12.34567, -98.7654, 10, TrackPointQuality.Good),
            PendingSuspect = new TrackPoint(Instant.FromUnixTimeSeconds(1_700_000_600), 23.4567, 76.5432, 10, TrackPointQuality.Suspect),
        };
        vessel.Turns.LoopStartUnixSeconds = 0xCAFE_BABE; // the tracker's last field
        vessel.SilenceCheckDue = 0x0123_4567_89AB_CDEF;
        vessel.Remember(new TrackPoint(Instant.FromUnixTimeMilliseconds(1_712_345_678_901), 1, 1, null, TrackPointQuality.Good)); // the last-heard time
        var fields = Fields(vessel);
        var expected = new (string Name, byte[] Pattern, int Within)[]
        {
            ("LastGood", BitConverter.GetBytes(-98.7654f), VesselState.HotBytes),
            ("PendingSuspect", BitConverter.GetBytes(76.5432f), VesselState.HotBytes),
            ("Turns", BitConverter.GetBytes(0xCAFE_BABEu), VesselState.HotBytes),
            ("SilenceCheckDue", BitConverter.GetBytes(0x0123_4567_89AB_CDEFL), VesselState.HotBytes),
            ("the last-heard time", BitConverter.GetBytes(1_712_345_678_901L), VesselState.ThroughLastHeardBytes),
            ("Mmsi", BitConverter.GetBytes(211_000_001u), VesselState.ThroughMmsiBytes),
        };

        Assert.All(expected, f =>
        {
            var end = fields.AsSpan().IndexOf(f.Pattern) is var at and >= 0 ? MethodTablePointer + at + f.Pattern.Length : int.MaxValue;
            Assert.True(end <= f.Within, $"{f.Name} ends at byte {end}, past {f.Within} (int.MaxValue: not found)");
        });

        // The twin flag: the one byte that differs between two states whose side objects hold the same, but for the twin.
        var (alone, twinned) = (new VesselState(new Mmsi(211_000_002)) { Abandoned = default(TrackPoint) }, new VesselState(new Mmsi(211_000_002)) { Abandoned = default(TrackPoint) });
        twinned.Twin = alone;
        var (a, b) = (Fields(alone), Fields(twinned));
        var flag = Enumerable.Range(2 * IntPtr.Size, a.Length - (2 * IntPtr.Size)).Last(i => a[i] != b[i]); // past the side object's reference
        Assert.True(MethodTablePointer + flag + 1 <= VesselState.ThroughLastHeardBytes, $"the twin flag is at byte {MethodTablePointer + flag}, past {VesselState.ThroughLastHeardBytes}");
    }

    private const int MethodTablePointer = 8; // field offsets count from the object's start, the fields begin after this pointer

    private static byte[] Fields(VesselState vessel) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<RawObject>(vessel).FirstField, 2 * VesselState.HotBytes).ToArray();

    private sealed class RawObject
    {
#pragma warning disable CS0649 // read through Unsafe.As: the first byte of any object's fields
        public byte FirstField;
#pragma warning restore CS0649
    }

    [Fact]
    public void The_interval_bin_without_a_logarithm_is_the_bin_with_one() =>
        Gen.Double[1, 1 << 25].Sample(seconds =>
            IntervalHistogram.BinOf(seconds) == (int)(Math.Log2(seconds) * 4), iter: 200_000);

    [Fact]
    public void Counts_at_a_length_and_its_fractions_in_one_pass_answer_as_counting_each_does_merged_and_restored_too()
    {
        // One pass down the bins answers four lengths at once, between additions of any length.
        Gen.Select(Gen.Double[1, 1 << 24].Array[0, 300], Gen.Double[1, 1 << 26].Array[1, 20]).Sample((intervals, lengths) =>
        {
            var histogram = new IntervalHistogram();
            foreach (var (interval, i) in intervals.Select((x, i) => (x, i)))
            {
                histogram.Add(interval);
                var length = lengths[i % lengths.Length];
                histogram.CountAtLeastFractions(IntervalHistogram.PositionOf(length), out var whole, out var half, out var third, out var quarter);
                if (!Close(whole, histogram.CountAtLeast(length)) || !Close(half, histogram.CountAtLeast(length / 2))
                    || !Close(third, histogram.CountAtLeast(length / 3)) || !Close(quarter, histogram.CountAtLeast(length / 4)))
                {
                    return false;
                }
            }

            // A block is its cells merged, and a restart restores a snapshot: both count as the original.
            var merged = new IntervalHistogram();
            merged.Merge(histogram);
            var restored = IntervalHistogram.FromSnapshot(histogram.ToSnapshot());
            return lengths.All(length => new[] { merged, restored }.All(copy =>
            {
                copy.CountAtLeastFractions(IntervalHistogram.PositionOf(length), out var whole, out var half, out var third, out var quarter);
                return Close(whole, histogram.CountAtLeast(length)) && Close(half, histogram.CountAtLeast(length / 2))
                    && Close(third, histogram.CountAtLeast(length / 3)) && Close(quarter, histogram.CountAtLeast(length / 4));
            }));
        }, iter: 300);

        static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));
    }

    [Fact]
    public void Removing_vessels_in_batches_leaves_the_rest_findable_in_their_order_and_the_removed_gone()
    {
        // Eviction mends the open-addressing table around each removed vessel instead of rebuilding it.
        var table = new VesselTable();
        var random = new Random(7);
        var held = new List<uint>();
        for (var round = 0; round < 20; round++)
        {
            for (var i = 0; i < 5_000; i++)
            {
                var mmsi = random.Next(3) == 0 ? 200_000_000u + (uint)random.Next(20_000) : (uint)random.Next(1, 999_999_999); // clusters and strangers
                if (table.Find(MmsiHash.Of(mmsi), mmsi) is null)
                {
                    table.Add(MmsiHash.Of(mmsi), new VesselState(new Mmsi(mmsi)));
                    held.Add(mmsi);
                }
            }

            var share = random.Next(1, 10);
            var gone = new List<VesselState>();
            table.RemoveWhere(v => (v.Mmsi.Value + (uint)round) % 10 < share, gone);
            var removed = gone.Select(v => v.Mmsi.Value).ToList();
            Assert.Equal(held.Where(m => (m + (uint)round) % 10 < share), removed);
            held.RemoveAll(m => (m + (uint)round) % 10 < share);
            Assert.Equal(held, table.Values.Select(v => v.Mmsi.Value));
            Assert.All(held, m => Assert.Equal(m, table.Find(MmsiHash.Of(m), m)!.Mmsi.Value));
            Assert.All(removed, m => Assert.Null(table.Find(MmsiHash.Of(m), m)));
        }
    }

    [Fact]
    public void A_partition_found_without_dividing_is_the_remainder_for_every_hash_and_count() =>
        // The engine finds a vessel's partition by FastModulo; a wrong remainder would file a vessel in two partitions.
        Gen.Select(Gen.UInt, Gen.Int[1, 64], Gen.Int[1, int.MaxValue]).Sample((value, few, any) =>
            new FastModulo(few).Of(value) == value % (uint)few && new FastModulo(any).Of(value) == value % (uint)any
            && new FastModulo(few).Of(uint.MaxValue - value) == (uint.MaxValue - value) % (uint)few, iter: 20_000);

    [Fact]
    public void Selection_finds_what_sorting_puts_at_each_place_whatever_the_values() =>
        // Evicting the longest silent tenth picks its cut by selection: ties (vessels heard at the same second) included.
        Gen.Select(Gen.Long[-5, 5].Array[1, 200], Gen.Long.Array[1, 200], Gen.Int[0, 1000]).Sample((few, any, at) =>
        {
            foreach (var values in new[] { few, any })
            {
                var k = at % values.Length;
                if (Selection.Smallest(values.ToArray(), k) != values.Order().ElementAt(k))
                {
                    return false;
                }
            }

            return true;
        }, iter: 2000);

    [Theory]
    [InlineData(1.0, 0)]
    [InlineData(2.0, 4)]
    [InlineData(864.0, 39)]
    [InlineData(21_600.0, 57)]
    public void Interval_bins_at_known_lengths(double seconds, int bin) => Assert.Equal(bin, IntervalHistogram.BinOf(seconds));
}
