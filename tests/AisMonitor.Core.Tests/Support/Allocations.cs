namespace AisMonitor.Core.Tests.Support;

/// <summary>Bytes allocated on the test's thread by code that should allocate nothing.</summary>
public static class Allocations
{
    /// <summary>
    /// The fewest bytes any of five calls of <paramref name="round"/> (given its number, 0–4) allocated:
    /// an allocation per operation shows in every round, while the runtime's own one-off work on this
    /// thread (tiered compilation replacing code mid-test, seen once in a full run) shows in one at most.
    /// </summary>
    public static long FewestOfFiveRounds(Action<int> round)
    {
        var fewest = long.MaxValue;
        for (var number = 0; number < 5; number++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            round(number);
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
