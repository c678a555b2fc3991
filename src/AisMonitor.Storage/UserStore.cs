using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace AisMonitor.Storage;

/// <summary>What a user may do: read (viewer), also triage (analyst), also manage users and watch lists (admin).</summary>
public enum UserRole
{
    Viewer,
    Analyst,
    Admin,
}

/// <summary>A user allowed in.</summary>
/// <param name="Name">The login name.</param>
/// <param name="Role">What the user may do.</param>
public sealed record AppUser(string Name, UserRole Role);

/// <summary>An API token as listed: never the token itself, only its first characters.</summary>
public sealed record ApiTokenInfo(long Id, string UserName, string Prefix, string? Label, DateTimeOffset CreatedAt, DateTimeOffset? LastUsed, DateTimeOffset? RevokedAt);

/// <summary>
/// Users, their passwords and their API tokens. Passwords are hashed with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2 with HMAC-SHA512, 100,000 iterations, a salt per
/// password; a hash in an older format is upgraded at the next successful login). A token is 32
/// random bytes shown once; the database keeps its SHA-256 and its first 12 characters.
/// </summary>
public sealed partial class UserStore(NpgsqlDataSource dataSource)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumPasswordLength = 12;

    private const string TokenPrefix = "aism_";
    private static readonly PasswordHasher<AppUser> Hasher = new();

    /// <summary>Throws <see cref="ArgumentException"/> with what to fix when <paramref name="name"/> cannot be a user name.</summary>
    public static void CheckName(string name)
    {
        if (!NamePattern().IsMatch(name ?? string.Empty))
        {
            throw new ArgumentException($"A user name is 1 to 64 letters, digits or . _ @ -, starting with a letter or digit; got '{name}'.", nameof(name));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> with what to fix when <paramref name="password"/> is too weak to store.</summary>
    public static void CheckPassword(string password)
    {
        if (string.IsNullOrWhiteSpace(password) || password.Length < MinimumPasswordLength)
        {
            throw new ArgumentException($"A password has at least {MinimumPasswordLength} characters.", nameof(password));
        }
    }

    /// <summary>Adds a user; throws <see cref="InvalidOperationException"/> when the name is taken.</summary>
    public async Task AddAsync(string name, UserRole role, string password, CancellationToken cancellation = default)
    {
        CheckName(name);
        CheckPassword(password);
        var user = new AppUser(name, role);
        await using var command = dataSource.CreateCommand("INSERT INTO app_user (name, role, password_hash) VALUES ($1, $2, $3)");
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = RoleText(role) });
        command.Parameters.Add(new() { Value = Hasher.HashPassword(user, password) });
        try
        {
            await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException($"A user named '{name}' already exists.", e);
        }
    }

    /// <summary>Every user, by name.</summary>
    public async Task<IReadOnlyList<(AppUser User, bool Disabled)>> ListAsync(CancellationToken cancellation = default)
    {
        await using var command = dataSource.CreateCommand("SELECT name, role, disabled_at IS NOT NULL FROM app_user ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var users = new List<(AppUser, bool)>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            users.Add((new AppUser(reader.GetString(0), ParseRole(reader.GetString(1))), reader.GetBoolean(2)));
        }

        return users;
    }

    /// <summary>The user when <paramref name="password"/> is theirs and they are not disabled; null otherwise (which, is not said).</summary>
    public async Task<AppUser?> VerifyPasswordAsync(string name, string password, CancellationToken cancellation = default)
    {
        await using var command = dataSource.CreateCommand("SELECT role, password_hash FROM app_user WHERE name = $1 AND disabled_at IS NULL");
        command.Parameters.Add(new() { Value = name });
        string role, hash;
        await using (var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellation).ConfigureAwait(false))
            {
                Hasher.HashPassword(new AppUser(name, UserRole.Viewer), password); // as slow as a wrong password: names are not told apart by timing
                return null;
            }

            (role, hash) = (reader.GetString(0), reader.GetString(1));
        }

        var user = new AppUser(name, ParseRole(role));
        switch (Hasher.VerifyHashedPassword(user, hash, password))
        {
            case PasswordVerificationResult.Success:
                return user;
            case PasswordVerificationResult.SuccessRehashNeeded:
                await SetPasswordHashAsync(name, Hasher.HashPassword(user, password), cancellation).ConfigureAwait(false);
                return user;
            default:
                return null;
        }
    }

    /// <summary>The user as now (role), when enabled; null when disabled or gone. A session is checked against it on every request.</summary>
    public async Task<AppUser?> FindAsync(string name, CancellationToken cancellation = default)
    {
        await using var command = dataSource.CreateCommand("SELECT role FROM app_user WHERE name = $1 AND disabled_at IS NULL");
        command.Parameters.Add(new() { Value = name });
        return await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false) is string role ? new AppUser(name, ParseRole(role)) : null;
    }

    /// <summary>Replaces a user's password; false when there is no such user.</summary>
    public async Task<bool> SetPasswordAsync(string name, string password, CancellationToken cancellation = default)
    {
        CheckPassword(password);
        return await SetPasswordHashAsync(name, Hasher.HashPassword(new AppUser(name, UserRole.Viewer), password), cancellation).ConfigureAwait(false);
    }

    /// <summary>Creates an API token for <paramref name="name"/>; the token, which is shown only now.</summary>
    public async Task<string> CreateTokenAsync(string name, string? label, CancellationToken cancellation = default)
    {
        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var command = dataSource.CreateCommand("""
            INSERT INTO api_token (user_name, prefix, token_hash, label)
            SELECT name, $2, $3, $4 FROM app_user WHERE name = $1 AND disabled_at IS NULL
            """);
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = token[..12] });
        command.Parameters.Add(new() { Value = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)) });
        command.Parameters.Add(new() { Value = (object?)label ?? DBNull.Value });
        if (await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false) == 0)
        {
            throw new InvalidOperationException($"There is no enabled user named '{name}'.");
        }

        return token;
    }

    /// <summary>The user a token belongs to, when the token is valid (not revoked, the user not disabled); its last use is recorded.</summary>
    public async Task<AppUser?> FindByTokenAsync(string token, CancellationToken cancellation = default)
    {
        if (token is null || !token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        await using var command = dataSource.CreateCommand("""
            UPDATE api_token t SET last_used = now()
            FROM app_user u
            WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.name = t.user_name AND u.disabled_at IS NULL
            RETURNING u.name, u.role
            """);
        command.Parameters.Add(new() { Value = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)) });
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        return await reader.ReadAsync(cancellation).ConfigureAwait(false) ? new AppUser(reader.GetString(0), ParseRole(reader.GetString(1))) : null;
    }

    /// <summary>The tokens of every user, or of one.</summary>
    public async Task<IReadOnlyList<ApiTokenInfo>> ListTokensAsync(string? name = null, CancellationToken cancellation = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, user_name, prefix, label, created_at, last_used, revoked_at FROM api_token
            WHERE $1::text IS NULL OR user_name = $1 ORDER BY id
            """);
        command.Parameters.Add(new() { Value = (object?)name ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var tokens = new List<ApiTokenInfo>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            tokens.Add(new ApiTokenInfo(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return tokens;
    }

    /// <summary>Revokes a token by its id; false when there is no such token still valid.</summary>
    public async Task<bool> RevokeTokenAsync(long id, CancellationToken cancellation = default)
    {
        await using var command = dataSource.CreateCommand("UPDATE api_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL");
        command.Parameters.Add(new() { Value = id });
        return await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false) == 1;
    }

    /// <summary>Changes a user's role; false when there is no such user.</summary>
    public async Task<bool> SetRoleAsync(string name, UserRole role, CancellationToken cancellation = default)
    {
        await using var command = dataSource.CreateCommand("UPDATE app_user SET role = $2, updated_at = now() WHERE name = $1");
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = RoleText(role) });
        return await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false) == 1;
    }

    /// <summary>Disables or enables a user (a disabled user's password and tokens are refused); false when there is no such user.</summary>
    public async Task<bool> SetDisabledAsync(string name, bool disabled, CancellationToken cancellation = default)
    {
        await using var command = dataSource.CreateCommand("UPDATE app_user SET disabled_at = CASE WHEN $2 THEN now() END, updated_at = now() WHERE name = $1");
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = disabled });
        return await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false) == 1;
    }

    /// <summary>The role's name as stored and typed: viewer, analyst or admin.</summary>
    public static string RoleText(UserRole role) => role.ToString().ToLowerInvariant();

    /// <summary>Parses viewer, analyst or admin.</summary>
    public static UserRole ParseRole(string text) => text switch
    {
        "viewer" => UserRole.Viewer,
        "analyst" => UserRole.Analyst,
        "admin" => UserRole.Admin,
        _ => throw new ArgumentException($"A role is viewer, analyst or admin; got '{text}'.", nameof(text)),
    };

    private async Task<bool> SetPasswordHashAsync(string name, string hash, CancellationToken cancellation)
    {
        await using var command = dataSource.CreateCommand("UPDATE app_user SET password_hash = $2, updated_at = now() WHERE name = $1");
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = hash });
        return await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false) == 1;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex NamePattern();
}
