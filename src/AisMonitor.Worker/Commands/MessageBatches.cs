using AisMonitor.Core.Ais;
using AisMonitor.Ingestion.Replay;

namespace AisMonitor.Worker.Commands;

/// <summary>The merged messages of a replay, in reusable batches.</summary>
internal static class MessageBatches
{
    /// <summary>
    /// The merged messages in batches of 4,096: read on this thread, or with two threads read and
    /// decoded on a second one while this one detects. At most four batches wait between them, and
    /// a batch is reused once detected, so memory stays bounded and nothing is allocated per batch.
    /// </summary>
    public static IEnumerable<Batch> Read(TimeOrderedMerge merge, int threads)
    {
        const int size = 4096;
        if (threads == 1)
        {
            var batch = new Batch(size);
            while (batch.Fill(merge))
            {
                yield return batch;
            }

            yield break;
        }

        var full = System.Threading.Channels.Channel.CreateBounded<Batch>(new System.Threading.Channels.BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var empty = System.Threading.Channels.Channel.CreateUnbounded<Batch>();
        for (var i = 0; i < 6; i++)
        {
            empty.Writer.TryWrite(new Batch(size));
        }

        // The reader thread is stopped and joined before this returns, however it returns (the end,
        // a break on Ctrl-C, an exception): the readers are disposed only after it has let go of them.
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            try
            {
                while (await empty.Reader.ReadAsync(stop.Token).ConfigureAwait(false) is { } batch && batch.Fill(merge))
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

    internal sealed class Batch(int size)
    {
        public DecodedMessage[] Messages { get; } = new DecodedMessage[size];

        public int Count { get; private set; }

        public bool Fill(TimeOrderedMerge merge)
        {
            Count = 0;
            while (Count < Messages.Length && merge.TryRead(out Messages[Count]))
            {
                Count++;
            }

            return Count > 0;
        }
    }
}
