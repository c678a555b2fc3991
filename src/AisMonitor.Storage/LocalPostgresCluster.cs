using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AisMonitor.Storage;

/// <summary>
/// A PostgreSQL cluster of the installed PostgreSQL binaries (initdb, pg_ctl), in a data folder,
/// listening on a free loopback port with its socket in the data folder: the server AisMonitor
/// starts for itself when no connection string is configured, and the one tests run against.
/// PostgreSQL refuses to run as root; as root the server runs as the <c>postgres</c> user.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string Superuser = "aismonitor";
    private readonly string _binaries;
    private readonly bool _asPostgresUser;

    private LocalPostgresCluster(string dataDirectory, string binaries, int port, bool asPostgresUser)
    {
        DataDirectory = dataDirectory;
        _binaries = binaries;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>The cluster's data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>A connection string to a database of this cluster.</summary>
    public string ConnectionString(string database = "postgres") =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username={Superuser};Database={database};Timeout=15;Command Timeout=60");

    /// <summary>The folder of initdb and pg_ctl, or null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("AISMONITOR_POSTGRES_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, "initdb")))
        {
            return fromEnvironment;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (folder.Length > 0 && File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")))
            {
                return folder;
            }
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            : null;
    }

    /// <summary>
    /// Starts a cluster in <paramref name="dataDirectory"/>, creating it with initdb when it is empty.
    /// <paramref name="durable"/> false turns fsync off (tests). Throws with what to install when PostgreSQL is missing.
    /// </summary>
    public static async Task<LocalPostgresCluster> StartAsync(string dataDirectory, bool durable = true)
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: install it (Debian: apt-get install postgresql) or set ConnectionStrings__AisMonitor to an existing server.");
        var root = Environment.UserName == "root";
        Directory.CreateDirectory(dataDirectory);
        if (root)
        {
            await Run("chown", ["-R", "postgres:postgres", dataDirectory]).ConfigureAwait(false);
        }

        if (RunningServer(dataDirectory) is { } running)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"AisMonitor's own PostgreSQL in {Path.GetFullPath(dataDirectory)} is already running (pid {running.Pid}, port {running.Port}): another aismonitor command is using this data folder, or a run that was killed left it running. Wait for the other command to end, or stop the server with 'pg_ctl -D {Path.GetFullPath(dataDirectory)} -m fast stop'{(root ? " as the postgres user" : string.Empty)}, or give this command another data folder (AisMonitor__DataFolder)."));
        }

        var cluster = new LocalPostgresCluster(Path.GetFullPath(dataDirectory), binaries, FreePort(), root);
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await cluster.Postgres("initdb", ["-D", cluster.DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]).ConfigureAwait(false);
        }

        // Sized for bulk loads of the position archive: a larger buffer cache holds the day's index,
        // and fewer checkpoints mean fewer full-page images in the WAL. Durable all the same.
        const string bulk = " -c shared_buffers=512MB -c max_wal_size=8GB -c checkpoint_timeout=30min -c wal_compression=on";
        var options = string.Create(CultureInfo.InvariantCulture, $"-h 127.0.0.1 -p {cluster.Port} -k {cluster.DataDirectory}{bulk}{(durable ? string.Empty : " -F -c synchronous_commit=off -c full_page_writes=off")}");
        await cluster.Postgres("pg_ctl", ["-D", cluster.DataDirectory, "-l", Path.Combine(cluster.DataDirectory, "server.log"), "-w", "-t", "60", "-o", options, "start"]).ConfigureAwait(false);
        return cluster;
    }

    /// <summary>The server whose postmaster.pid is in the folder, if its process is alive (a stale file, left by a server killed outright, is PostgreSQL's to clear).</summary>
    private static (int Pid, string Port)? RunningServer(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(pidFile);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }

        return lines.Length > 3 && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Directory.Exists($"/proc/{pid}")
            ? (pid, lines[3].Trim())
            : null;
    }

    /// <summary>Stops the server (fast shutdown).</summary>
    public Task StopAsync() => Postgres("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);

    /// <summary>Starts it again on the same port (outage tests).</summary>
    public Task RestartAsync() =>
        Postgres("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-o", string.Create(CultureInfo.InvariantCulture, $"-h 127.0.0.1 -p {Port} -k {DataDirectory} -F"), "start"]);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
    }

    private Task Postgres(string program, IReadOnlyList<string> arguments) =>
        _asPostgresUser
            ? Run("runuser", ["-u", "postgres", "--", Path.Combine(_binaries, program), .. arguments])
            : Run(Path.Combine(_binaries, program), arguments);

    private static async Task Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
