using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AisMonitor.Worker.Tests.Hosting;

/// <summary>Feeds that misbehave, on loopback: the worker never crashes, recovers by itself, and counts what it could not use.</summary>
[Collection(LiveWorkerCollection.Name)]
public sealed class SourceFaultTests(LivePostgres postgres) : IClassFixture<LivePostgres>
{
    [Fact]
    public async Task Garbage_and_overlong_lines_are_counted_by_reason_and_the_feed_goes_on()
    {
        await using var feed = new FeedServer(async (stream, connection, stop) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(Lines(0, 20)), stop);
            await stream.WriteAsync(Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919)).ToArray(), stop); // binary noise
            await stream.WriteAsync(Encoding.ASCII.GetBytes("\n!AIVDM,1,1,,A," + new string('0', 200_000) + ",0*00\n"), stop); // a line of 200 kB
            await stream.WriteAsync(Encoding.ASCII.GetBytes("!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*00\n"), stop); // a bad checksum
            await stream.WriteAsync(Encoding.ASCII.GetBytes(Lines(20, 20)), stop);
            await Task.Delay(Timeout.Infinite, stop);
        });
        await using var worker = LiveWorker.Start(await Tcp(feed.Port));

        await worker.WaitUntilAsync(async () => await worker.MetricAsync("aismonitor_source_messages_total", "type=\"1\"") == 40, "the 40 good reports decoded");
        Assert.Equal(1, await worker.MetricAsync("aismonitor_source_rejected_total", "reason=\"LineTooLong\""));
        Assert.True(await worker.MetricAsync("aismonitor_source_rejected_total") >= 2, worker.Log);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/healthz")).Status);
        Assert.Contains("line rejected (", worker.Log, StringComparison.Ordinal); // a sample is logged: the first ten, then one a minute
        Assert.DoesNotContain(new string('0', 200), worker.Log, StringComparison.Ordinal); // a line's beginning, not the line
        Assert.DoesNotContain(worker.Log, c => c < ' ' && c != '\n' && c != '\r'); // the noise's control characters are not echoed
        Assert.Equal(0, await worker.TerminateAsync());
    }

    [Fact]
    public async Task A_server_that_stalls_is_dropped_after_the_read_timeout_and_the_worker_reconnects()
    {
        await using var feed = new FeedServer(async (stream, connection, stop) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(Lines(connection * 10, 10)), stop);
            await Task.Delay(Timeout.Infinite, stop); // connected, silent
        });
        var environment = await Tcp(feed.Port);
        environment["AisMonitor__Sources__0__ReadTimeout"] = "00:00:01";
        await using var worker = LiveWorker.Start(environment);

        await worker.WaitUntilAsync(async () => await worker.MetricAsync("aismonitor_source_messages_total") >= 20, "reports from a second connection");
        Assert.True(await worker.MetricAsync("aismonitor_source_disconnects_total") >= 1);
        Assert.Contains("nothing received for 1 s", worker.Log, StringComparison.Ordinal);
        Assert.Equal(0, await worker.TerminateAsync());
    }

    [Fact]
    public async Task Udp_datagrams_of_several_sentences_are_all_read()
    {
        var port = FreeUdpPort();
        var environment = await Udp(port);
        environment["Logging__Console__FormatterName"] = "json"; // as containers log
        await using var worker = LiveWorker.Start(environment);
        await worker.WaitUntilAsync(async () => await worker.MetricAsync("aismonitor_source_connected") == 1, "listening");
        using var sender = new UdpClient();
        for (var i = 0; i < 50; i++)
        {
            await sender.SendAsync(Encoding.ASCII.GetBytes(Lines(i * 3, 3)), new IPEndPoint(IPAddress.Loopback, port));
        }

        await worker.WaitUntilAsync(async () => await worker.MetricAsync("aismonitor_source_messages_total") == 150, "150 reports in 50 datagrams");
        Assert.Equal(0, await worker.TerminateAsync());
        var lines = worker.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, line => System.Text.Json.JsonDocument.Parse(line).Dispose()); // every line one JSON object
        Assert.Contains(lines, line => line.Contains("\"Category\":\"AisMonitor.Worker.Hosting.LiveDetectionService\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_udp_flood_beyond_capacity_is_counted_line_for_line_and_the_worker_stays_up()
    {
        var port = FreeUdpPort();
        var environment = await Udp(port);
        environment["AisMonitor__Live__QueueBatches"] = "1";
        environment["AisMonitor__Live__BatchMessages"] = "16";
        await using var worker = LiveWorker.Start(environment);
        await worker.WaitUntilAsync(async () => await worker.MetricAsync("aismonitor_source_connected") == 1, "listening");

        // 200,000 datagrams of 10 reports each, as fast as one thread sends them.
        var datagram = Encoding.ASCII.GetBytes(Lines(0, 10));
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var target = new IPEndPoint(IPAddress.Loopback, port);
        const int sent = 200_000;
        for (var i = 0; i < sent; i++)
        {
            sender.SendTo(datagram, target);
        }

        // Every line is either read (and then detected or dropped by the full pipeline, counted) or dropped by the kernel (counted in datagrams).
        await worker.WaitUntilAsync(async () => await worker.MetricAsync("aismonitor_source_lines_total") + (10 * await worker.MetricAsync("aismonitor_source_kernel_dropped_total")) == 10.0 * sent, "every line accounted for");
        var dropped = await worker.MetricAsync("aismonitor_source_dropped_total") + await worker.MetricAsync("aismonitor_source_kernel_dropped_total");
        Assert.True(dropped > 0, $"a flood beyond capacity loses some, counted: {dropped}");
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/healthz")).Status);
        Assert.Equal(0, await worker.TerminateAsync());
    }

    private async Task<Dictionary<string, string>> Tcp(int port) => postgres.WorkerEnvironment(await postgres.CreateDatabaseAsync(), "coast", "tcp", port);

    private async Task<Dictionary<string, string>> Udp(int port) => postgres.WorkerEnvironment(await postgres.CreateDatabaseAsync(), "radio", "udp", port);

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary><paramref name="count"/> position reports (one sentence each) of vessels 244123400 onwards, numbered from <paramref name="first"/>, without tag blocks.</summary>
    private static string Lines(int first, int count) =>
        UntimedReports.Lines(Enumerable.Range(first, count).Select(n => (244_123_400 + (uint)(n % 10), 40 + (n * 0.001), -40.0)));
}
