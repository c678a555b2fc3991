using AisMonitor.Core.Ais;

namespace AisMonitor.Ingestion.Live;

/// <summary>
/// Where a live source puts the messages it decodes: gathered into batches, handed to the pipeline
/// when a batch is full or the source has nothing more to read for now. One per source, used from
/// that source's task only.
/// </summary>
public interface IMessageSink
{
    /// <summary>
    /// For a source that can resume (a folder): where it is, after the last message added. When set,
    /// each batch records it as it is sealed, and a checkpoint keeps the position of the last batch
    /// detected, so a restart neither skips nor repeats a message.
    /// </summary>
    Func<string>? Position { get; set; }

    /// <summary>Adds a message to the batch being gathered.</summary>
    void Add(in DecodedMessage message);

    /// <summary>Hands over the full batches (and the one being gathered too when <paramref name="idle"/>: the source has nothing more for now), waiting while the pipeline is full (the policy of sources that can wait: no loss).</summary>
    ValueTask FlushAsync(bool idle, CancellationToken cancellation);

    /// <summary>Hands over the full batches (and the partial one when <paramref name="idle"/>) that the pipeline has room for and drops the rest (the policy of sources that cannot wait); returns the messages dropped.</summary>
    int FlushOrDrop(bool idle);
}
