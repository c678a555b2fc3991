using AisMonitor.Core.Ais;
using AisMonitor.Ingestion.Replay;

namespace AisMonitor.Worker.Pipeline;

/// <summary>The merged messages of a replay, in reusable batches.</summary>
internal static class MessageBatches
{
    /// <summary>
    /// The merged messages in batches of 4,096: read on this thread, or with two threads read and
    /// decoded on a second one while this one detects. At most four batches wait between them, and
    /// a batch is reused once detected, so memory stays bounded and nothing is allocated per batch.
    /// </summary>
    public static IEnumerable<MessageBatch> Read(TimeOrderedMerge merge, int threads)
    {
        const int size = 4096;
        if (threads == 1)
        {
            var batch = new MessageBatch(size);
            while (Fill(batch, merge))
            {
                yield return batch;
            }

            yield break;
        }

        var full = System.Threading.Channels.Channel.CreateBounded<MessageBatch>(new System.Threading.Channels.BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var empty = System.Threading.Channels.Channel.CreateUnbounded<MessageBatch>();
        for (var i = 0; i < 6; i++)
        {
            empty.Writer.TryWrite(new MessageBatch(size));
        }

        // The reader thread is stopped and joined before this returns, however it returns (the end,
        // a break on Ctrl-C, an exception): the readers are disposed only after it has let go of them.
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            try
            {
                while (await empty.Reader.ReadAsync(stop.Token).ConfigureAwait(false) is { } batch && Fill(batch, merge))
                {
                    await full.Writer.WriteAsync(batch, stop.Token).ConfigureAwait(false);
                }

                full.Writer.TryComplete();
            }
            catch (OperationCanceledException)
            {
                full.Writer.TryComplete();
            }
            catch (Exception e)
            {
                full.Writer.TryComplete(e);
            }
        });
        try
        {
            while (full.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (full.Reader.TryRead(out var batch))
                {
                    yield return batch;
                    empty.Writer.TryWrite(batch);
                }
            }

            producer.GetAwaiter().GetResult(); // surfaces a reader failure
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.Wait();
            }
            catch (AggregateException)
            {
                // a reader failure already surfaced above, or the replay is stopping because of another one
            }
        }
    }

    /// <summary>Fills <paramref name="batch"/> from the merge; false at the end of input.</summary>
    private static bool Fill(MessageBatch batch, TimeOrderedMerge merge)
    {
        var count = 0;
        var messages = batch.Messages;
        while (count < messages.Length && merge.TryRead(out messages[count]))
        {
            count++;
        }

        batch.Count = count;
        return count > 0;
    }
}
