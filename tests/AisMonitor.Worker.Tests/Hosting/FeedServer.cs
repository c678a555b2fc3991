using System.Net;
using System.Net.Sockets;

namespace AisMonitor.Worker.Tests.Hosting;

/// <summary>
/// An NMEA server on a loopback port for the worker to connect to: each accepted connection is
/// handed to the test's script with its number (0 for the first), so a test can send, stall, drop
/// and refuse as a real server might. While <see cref="StopAccepting"/> is in force, a new
/// connection is accepted but left silent (a hung server) until <see cref="StartAccepting"/>.
/// </summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public FeedServer(Func<NetworkStream, int, CancellationToken, Task> script)
    {
        _listener.Start();
        _serving = Task.Run(async () =>
        {
            var connections = new List<Task>();
            for (var n = 0; !_stop.IsCancellationRequested; n++)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                var number = n;
                connections.Add(Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            await Accepting.Task.WaitAsync(_stop.Token).ConfigureAwait(false); // a hung server: connected, silent
                            await script(client.GetStream(), number, _stop.Token).ConfigureAwait(false);
                        }
                        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
                        {
                            // the worker went away, or the test ended
                        }
                    }
                }));
            }

            await Task.WhenAll(connections).ConfigureAwait(false);
        });
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private TaskCompletionSource Accepting { get; set; } = Started();

    public void StopAccepting() => Accepting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void StartAccepting() => Accepting.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static TaskCompletionSource Started()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        started.SetResult();
        return started;
    }
}
