using Npgsql;

namespace AisMonitor.Storage.Tests;

/// <summary>AisMonitor's own PostgreSQL lets in only AisMonitor: a password over loopback, a role that is not a superuser, paths never through a shell.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LocalServerSecurityTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_superuser_cannot_connect_over_loopback_without_a_password()
    {
        var builder = new NpgsqlConnectionStringBuilder(postgres.Cluster.ConnectionString()) { Username = "aismonitor", Password = null };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => connection.OpenAsync());

        Assert.True(refused is PostgresException { SqlState: "28P01" or "28000" } or NpgsqlException, refused.ToString());
    }

    [Fact]
    public async Task AisMonitor_connects_as_a_role_that_is_not_a_superuser_and_cannot_run_programs()
    {
        await using var source = NpgsqlDataSource.Create(postgres.Cluster.ConnectionString());
        await using (var role = source.CreateCommand("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
        {
            Assert.False((bool)(await role.ExecuteScalarAsync())!);
        }

        await using var program = source.CreateCommand("COPY (SELECT 1) TO PROGRAM 'true'");
        var refused = await Assert.ThrowsAsync<PostgresException>(() => program.ExecuteNonQueryAsync());
        Assert.Equal("42501", refused.SqlState); // insufficient privilege
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_password_is_kept_for_the_owner_only_and_no_connection_is_trusted_over_the_network()
    {
        var secret = Path.Combine(postgres.Cluster.DataDirectory, LocalPostgresCluster.SecretFileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secret));
        var rules = File.ReadAllLines(Path.Combine(postgres.Cluster.DataDirectory, "pg_hba.conf"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.DoesNotContain(rules, r => r.StartsWith("host", StringComparison.Ordinal) && r.EndsWith("trust", StringComparison.Ordinal));
        Assert.DoesNotContain(rules, r => r.Contains("replication", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_data_folder_with_spaces_and_shell_syntax_starts_and_runs_nothing()
    {
        var parent = Path.Combine(Path.GetTempPath(), $"aismonitor pg {Guid.NewGuid():N}");
        var marker = Path.Combine(Path.GetTempPath(), $"aismonitor-injected-{Guid.NewGuid():N}");
        var folder = Path.Combine(parent, $"data $(touch {marker}) `touch {marker}`");
        try
        {
            await using (var cluster = await LocalPostgresCluster.StartAsync(folder, durable: false))
            await using (var source = NpgsqlDataSource.Create(cluster.ConnectionString()))
            await using (var query = source.CreateCommand("SELECT 1"))
            {
                Assert.Equal(1, (int)(await query.ExecuteScalarAsync())!);
            }

            Assert.False(File.Exists(marker), "a command in the folder's name was run by a shell");
        }
        finally
        {
            File.Delete(marker);
            Directory.Delete(parent, recursive: true);
        }
    }
}
