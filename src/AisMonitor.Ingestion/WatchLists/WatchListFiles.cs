using AisMonitor.Core.WatchLists;

namespace AisMonitor.Ingestion.WatchLists;

/// <summary>
/// The vessel watch lists in force, from files that may change while AisMonitor runs: the
/// built-in OFAC example (unless left out) and the user's CSV files. <see cref="TryReload"/>
/// looks at the files' sizes and write times (cheap enough to call every few seconds) and
/// rereads them when one changed. A file that has become unreadable or invalid leaves the lists
/// in force as they were and says why: a typo in a list must not stop the monitoring. The lists
/// admins upload through the API live as <c>NAME.csv</c> in a managed folder: files appearing in it,
/// changing or going away are noticed the same way.
/// </summary>
public sealed class WatchListFiles
{
    private readonly IReadOnlyList<string> _paths;
    private readonly bool _builtIn;
    private (string Path, long Length, DateTime Written)[] _seen;

    /// <summary>Reads the lists; <see cref="FormatException"/> or <see cref="IOException"/> when one cannot be read (at start, that is bad configuration).</summary>
    public WatchListFiles(IEnumerable<string> paths, bool builtIn, string? managedFolder = null)
    {
        _paths = [.. paths];
        _builtIn = builtIn;
        ManagedFolder = managedFolder;
        _seen = Stamps();
        (Current, Rejected) = Read();
    }

    /// <summary>Where the lists uploaded through the API are kept (null: none are).</summary>
    public string? ManagedFolder { get; }

    /// <summary>The managed list files now, by name.</summary>
    public IReadOnlyList<string> ManagedFiles() =>
        ManagedFolder is { } folder && Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal)] : [];

    /// <summary>The lists in force.</summary>
    public VesselWatchLists Current { get; private set; }

    /// <summary>Rows rejected per file when last read (neither a valid IMO nor an MMSI).</summary>
    public IReadOnlyDictionary<string, int> Rejected { get; private set; }

    /// <summary>True with the new lists when a file changed and was read; false when nothing changed or the change could not be read (<paramref name="error"/> then says why).</summary>
    public bool TryReload(out VesselWatchLists lists, out string? error)
    {
        error = null;
        lists = Current;
        var stamps = Stamps();
        if (stamps.SequenceEqual(_seen))
        {
            return false;
        }

        _seen = stamps;
        try
        {
            (Current, Rejected) = Read();
            lists = Current;
            return true;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            error = $"watch lists not reloaded, the previous ones stay in force: {e.Message}";
            return false;
        }
    }

    private (VesselWatchLists, IReadOnlyDictionary<string, int>) Read()
    {
        var lists = new List<WatchList>();
        var rejected = new Dictionary<string, int>(StringComparer.Ordinal);
        if (_builtIn)
        {
            lists.Add(WatchListCsv.OfacSdn2024);
        }

        foreach (var path in _paths.Concat(ManagedFiles()))
        {
            var (list, count) = WatchListCsv.ReadFile(path);
            lists.Add(list);
            rejected[path] = count;
        }

        return (new VesselWatchLists(lists), rejected);
    }

    private (string, long, DateTime)[] Stamps() =>
        [.. _paths.Concat(ManagedFiles()).Select(p => new FileInfo(p)).Select(f => f.Exists ? (f.FullName, f.Length, f.LastWriteTimeUtc) : (f.FullName, -1L, DateTime.MinValue))];
}
