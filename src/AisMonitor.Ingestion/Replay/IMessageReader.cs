using AisMonitor.Core.Ais;

namespace AisMonitor.Ingestion.Replay;

/// <summary>Messages one after another: a reader of one input, or several merged.</summary>
public interface IMessageSource
{
    /// <summary>The next message, or false at the end of the input.</summary>
    bool TryRead(out DecodedMessage message);
}

/// <summary>
/// Streams messages from one input, in input order, with constant memory for any input length.
/// Bad lines are counted in <see cref="Summary"/>, never thrown.
/// </summary>
public interface IMessageReader : IMessageSource, IDisposable
{
    /// <summary>Counts so far (final after <see cref="IMessageSource.TryRead"/> returned false).</summary>
    ReadSummary Summary { get; }

    /// <summary>Called for every rejected line with its number and reason (hosts sample it into the log).</summary>
    Action<long, string>? RejectionObserver { get; set; }
}
