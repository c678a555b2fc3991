using System.Collections.Concurrent;

namespace AisMonitor.Worker.Pipeline;

/// <summary>Message batches handed back once detected and reused, so a live feed allocates no batch per batch (a batch of 1,024 messages is large-object sized).</summary>
internal sealed class BatchPool(int size)
{
    private readonly ConcurrentBag<MessageBatch> _free = [];

    public MessageBatch Rent() => _free.TryTake(out var batch) ? batch : new MessageBatch(size);

    public void Return(MessageBatch batch)
    {
        batch.Count = 0;
        batch.Position = null;
        _free.Add(batch);
    }
}
