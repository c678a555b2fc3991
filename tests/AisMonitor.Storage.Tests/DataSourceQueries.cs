using Npgsql;

namespace AisMonitor.Storage.Tests;

internal static class DataSourceQueries
{
    /// <summary>The single number a query returns (a count, a sum).</summary>
    public static async Task<long> ScalarAsync(this NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
