using System.Net.Sockets;
using Npgsql;

namespace AisMonitor.Worker.Commands;

/// <summary>The configured database could not be reached or refused AisMonitor at start; the message says why and what to check.</summary>
internal sealed class DatabaseUnreachableException : Exception
{
    public DatabaseUnreachableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Why a first connection failed, in words: refused, unknown host, no such database or role, wrong password, timeout.</summary>
    public static DatabaseUnreachableException From(Exception e, string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var where = $"{builder.Host}:{builder.Port}";
        var why = e switch
        {
            PostgresException { SqlState: "3D000" } => $"database \"{builder.Database}\" does not exist on {where} (create it, or set Database= to one that does)",
            PostgresException { SqlState: "28P01" } => $"password authentication failed for user \"{builder.Username}\" on {where}",
            PostgresException { SqlState: "28000" } p => $"{p.MessageText} (on {where}; check Username= and the server's pg_hba.conf)",
            PostgresException p => $"{p.MessageText} (SQLSTATE {p.SqlState}, on {where})",
            _ when Find<SocketException>(e) is { SocketErrorCode: SocketError.ConnectionRefused } => $"connection refused at {where}: is PostgreSQL running and listening there?",
            _ when Find<SocketException>(e) is { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } => $"unknown host {builder.Host}",
            _ when Find<TimeoutException>(e) is not null => $"no answer from {where} within {builder.Timeout} s",
            _ => $"{e.Message} ({where})",
        };
        return new DatabaseUnreachableException($"the database cannot be used: {why}. Check ConnectionStrings:AisMonitor (ConnectionStrings__AisMonitor), or leave it unset for AisMonitor's own server.", e);
    }

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
