using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AisMonitor.Core.Ais;
using AisMonitor.Ingestion.Replay;

namespace AisMonitor.Worker.Pipeline;

/// <summary>The messages of a replay (or of <c>decode</c>), in reusable batches.</summary>
internal static class MessageBatches
{
    /// <summary>
    /// The messages in batches of 4,096: read on the consuming thread, or with two threads read and
    /// decoded by a producer task into a bounded channel while the consumer (detection, or an output
    /// writer) takes them out.
    /// At most four batches wait between them, and a batch is reused once detected, so memory stays
    /// bounded and nothing is allocated per batch.
    /// </summary>
    public static async IAsyncEnumerable<MessageBatch> ReadAsync(IMessageSource source, int threads, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        const int size = 4096;
        if (threads == 1)
        {
            var batch = new MessageBatch(size);
            while (Fill(batch, source))
            {
                yield return batch;
            }

            yield break;
        }

        var full = Channel.CreateBounded<MessageBatch>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var empty = Channel.CreateUnbounded<MessageBatch>();
        for (var i = 0; i < 6; i++)
        {
            empty.Writer.TryWrite(new MessageBatch(size));
        }

        // The producer is stopped and awaited before this ends, however it ends (the end, a break on
        // Ctrl-C, an exception): the readers are disposed only after it has let go of them.
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            try
            {
                while (await empty.Reader.ReadAsync(stop.Token).ConfigureAwait(false) is { } batch && Fill(batch, source))
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
                full.Writer.TryComplete(e); // a reader failure surfaces where the batches are taken out
            }
        }, CancellationToken.None);
        try
        {
            while (await full.Reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
            {
                while (full.Reader.TryRead(out var batch))
                {
                    yield return batch;
                    empty.Writer.TryWrite(batch);
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false); // never faults: its failure completes the channel
        }
    }

    /// <summary>Fills <paramref name="batch"/> from <paramref name="source"/>; false at the end of input.</summary>
    private static bool Fill(MessageBatch batch, IMessageSource source)
    {
        var count = 0;
        var messages = batch.Messages;
        while (count < messages.Length && source.TryRead(out messages[count]))
        {
            count++;
        }

        batch.Count = count;
        return count > 0;
    }
}
