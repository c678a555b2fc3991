using NodaTime;

namespace AisMonitor.Ingestion.Replay;

/// <summary>Whether an input is in event-time order, as far as replay needs it.</summary>
public static class InputOrder
{
    /// <summary>
    /// Reads <paramref name="reader"/> to its end and counts the messages more than
    /// <paramref name="window"/> behind the feed's time before them (as the engine's
    /// <see cref="Core.Tracking.FeedClock"/> with <paramref name="agreement"/> sees it, so a stray
    /// time years ahead does not make the rest late): those replay would have to drop as too late
    /// (0: the input can be replayed as it is).
    /// </summary>
    public static (long Late, long Messages) CountLate(IMessageReader reader, Duration window, int agreement = 16)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long late = 0, messages = 0;
        var clock = new Core.Tracking.FeedClock(agreement);
        while (reader.TryRead(out var message))
        {
            messages++;
            if (message.Metadata.Received is not { } time)
            {
                continue;
            }

            if (clock.Now is { } now && time < now - window)
            {
                late++;
            }
            else
            {
                clock.Observe(time);
            }
        }

        return (late, messages);
    }
}
