using NodaTime;

namespace AisMonitor.Ingestion.Replay;

/// <summary>Whether an input is in event-time order, as far as replay needs it.</summary>
public static class InputOrder
{
    /// <summary>
    /// Reads <paramref name="reader"/> to its end and counts the messages more than
    /// <paramref name="window"/> behind the latest time before them: those replay would have to drop
    /// as too late (0: the input can be replayed as it is).
    /// </summary>
    public static (long Late, long Messages) CountLate(IMessageReader reader, Duration window)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long late = 0, messages = 0;
        var latest = long.MinValue;
        var windowTicks = window.BclCompatibleTicks;
        while (reader.TryRead(out var message))
        {
            messages++;
            if (message.Metadata.Received is not { } time)
            {
                continue;
            }

            var ticks = time.ToUnixTimeTicks();
            if (latest != long.MinValue && ticks < latest - windowTicks)
            {
                late++;
            }
            else if (ticks > latest)
            {
                latest = ticks;
            }
        }

        return (late, messages);
    }
}
