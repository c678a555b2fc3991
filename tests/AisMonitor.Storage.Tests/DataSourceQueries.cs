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

    /// <summary>Each row as its columns joined by |.</summary>
    public static async Task<List<string>> RowsAsync(this NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
