using Npgsql;

namespace AisMonitor.Storage;

/// <summary>Builds the Npgsql data source AisMonitor uses: NodaTime instants as timestamptz.</summary>
public static class AisMonitorDataSource
{
    /// <summary>A data source for <paramref name="connectionString"/> with the NodaTime plugin.</summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNodaTime();
        return builder.Build();
    }
}
