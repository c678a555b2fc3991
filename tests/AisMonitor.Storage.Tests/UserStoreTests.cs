using Npgsql;

namespace AisMonitor.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class UserStoreTests(PostgresFixture postgres)
{
    private const string Password = "correct horse battery staple";

    private async Task<(NpgsqlDataSource Database, UserStore Users)> StoreAsync()
    {
        var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        return (database, new UserStore(database));
    }

    [Fact]
    public async Task A_password_is_stored_as_a_salted_hash_and_only_the_right_one_lets_the_user_in()
    {
        var (database, users) = await StoreAsync();
        await using var _ = database;
        await users.AddAsync("ana", UserRole.Analyst, Password);
        await users.AddAsync("ben", UserRole.Viewer, Password);

        Assert.Equal(new AppUser("ana", UserRole.Analyst), await users.VerifyPasswordAsync("ana", Password));
        Assert.Null(await users.VerifyPasswordAsync("ana", Password + "!"));
        Assert.Null(await users.VerifyPasswordAsync("nobody", Password));
        var hashes = await database.RowsAsync("SELECT password_hash FROM app_user ORDER BY name");
        Assert.All(hashes, h => Assert.DoesNotContain("horse", h, StringComparison.Ordinal));
        Assert.NotEqual(hashes[0], hashes[1]); // one password, two salts
    }

    [Fact]
    public async Task A_taken_name_a_bad_name_and_a_short_password_are_refused_with_what_to_fix()
    {
        var (database, users) = await StoreAsync();
        await using var _ = database;
        await users.AddAsync("admin", UserRole.Admin, Password);

        var taken = await Assert.ThrowsAsync<InvalidOperationException>(() => users.AddAsync("admin", UserRole.Viewer, Password));
        Assert.Contains("already exists", taken.Message, StringComparison.Ordinal);
        var name = await Assert.ThrowsAsync<ArgumentException>(() => users.AddAsync("a b; DROP", UserRole.Viewer, Password));
        Assert.Contains("letters, digits", name.Message, StringComparison.Ordinal);
        var weak = await Assert.ThrowsAsync<ArgumentException>(() => users.AddAsync("carl", UserRole.Viewer, "short"));
        Assert.Contains($"at least {UserStore.MinimumPasswordLength}", weak.Message, StringComparison.Ordinal);
        Assert.Single(await users.ListAsync());
    }

    [Fact]
    public async Task A_token_is_shown_once_stored_as_its_hash_and_stops_working_when_revoked_or_its_user_disabled()
    {
        var (database, users) = await StoreAsync();
        await using var _ = database;
        await users.AddAsync("robot", UserRole.Viewer, Password);
        var token = await users.CreateTokenAsync("robot", "nightly export");

        Assert.StartsWith("aism_", token, StringComparison.Ordinal);
        Assert.Equal(new AppUser("robot", UserRole.Viewer), await users.FindByTokenAsync(token));
        Assert.Null(await users.FindByTokenAsync(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        var stored = await database.RowsAsync("SELECT encode(token_hash, 'hex'), prefix, label, last_used IS NOT NULL FROM api_token");
        Assert.DoesNotContain(token, Assert.Single(stored), StringComparison.Ordinal);
        Assert.EndsWith($"|{token[..12]}|nightly export|True", stored[0], StringComparison.Ordinal);

        await users.SetDisabledAsync("robot", disabled: true);
        Assert.Null(await users.FindByTokenAsync(token));
        Assert.Null(await users.VerifyPasswordAsync("robot", Password));
        await users.SetDisabledAsync("robot", disabled: false);
        Assert.NotNull(await users.FindByTokenAsync(token));

        Assert.True(await users.RevokeTokenAsync(Assert.Single(await users.ListTokensAsync("robot")).Id));
        Assert.Null(await users.FindByTokenAsync(token));
        await Assert.ThrowsAsync<InvalidOperationException>(() => users.CreateTokenAsync("nobody", null));
    }

    [Fact]
    public async Task A_role_change_and_a_new_password_take_effect_at_once()
    {
        var (database, users) = await StoreAsync();
        await using var _ = database;
        await users.AddAsync("dora", UserRole.Viewer, Password);

        Assert.True(await users.SetRoleAsync("dora", UserRole.Admin));
        Assert.True(await users.SetPasswordAsync("dora", "another long passphrase"));

        Assert.Null(await users.VerifyPasswordAsync("dora", Password));
        Assert.Equal(UserRole.Admin, (await users.VerifyPasswordAsync("dora", "another long passphrase"))!.Role);
        Assert.False(await users.SetRoleAsync("nobody", UserRole.Admin));
    }
}
