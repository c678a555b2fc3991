namespace AisMonitor.Worker.Commands;

/// <summary>
/// Where AisMonitor keeps its data, the same for every command: the database
/// (<c>ConnectionStrings:AisMonitor</c>, or <c>--connection</c>; unset: a PostgreSQL server of its own
/// in the data folder), the data folder (<c>AisMonitor:DataFolder</c>, or <c>--data-folder</c>: the own
/// server, the outage spool, sort spills) and <c>AisMonitor:Storage:MemoryBuffer</c>. Bound from the
/// configuration layers and validated at start with every other options class.
/// </summary>
internal sealed class StorageOptions
{
    /// <summary>The PostgreSQL connection string; null for AisMonitor's own server.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// AisMonitor's data folder; by default one per user: <c>$XDG_DATA_HOME/aismonitor</c>, normally
    /// <c>~/.local/share/aismonitor</c> (<c>/var/lib/aismonitor</c> for root).
    /// </summary>
    public string DataFolder { get; set; } = DefaultDataFolder;

    /// <summary>How many updates wait in memory during a database outage before they go to the spool file (default 10,000).</summary>
    public int MemoryBuffer { get; set; } = 10_000;

    /// <summary>Where alert and port-call updates wait on disk through a database outage.</summary>
    public string SpoolPath => Path.Combine(DataFolder, "spool", "updates.jsonl");

    /// <summary>Where files that are not in time order are sorted (external merge sort spills).</summary>
    public string SortFolder => Path.Combine(DataFolder, "sort");

    // Root's home is closed to the postgres user its server runs as: root's data goes where services keep theirs.
    private static string DefaultDataFolder => Environment.UserName == "root"
        ? "/var/lib/aismonitor"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "aismonitor");

    /// <summary>What is wrong, one line per setting; empty when nothing is.</summary>
    public IEnumerable<string> Problems()
    {
        if (MemoryBuffer < 1)
        {
            yield return $"AisMonitor:Storage:MemoryBuffer = {MemoryBuffer}: expected a positive whole number (updates held in memory during a database outage; default 10000).";
        }

        if (string.IsNullOrWhiteSpace(DataFolder))
        {
            yield return "AisMonitor:DataFolder is empty: give a folder AisMonitor may write (or leave it unset for the default).";
        }
    }
}
