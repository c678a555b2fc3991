using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace AisMonitor.Worker.Tests.Hosting;

/// <summary>The real <c>aismonitor run</c> as a process, its HTTP endpoints on a free loopback port, and its log.</summary>
internal sealed partial class LiveWorker : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly HttpClient _http;

    private LiveWorker(Process process, int port)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static LiveWorker Start(IReadOnlyDictionary<string, string> environment, string arguments = "")
    {
        var port = FreePort();
        var executable = Path.Combine(AppContext.BaseDirectory, "aismonitor.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{executable}\" run --urls http://127.0.0.1:{port} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Core.Tests.Support.TestData.RepositoryRoot,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new LiveWorker(Process.Start(start)!, port);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Where its HTTP endpoints listen.</summary>
    public Uri Address => _http.BaseAddress!;

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException e)
        {
            return (0, e.Message);
        }
    }

    /// <summary>The sum of a counter or gauge over every series whose labels contain <paramref name="labels"/>, from /metrics; null when there is none.</summary>
    public async Task<double?> MetricAsync(string name, string labels = "")
    {
        var (status, body) = await GetAsync("/metrics");
        if (status != HttpStatusCode.OK)
        {
            return null;
        }

        var series = body.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(labels, StringComparison.Ordinal)).ToList();
        return series.Count == 0 ? null : series.Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails naming <paramref name="what"/> with the log.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(60)) || _process.HasExited)
            {
                Assert.Fail($"{what}: not within {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:0} s{(_process.HasExited ? $" (exited {_process.ExitCode})" : "")}. Log:\n{Log}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>SIGTERM, as <c>docker stop</c> sends it; the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", $"-TERM {_process.Id}"))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>kill -9: no chance to checkpoint or flush.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
