using System.Globalization;
using System.Net;

namespace AisMonitor.Ingestion.Live;

/// <summary>
/// Datagrams the kernel dropped for one UDP socket before AisMonitor could read them (its receive
/// buffer full), from the <c>drops</c> column of Linux's <c>/proc/net/udp</c> and <c>udp6</c>, found
/// by the socket's local port. Null where that file does not exist (another system).
/// </summary>
public static class KernelUdpDrops
{
    /// <summary>The drops of the socket bound to <paramref name="local"/>, or null when unknown.</summary>
    public static long? For(IPEndPoint local)
    {
        ArgumentNullException.ThrowIfNull(local);
        long? total = null;
        foreach (var table in new[] { "/proc/net/udp", "/proc/net/udp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ref pointer drops
                if (fields.Length >= 13 && fields[1].Split(':') is [_, var port]
                    && int.Parse(port, NumberStyles.HexNumber, CultureInfo.InvariantCulture) == local.Port
                    && long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var drops))
                {
                    total = (total ?? 0) + drops;
                }
            }
        }

        return total;
    }
}
