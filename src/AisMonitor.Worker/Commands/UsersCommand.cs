using System.CommandLine;
using System.Globalization;
using System.Text;
using AisMonitor.Storage;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// <c>aismonitor users add|list|role|password|disable|enable|token|tokens|revoke-token</c>: who may use
/// the review UI and the API. A password comes from the <c>AISMONITOR_PASSWORD</c> environment
/// variable or standard input (asked twice without echo on a terminal), never from an argument that
/// would stay in the shell's history; a token is printed once, on standard output.
/// </summary>
internal static class UsersCommand
{
    /// <summary>The environment variable a password may come from.</summary>
    public const string PasswordVariable = "AISMONITOR_PASSWORD";

    public static Command Create()
    {
        var users = new Command("users", "Manage who may use the review UI and the API: users with a role (viewer reads, analyst also triages, admin also manages users and watch lists) and API tokens.");
        var name = () => new Argument<string>("NAME") { Description = "The user name." };
        var role = () =>
        {
            var option = new Option<string>("--role") { Description = "viewer, analyst or admin.", Required = true };
            option.AcceptOnlyFromAmong("viewer", "analyst", "admin");
            return option;
        };

        var addName = name();
        var addRole = role();
        users.Subcommands.Add(Subcommand(
            "add",
            $"Add a user; the password from {PasswordVariable} or standard input (at least {UserStore.MinimumPasswordLength} characters).",
            [addName, addRole],
            async (result, store, cancellation) =>
            {
                var user = result.GetValue(addName)!;
                UserStore.CheckName(user); // before asking for a password
                await store.AddAsync(user, UserStore.ParseRole(result.GetValue(addRole)!), ReadPassword(), cancellation);
                Console.Error.WriteLine($"user {user} added ({result.GetValue(addRole)})");
            }));

        users.Subcommands.Add(Subcommand("list", "List the users and their roles.", [], async (_, store, cancellation) =>
        {
            foreach (var (user, disabled) in await store.ListAsync(cancellation))
            {
                Console.WriteLine($"{user.Name}\t{UserStore.RoleText(user.Role)}{(disabled ? "\tdisabled" : string.Empty)}");
            }
        }));

        var roleName = name();
        var roleRole = role();
        users.Subcommands.Add(Subcommand("role", "Change a user's role.", [roleName, roleRole], async (result, store, cancellation) =>
            Found(await store.SetRoleAsync(result.GetValue(roleName)!, UserStore.ParseRole(result.GetValue(roleRole)!), cancellation), result.GetValue(roleName)!, "role changed")));

        var passwordName = name();
        users.Subcommands.Add(Subcommand("password", $"Set a user's password, from {PasswordVariable} or standard input.", [passwordName], async (result, store, cancellation) =>
            Found(await store.SetPasswordAsync(result.GetValue(passwordName)!, ReadPassword(), cancellation), result.GetValue(passwordName)!, "password changed")));

        foreach (var (verb, disabled) in new[] { ("disable", true), ("enable", false) })
        {
            var who = name();
            users.Subcommands.Add(Subcommand(verb, disabled ? "Refuse a user's password and tokens from now on." : "Let a disabled user in again.", [who], async (result, store, cancellation) =>
                Found(await store.SetDisabledAsync(result.GetValue(who)!, disabled, cancellation), result.GetValue(who)!, verb + "d")));
        }

        var tokenName = name();
        var label = new Option<string?>("--label") { Description = "What the token is for (shown in the list)." };
        users.Subcommands.Add(Subcommand("token", "Create an API token for a user (sent as 'Authorization: Bearer TOKEN'); printed once, stored only as a hash.", [tokenName, label], async (result, store, cancellation) =>
            Console.WriteLine(await store.CreateTokenAsync(result.GetValue(tokenName)!, result.GetValue(label), cancellation))));

        var tokensName = new Argument<string?>("NAME") { Description = "Only this user's tokens.", Arity = ArgumentArity.ZeroOrOne };
        users.Subcommands.Add(Subcommand("tokens", "List API tokens (their first characters, never the tokens).", [tokensName], async (result, store, cancellation) =>
        {
            foreach (var t in await store.ListTokensAsync(result.GetValue(tokensName), cancellation))
            {
                var c = CultureInfo.InvariantCulture;
                Console.WriteLine(string.Create(c, $"{t.Id}\t{t.UserName}\t{t.Prefix}…\t{t.Label}\tcreated {t.CreatedAt:yyyy-MM-dd}\t{(t.LastUsed is { } used ? $"last used {used:yyyy-MM-dd HH:mm}" : "never used")}{(t.RevokedAt is not null ? "\trevoked" : string.Empty)}"));
            }
        }));

        var id = new Argument<long>("ID") { Description = "The token's number, from 'users tokens'." };
        users.Subcommands.Add(Subcommand("revoke-token", "Revoke an API token.", [id], async (result, store, cancellation) =>
        {
            if (!await store.RevokeTokenAsync(result.GetValue(id), cancellation))
            {
                throw new InvalidOperationException($"There is no valid token number {result.GetValue(id)}.");
            }

            Console.Error.WriteLine($"token {result.GetValue(id)} revoked");
        }));
        return users;
    }

    private static Command Subcommand(string verb, string description, Symbol[] symbols, Func<ParseResult, UserStore, CancellationToken, Task> act) =>
        DatabaseCommand.Create(verb, description, symbols, (result, database, cancellation) => act(result, new UserStore(database.DataSource), cancellation));

    private static void Found(bool found, string user, string what)
    {
        if (!found)
        {
            throw new InvalidOperationException($"There is no user named '{user}'.");
        }

        Console.Error.WriteLine($"user {user}: {what}");
    }

    /// <summary>The password from the environment variable, or standard input: its first line, or typed twice without echo on a terminal.</summary>
    private static string ReadPassword()
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw new ArgumentException($"No password: set {PasswordVariable} or give it on standard input.");
        }

        var first = Prompt("password: ");
        if (Prompt("again: ") != first)
        {
            throw new ArgumentException("The two passwords differ.");
        }

        return first;
    }

    private static string Prompt(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}
