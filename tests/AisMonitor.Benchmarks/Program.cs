using AisMonitor.Benchmarks;
using BenchmarkDotNet.Running;

if (args is ["live", ..])
{
    return await AisMonitor.Benchmarks.Live.LiveBenchmark.RunAsync(args);
}

if (args is ["queue", ..])
{
    return await AisMonitor.Benchmarks.Queue.QueueBenchmark.RunAsync(args);
}

if (args is ["--loop", var seconds])
{
    // Runs the Norwegian position benchmark in a loop, for a sampling profiler (perf record) to attach to.
    var benchmarks = new PositionDecodeBenchmarks();
    benchmarks.Setup();
    var until = System.Diagnostics.Stopwatch.StartNew();
    var rounds = 0;
    while (until.Elapsed.TotalSeconds < double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture))
    {
        benchmarks.NorwegianPositionReports();
        rounds++;
    }

    Console.WriteLine($"{rounds * 1_000_000 / until.Elapsed.TotalSeconds:N0} lines/s");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(PositionDecodeBenchmarks).Assembly).Run(args);
return 0;
