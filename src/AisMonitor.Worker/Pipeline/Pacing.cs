using System.Diagnostics;
using NodaTime;

namespace AisMonitor.Worker.Pipeline;

/// <summary>Sleeps so that event time advances <c>factor</c> times faster than the wall clock (a replay at a chosen speed).</summary>
internal sealed class Pacing(double factor)
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private Instant? _first;

    public void Wait(Instant? eventTime)
    {
        if (eventTime is not { } time)
        {
            return;
        }

        _first ??= time;
        var due = TimeSpan.FromSeconds((time - _first.Value).TotalSeconds / factor);
        var wait = due - _wall.Elapsed;
        if (wait > TimeSpan.FromMilliseconds(1))
        {
            Thread.Sleep(wait);
        }
    }
}
