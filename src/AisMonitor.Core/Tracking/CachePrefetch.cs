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

    /// <summary>
    /// The cache lines that hold the first <paramref name="bytes"/> bytes of an object (from its
    /// method table pointer, where field offsets count from). Objects are aligned to 8 bytes, not to
    /// a line, so the same bytes span one line more or less from one object to the next: counted
    /// from the object's own address, not as a number of lines.
    /// </summary>
    public static unsafe void Object(object instance, int bytes)
    {
        if (Sse.IsSupported)
        {
            var address = (nuint)(*(byte**)Unsafe.AsPointer(ref instance));
            for (var line = address & ~(nuint)63; line < address + (nuint)bytes; line += 64)
            {
                Sse.Prefetch0((void*)line);
            }
        }
    }
}
