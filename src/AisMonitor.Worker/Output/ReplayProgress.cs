using System.Diagnostics;
using System.Globalization;

namespace AisMonitor.Worker.Output;

/// <summary>
/// Replay progress on stderr: a bar with rate and ETA redrawn in place on a terminal, plain lines
/// every few seconds when stderr is a file or a pipe. Reads the wall clock only every 64k messages.
/// </summary>
internal sealed class ReplayProgress(Func<double?> fractionDone)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private TimeSpan _lastReport;

    public TimeSpan Elapsed => _clock.Elapsed;

    private long _lastTicked;

    /// <summary>Reports progress now and then: <paramref name="messages"/> read so far.</summary>
    public void Tick(long messages)
    {
        if (messages - _lastTicked < 0x10000)
        {
            return;
        }

        _lastTicked = messages;

        var interval = _terminal ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
        if (_clock.Elapsed - _lastReport < interval)
        {
            return;
        }

        _lastReport = _clock.Elapsed;
        var rate = messages / Math.Max(_clock.Elapsed.TotalSeconds, 1e-6);
        var done = fractionDone();
        var eta = done is > 0.001 and < 1 ? TimeSpan.FromSeconds(_clock.Elapsed.TotalSeconds * (1 - done.Value) / done.Value) : (TimeSpan?)null;
        var c = CultureInfo.InvariantCulture;
        var text = string.Create(c, $"{messages:N0} messages, {rate:N0}/s{(done is { } d ? string.Create(c, $", {d:P0}") : string.Empty)}{(eta is { } e ? $", ETA {e:hh\\:mm\\:ss}" : string.Empty)}");
        if (_terminal)
        {
            var width = 30;
            var filled = (int)Math.Round((done ?? 0) * width);
            Console.Error.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {text}   ");
        }
        else
        {
            Console.Error.WriteLine("replay: " + text);
        }
    }

    public void Finish()
    {
        if (_terminal)
        {
            Console.Error.Write("\r" + new string(' ', 100) + "\r");
        }
    }
}
