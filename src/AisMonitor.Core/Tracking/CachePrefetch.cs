using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace AisMonitor.Core.Tracking;

/// <summary>
/// Hints to the processor to start fetching memory that will be needed a few messages later.
/// Per-vessel state is spread over far more memory than the caches hold, so without the hint
/// every message waits for main memory two or three times. A hint is never a read: a stale
/// address (the garbage collector may move an object) costs nothing but the hint. No-ops where
/// the instruction is not available.
/// </summary>
internal static class CachePrefetch
{
    public static unsafe void Element<T>(ref T element)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref element));
        }
    }

    /// <summary>The first <paramref name="cacheLines"/> 64-byte lines of an object.</summary>
    public static unsafe void Object(object instance, int cacheLines)
    {
        if (Sse.IsSupported)
        {
            var address = *(byte**)Unsafe.AsPointer(ref instance);
            for (var line = 0; line < cacheLines; line++)
            {
                Sse.Prefetch0(address + (line * 64));
            }
        }
    }
}
