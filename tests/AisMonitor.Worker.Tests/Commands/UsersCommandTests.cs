using AisMonitor.Worker.Tests.Hosting;

namespace AisMonitor.Worker.Tests.Commands;

/// <summary><c>aismonitor users</c>, the real executable against a real PostgreSQL.</summary>
public sealed class UsersCommandTests(LivePostgres postgres) : IClassFixture<LivePostgres>
{
    private const string Password = "a long enough passphrase";

    [Fact]
    public async Task The_first_admin_is_added_with_a_password_from_standard_input_and_a_token_is_printed_once()
    {
        var environment = new Dictionary<string, string> { ["ConnectionStrings__AisMonitor"] = await postgres.CreateDatabaseAsync() };

        var add = CommandRunner.Run("users add chief --role admin", Password + "\n", environment);
        Assert.True(add.ExitCode == 0, add.StandardError);
        Assert.Contains("user chief added (admin)", add.StandardError, StringComparison.Ordinal);
        var fromVariable = CommandRunner.Run("users add viv --role viewer", environment: new Dictionary<string, string>(environment) { ["AISMONITOR_PASSWORD"] = Password });
        Assert.True(fromVariable.ExitCode == 0, fromVariable.StandardError);
        Assert.Equal("chief\tadmin\nviv\tviewer\n", CommandRunner.Run("users list", environment: environment).StandardOutput);

        var token = CommandRunner.Run("users token viv --label export", environment: environment);
        Assert.Equal(0, token.ExitCode);
        var printed = token.StandardOutput.Trim();
        Assert.StartsWith("aism_", printed, StringComparison.Ordinal);
        var tokens = CommandRunner.Run("users tokens", environment: environment).StandardOutput;
        Assert.Contains(printed[..12], tokens, StringComparison.Ordinal);
        Assert.DoesNotContain(printed, tokens, StringComparison.Ordinal);
        var hashes = await LivePostgres.RowsAsync(environment["ConnectionStrings__AisMonitor"], "SELECT password_hash FROM app_user");
        Assert.All(hashes, h => Assert.DoesNotContain(Password, h, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("users add ann --role boss", Password, "boss")] // the parser names the allowed roles
    [InlineData("users add ann --role viewer", "short\n", "at least 12 characters")]
    [InlineData("users add bad;name --role viewer", Password, "letters, digits")]
    [InlineData("users role nobody --role admin", null, "no user named 'nobody'")]
    [InlineData("users revoke-token 99", null, "no valid token number 99")]
    public async Task A_mistake_is_one_line_that_says_what_to_fix_and_exit_2(string arguments, string? input, string expected)
    {
        var environment = new Dictionary<string, string> { ["ConnectionStrings__AisMonitor"] = await postgres.CreateDatabaseAsync() };

        var (exitCode, _, error) = CommandRunner.Run(arguments, input, environment);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
