namespace AisMonitor.Ingestion.Live;

/// <summary>
/// One live source, an entry of <c>AisMonitor:Sources</c> (e.g. <c>AisMonitor__Sources__0__Kind=tcp</c>).
/// </summary>
public sealed class SourceOptions
{
    /// <summary>The name in logs, metrics and health (required, unique).</summary>
    public string Name { get; set; } = "";

    /// <summary><c>tcp</c> (a client of an NMEA server), <c>udp</c> (a listener) or <c>folder</c> (new files in a folder).</summary>
    public string Kind { get; set; } = "";

    /// <summary>TCP: the server's host name or address. UDP: the address to listen on (default 0.0.0.0).</summary>
    public string? Host { get; set; }

    /// <summary>TCP: the server's port. UDP: the port to listen on.</summary>
    public int Port { get; set; }

    /// <summary>Folder: the folder watched for new files.</summary>
    public string? Path { get; set; }

    /// <summary>A source connected but unheard this long is quiet (not ready, and counted down for gap judgement). Default 60 s.</summary>
    public TimeSpan ExpectedInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>TCP: a read that waits this long without a byte drops the connection and reconnects (a stalled server). Default 120 s.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>TCP: how long a connection attempt may take. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>TCP: the first wait before reconnecting; doubled per failure (with jitter) up to <see cref="ReconnectMaximum"/>. Default 1 s.</summary>
    public TimeSpan ReconnectInitial { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>TCP: the longest wait between reconnection attempts. Default 60 s.</summary>
    public TimeSpan ReconnectMaximum { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Folder: how often it is looked at for new files. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Folder: replay files at this many times real time, by their event times (a demonstration, or a test); 0, the default, as fast as detection takes them.</summary>
    public double Speed { get; set; }

    /// <summary>Longest accepted line in bytes. Default 1024.</summary>
    public int MaxLineLengthBytes { get; set; } = 1024;

    /// <summary>The kinds there are.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["tcp", "udp", "folder"];

    /// <summary>What is wrong with this entry (key and what is expected), one message per bad key; empty when valid.</summary>
    public IEnumerable<string> Problems(string key)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return $"{key}:Name is missing: give each source a name (it is used in logs, metrics and health).";
        }

        if (!Kinds.Contains(Kind))
        {
            yield return $"{key}:Kind = '{Kind}': expected one of {string.Join(", ", Kinds)}.";
        }

        if (Kind is "tcp" or "udp" && Port is < 1 or > 65535)
        {
            yield return $"{key}:Port = {Port}: expected a port from 1 to 65535.";
        }

        if (Kind == "tcp" && string.IsNullOrWhiteSpace(Host))
        {
            yield return $"{key}:Host is missing: the NMEA server to connect to.";
        }

        if (Kind == "folder" && string.IsNullOrWhiteSpace(Path))
        {
            yield return $"{key}:Path is missing: the folder to watch.";
        }

        if (ExpectedInterval <= TimeSpan.Zero || ReadTimeout <= TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero)
        {
            yield return $"{key}: ExpectedInterval, ReadTimeout and ConnectTimeout must be positive (e.g. 00:01:00).";
        }

        if (ReconnectInitial <= TimeSpan.Zero || ReconnectMaximum < ReconnectInitial)
        {
            yield return $"{key}: ReconnectInitial must be positive and ReconnectMaximum at least as long.";
        }

        if (PollInterval <= TimeSpan.Zero || Speed < 0)
        {
            yield return $"{key}: PollInterval must be positive and Speed not negative (0: as fast as possible).";
        }

        if (MaxLineLengthBytes is < 16 or > Core.Nmea.NmeaDecoderOptions.MaxLineLengthLimitBytes)
        {
            yield return $"{key}:MaxLineLengthBytes = {MaxLineLengthBytes}: expected 16 to 16777216.";
        }
    }
}
