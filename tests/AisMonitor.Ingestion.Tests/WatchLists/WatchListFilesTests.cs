using AisMonitor.Core.Ais;
using AisMonitor.Ingestion.WatchLists;

namespace AisMonitor.Ingestion.Tests.WatchLists;

public sealed class WatchListFilesTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"aismonitor-watch-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_path);

    private void Write(string text, int secondsLater)
    {
        File.WriteAllText(_path, text);
        File.SetLastWriteTimeUtc(_path, new DateTime(2026, 1, 1, 0, 0, secondsLater, DateTimeKind.Utc)); // a distinct stamp without waiting
    }

    [Fact]
    public void A_changed_list_is_read_again_with_a_new_version_and_a_broken_one_leaves_the_old_in_force()
    {
        Write("name,mmsi\nFIRST,273210440\n", 0);
        var files = new WatchListFiles([_path], builtIn: false);
        var version = files.Current.Lists[0].Version;
        Assert.Single(files.Current.Match(new Mmsi(273210440), null, null));
        Assert.False(files.TryReload(out _, out var nothing));
        Assert.Null(nothing);

        Write("name,mmsi\nFIRST,273210440\nSECOND,636015565\n", 1);
        Assert.True(files.TryReload(out var reloaded, out _));
        Assert.NotEqual(version, reloaded.Lists[0].Version);
        Assert.Single(reloaded.Match(new Mmsi(636015565), null, null));

        Write("name,flag\nTHIRD,Panama\n", 2); // no identifier column
        Assert.False(files.TryReload(out var kept, out var error));
        Assert.Contains("the previous ones stay in force", error, StringComparison.Ordinal);
        Assert.Same(reloaded, kept);
        Assert.Single(files.Current.Match(new Mmsi(636015565), null, null));
    }
}
