using System.Text.Json;
using AisMonitor.Core.Ais;
using AisMonitor.Ingestion.Live;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace AisMonitor.Ingestion.Tests.Live;

public sealed class FolderSourceTests : IDisposable
{
    private const string Line = "\\s:2573455,c:1671620143*09\\!BSVDM,1,1,,A,13maq;7000151TNWKWIA3r<v00SI,0*01";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aismonitor-folder-{Guid.NewGuid():N}");

    public FolderSourceTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Each_file_is_read_once_files_being_written_wait_and_files_that_go_are_forgotten()
    {
        await File.WriteAllLinesAsync(Path.Combine(_folder, "a.nmea"), [Line, Line]);
        await File.WriteAllLinesAsync(Path.Combine(_folder, "b.nmea.part"), [Line]); // still being written: left alone
        var sink = new CollectingSink();
        var source = new FolderSource(new SourceOptions { Name = "archive", Kind = "folder", Path = _folder, PollInterval = TimeSpan.FromMilliseconds(20) }, sink, null, SystemClock.Instance, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(stop.Token);

        await Until(() => sink.Messages == 2);
        await Task.Delay(200); // several polls: a.nmea is not read again
        Assert.Equal(2, sink.Messages);
        Assert.Contains("a.nmea", Done(sink));

        File.Move(Path.Combine(_folder, "b.nmea.part"), Path.Combine(_folder, "b.nmea"));
        await Until(() => sink.Messages == 3);
        File.Delete(Path.Combine(_folder, "a.nmea"));
        await Until(() => !Done(sink).Contains("a.nmea"));
        Assert.Equal(["b.nmea"], Done(sink));

        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_saved_position_resumes_the_current_file_after_the_messages_already_detected()
    {
        await File.WriteAllLinesAsync(Path.Combine(_folder, "a.nmea"), [Line, Line, Line]);
        await File.WriteAllLinesAsync(Path.Combine(_folder, "b.nmea"), [Line, Line]);
        var saved = JsonSerializer.Serialize(new { Done = new[] { "a.nmea" }, File = "b.nmea", Messages = 1 });
        var sink = new CollectingSink();
        var source = new FolderSource(new SourceOptions { Name = "archive", Kind = "folder", Path = _folder, PollInterval = TimeSpan.FromMilliseconds(20) }, sink, saved, SystemClock.Instance, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(stop.Token);

        await Until(() => Done(sink).Contains("b.nmea"));
        Assert.Equal(1, sink.Messages); // a.nmea done before, the first message of b.nmea detected before
        await stop.CancelAsync();
        await running;
    }

    /// <summary>Files no reader can take (binary, a CSV without an MMSI column, an archive without a file) are set aside, logged, and the folder goes on.</summary>
    [Fact]
    public async Task A_file_that_cannot_be_read_is_skipped_and_the_next_one_is_read()
    {
        await File.WriteAllBytesAsync(Path.Combine(_folder, "a.bin"), [0x7f, (byte)'E', (byte)'L', (byte)'F', .. Enumerable.Range(0, 200).Select(i => (byte)i)]);
        await File.WriteAllLinesAsync(Path.Combine(_folder, "b.csv"), ["ship,when,y,x", "273210440,2024-02-05T06:00:00Z,34.5,129.0"]);
        await File.WriteAllBytesAsync(Path.Combine(_folder, "c.zip"), [(byte)'P', (byte)'K', 5, 6, .. new byte[18]]); // an empty archive
        await File.WriteAllLinesAsync(Path.Combine(_folder, "d.nmea"), [Line, Line]);
        var sink = new CollectingSink();
        var source = new FolderSource(new SourceOptions { Name = "archive", Kind = "folder", Path = _folder, PollInterval = TimeSpan.FromMilliseconds(20) }, sink, null, SystemClock.Instance, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(stop.Token);

        await Until(() => Done(sink).Contains("d.nmea"));
        Assert.Equal(2, sink.Messages);
        Assert.Equal(["a.bin", "b.csv", "c.zip", "d.nmea"], Done(sink).Order(StringComparer.Ordinal));
        Assert.False(running.IsCompleted);
        Assert.Equal(3, source.Status.Counts.Rejected.Single(r => r.Key == "UnreadableFile").Value);
        await stop.CancelAsync();
        await running;
    }

    /// <summary>The position is read while files are being finished (a status reader, a test): it is never torn and never throws.</summary>
    [Fact]
    public async Task The_position_can_be_read_from_another_thread_while_files_are_finished()
    {
        const int Files = 150;
        for (var i = 0; i < Files; i++)
        {
            await File.WriteAllLinesAsync(Path.Combine(_folder, $"f{i:000}.nmea"), [Line]);
        }

        var sink = new CollectingSink();
        var source = new FolderSource(new SourceOptions { Name = "archive", Kind = "folder", Path = _folder, PollInterval = TimeSpan.FromMilliseconds(1) }, sink, null, SystemClock.Instance, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(stop.Token);

        var reads = 0;
        for (var seen = 0; seen < Files && reads < 10_000_000; reads++)
        {
            seen = Done(sink).Count; // the set the source adds to, read as it adds
        }

        Assert.Equal(Files, Done(sink).Count);
        await stop.CancelAsync();
        await running;
    }

    private static List<string> Done(CollectingSink sink) => JsonDocument.Parse(sink.Position!()).RootElement.GetProperty("Done").EnumerateArray().Select(e => e.GetString()!).ToList();

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 250 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }

    /// <summary>A sink that only counts: the pipeline itself is tested with the worker.</summary>
    private sealed class CollectingSink : IMessageSink
    {
        private int _messages;

        public int Messages => Volatile.Read(ref _messages);

        public Func<string>? Position { get; set; }

        public void Add(in DecodedMessage message) => Interlocked.Increment(ref _messages);

        public ValueTask FlushAsync(bool idle, CancellationToken cancellation) => ValueTask.CompletedTask;

        public int FlushOrDrop(bool idle) => 0;
    }
}
