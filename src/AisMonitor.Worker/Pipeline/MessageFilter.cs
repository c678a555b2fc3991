using AisMonitor.Core.Ais;
using NodaTime;

namespace AisMonitor.Worker.Pipeline;

/// <summary>Which messages detection is given: only some vessels (when <paramref name="Mmsis"/> is set) and event times in [<paramref name="From"/>, <paramref name="To"/>).</summary>
internal sealed record MessageFilter(HashSet<uint>? Mmsis, Instant? From, Instant? To)
{
    public bool Accepts(in DecodedMessage message)
    {
        if (Mmsis is not null && !Mmsis.Contains(message.Mmsi.Value))
        {
            return false;
        }

        var time = message.Metadata.Received;
        return (From is null || time >= From) && (To is null || time < To);
    }
}
