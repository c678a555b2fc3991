using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace AisMonitor.Storage;

/// <summary>
/// A PostgreSQL cluster of the installed PostgreSQL binaries (initdb, pg_ctl), in a data folder,
/// listening on a free loopback port: the server AisMonitor starts for itself when no connection
/// string is configured, and the one tests run against. PostgreSQL refuses to run as root; as root
/// the server runs as the <c>postgres</c> user.
/// Nobody else gets in: over loopback only with a password (scram-sha-256) generated into
/// <see cref="SecretFileName"/> in the data folder (mode 0600); AisMonitor connects as
/// <see cref="ApplicationRole"/>, which may create databases but is not a superuser (no
/// <c>COPY … TO PROGRAM</c>); the superuser is reachable only through the Unix socket in a private
/// folder (0700); no replication connections. Paths never pass through a shell: the server's
/// settings are written to <c>aismonitor.conf</c> in the data folder, and pg_ctl finds the folder
/// through <c>PGDATA</c> and runs in it.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    /// <summary>The role AisMonitor connects as: may log in and create databases, nothing more.</summary>
    public const string ApplicationRole = "aismonitor_app";

    /// <summary>The file in the data folder that holds the application role's password (mode 0600).</summary>
    public const string SecretFileName = "aismonitor-app.secret";

    private const string Superuser = "aismonitor";
    private const string HostRules = """
        # Written by AisMonitor at every start. The socket is in a private folder (0700): only the
        # server's owner connects through it without a password. Over loopback, a password; no
        # replication connections at all.
        local   all   all                  trust
        host    all   all   127.0.0.1/32   scram-sha-256
        host    all   all   ::1/128        scram-sha-256

        """;

    private readonly string _binaries;
    private readonly bool _asPostgresUser;
    private string _password = string.Empty;

    private LocalPostgresCluster(string dataDirectory, string binaries, int port, bool asPostgresUser)
    {
        DataDirectory = dataDirectory;
        _binaries = binaries;
        Port = port;
        _asPostgresUser = asPostgresUser;
        SocketDirectory = Path.Combine(Path.GetTempPath(), "aismonitor-pg-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..16].ToLowerInvariant());
    }

    /// <summary>The cluster's data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The private folder of the server's Unix socket (short, as socket paths must be).</summary>
    public string SocketDirectory { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>A connection string to a database of this cluster, as the application role.</summary>
    public string ConnectionString(string database = "aismonitor") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = ApplicationRole, Password = _password, Database = database, Timeout = 15, CommandTimeout = 60 }.ConnectionString;

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
        var dataFolder = Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!;
        PrivateFiles.CreateFolder(dataFolder);
        if (root && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(dataFolder) & UnixFileMode.OtherExecute) == 0)
        {
            // The server runs as postgres and must pass through: others may enter, never list or read.
            File.SetUnixFileMode(dataFolder, File.GetUnixFileMode(dataFolder) | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

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
        if (root)
        {
            await cluster.CheckPostgresUserCanEnter().ConfigureAwait(false);
        }

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            // Local connections only until the rules are written below; the superuser has no password.
            await cluster.Postgres("initdb", ["-D", cluster.DataDirectory, "-U", Superuser, "--auth-local=trust", "--auth-host=reject", "-E", "UTF8", "--locale=C", "--no-sync"]).ConfigureAwait(false);
        }

        await cluster.WriteSettings(durable).ConfigureAwait(false);
        await cluster.Postgres("pg_ctl", ["-l", "server.log", "-w", "-t", "60", "start"]).ConfigureAwait(false);
        await cluster.EnsureApplicationRole().ConfigureAwait(false);
        return cluster;
    }

    /// <summary>As root the server runs as postgres, which must be able to enter the data folder (a folder under /root is closed to it).</summary>
    private async Task CheckPostgresUserCanEnter()
    {
        try
        {
            await Run("runuser", ["-u", "postgres", "--", "test", "-x", DataDirectory, "-a", "-w", DataDirectory]).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            throw new InvalidOperationException($"AisMonitor's own PostgreSQL runs as the postgres user when started by root, and postgres cannot enter {DataDirectory}: give a data folder it can reach (AisMonitor__DataFolder or --data-folder, e.g. /var/lib/aismonitor), or make the folders above it traversable (chmod o+x).");
        }
    }

    /// <summary>The access rules, the socket folder and the server settings, written as files (no paths on a command line).</summary>
    private async Task WriteSettings(bool durable)
    {
        Directory.CreateDirectory(SocketDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(SocketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "pg_hba.conf"), HostRules).ConfigureAwait(false);

        // Sized for bulk loads of the position archive: a larger buffer cache holds the day's index,
        // and fewer checkpoints mean fewer full-page images in the WAL. Durable all the same.
        var settings = new StringBuilder()
            .AppendLine("# Written by AisMonitor at every start.")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine(CultureInfo.InvariantCulture, $"port = {Port}")
            .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = '{SocketDirectory.Replace("'", "''", StringComparison.Ordinal)}'")
            .AppendLine("unix_socket_permissions = 0700")
            .AppendLine("password_encryption = 'scram-sha-256'")
            .AppendLine("shared_buffers = 512MB")
            .AppendLine("max_wal_size = 8GB")
            .AppendLine("checkpoint_timeout = 30min")
            .AppendLine("wal_compression = on");
        if (!durable)
        {
            settings.AppendLine("fsync = off").AppendLine("synchronous_commit = off").AppendLine("full_page_writes = off");
        }

        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "aismonitor.conf"), settings.ToString()).ConfigureAwait(false);
        var main = Path.Combine(DataDirectory, "postgresql.conf");
        const string include = "include_if_exists = 'aismonitor.conf'";
        if (!(await File.ReadAllLinesAsync(main).ConfigureAwait(false)).Contains(include))
        {
            await File.AppendAllTextAsync(main, $"\n{include}\n").ConfigureAwait(false);
        }

        if (_asPostgresUser)
        {
            await Run("chown", ["postgres:postgres", SocketDirectory, Path.Combine(DataDirectory, "pg_hba.conf"), Path.Combine(DataDirectory, "aismonitor.conf"), main]).ConfigureAwait(false);
        }
    }

    /// <summary>The application role, with the password kept in the data folder (made once), and its database.</summary>
    private async Task EnsureApplicationRole()
    {
        var secret = Path.Combine(DataDirectory, SecretFileName);
        if (!File.Exists(secret))
        {
            var generated = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            await using var file = PrivateFiles.Open(secret, FileMode.CreateNew, FileAccess.Write); // 0600 from the start
            await file.WriteAsync(Encoding.ASCII.GetBytes(generated)).ConfigureAwait(false);
        }

        _password = (await File.ReadAllTextAsync(secret).ConfigureAwait(false)).Trim();
        if (_password.Length < 16 || !_password.All(char.IsAsciiHexDigit))
        {
            throw new InvalidOperationException($"{secret} does not hold a password AisMonitor made (hexadecimal, 48 characters): delete it and start again to have a new one made.");
        }

        var admin = new NpgsqlConnectionStringBuilder { Host = SocketDirectory, Port = Port, Username = Superuser, Database = "postgres", Timeout = 15 }.ConnectionString;
        await using var source = NpgsqlDataSource.Create(admin);
        await using (var role = source.CreateCommand($"""
            DO $$ BEGIN
              IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{ApplicationRole}') THEN
                ALTER ROLE {ApplicationRole} LOGIN CREATEDB NOSUPERUSER NOREPLICATION PASSWORD '{_password}';
              ELSE
                CREATE ROLE {ApplicationRole} LOGIN CREATEDB NOSUPERUSER NOREPLICATION PASSWORD '{_password}';
              END IF;
            END $$
            """))
        {
            await role.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await using var exists = source.CreateCommand("SELECT 1 FROM pg_database WHERE datname = 'aismonitor'");
        if (await exists.ExecuteScalarAsync().ConfigureAwait(false) is null)
        {
            await using var create = source.CreateCommand($"CREATE DATABASE aismonitor OWNER {ApplicationRole}");
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await EnablePostGisAsync("aismonitor").ConfigureAwait(false);
    }

    /// <summary>
    /// Creates the PostGIS extension in <paramref name="database"/> as the superuser (the application role may
    /// not), when this server has it installed (Debian: postgresql-15-postgis-3): the migrations then make the
    /// QGIS views. False when PostGIS is not installed.
    /// </summary>
    public async Task<bool> EnablePostGisAsync(string database)
    {
        var admin = new NpgsqlConnectionStringBuilder { Host = SocketDirectory, Port = Port, Username = Superuser, Database = database, Timeout = 15 }.ConnectionString;
        await using var source = NpgsqlDataSource.Create(admin);
        await using var available = source.CreateCommand("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'");
        if (await available.ExecuteScalarAsync().ConfigureAwait(false) is null)
        {
            return false;
        }

        await using var create = source.CreateCommand("CREATE EXTENSION IF NOT EXISTS postgis");
        await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        return true;
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
    public Task StopAsync() => Postgres("pg_ctl", ["-m", "fast", "-w", "stop"]);

    /// <summary>Starts it again on the same port and settings (outage tests).</summary>
    public Task RestartAsync() => Postgres("pg_ctl", ["-l", "server.log", "-w", "start"]);

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

    /// <summary>
    /// Runs a PostgreSQL program in the data folder with <c>PGDATA</c> set: pg_ctl puts the folder it is
    /// given into a shell command, so it is given none (the log file is relative to the folder).
    /// </summary>
    private Task Postgres(string program, IReadOnlyList<string> arguments) =>
        _asPostgresUser
            ? Run("runuser", ["-u", "postgres", "--", "env", $"PGDATA={DataDirectory}", Path.Combine(_binaries, program), .. arguments], DataDirectory)
            : Run(Path.Combine(_binaries, program), arguments, DataDirectory, DataDirectory);

    private static async Task Run(string program, IReadOnlyList<string> arguments, string? workingDirectory = null, string? pgData = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? string.Empty };
        if (pgData is not null)
        {
            start.Environment["PGDATA"] = pgData;
        }

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
