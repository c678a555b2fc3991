using AisMonitor.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AisMonitor.Worker.Api;

/// <summary>
/// <c>/api/users</c>, for admins: who may use the UI and the API (as <c>aismonitor users</c>). A new user's
/// password is set by the admin and should be changed by its owner; an admin cannot disable or demote
/// themselves (so that there is always one left).
/// </summary>
internal static class UsersApi
{
    public static void MapUsers(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/users").RequireAuthorization(ApiAccess.Admin);
        users.MapGet("/", async (UserStore store, HttpContext context) =>
            Results.Json((await store.ListAsync(context.RequestAborted).ConfigureAwait(false))
                .Select(u => new { name = u.User.Name, role = UserStore.RoleText(u.User.Role), disabled = u.Disabled })));

        users.MapPost("/", async (NewUser body, UserStore store, HttpContext context) =>
        {
            try
            {
                await store.AddAsync(body.Name ?? string.Empty, UserStore.ParseRole(body.Role ?? string.Empty), body.Password ?? string.Empty, context.RequestAborted).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status409Conflict); // the name is taken
            }

            return Results.Json(new { name = body.Name, role = body.Role }, statusCode: StatusCodes.Status201Created);
        });

        users.MapPost("/{name}", async (string name, UserChange body, UserStore store, HttpContext context) =>
        {
            if (name == context.User.Name() && (body.Disabled == true || (body.Role is { } r && r != ApiAccess.Admin)))
            {
                throw new ArgumentException("an admin cannot disable or demote themselves: another admin can");
            }

            var found = (body.Role is not { } role || await store.SetRoleAsync(name, UserStore.ParseRole(role), context.RequestAborted).ConfigureAwait(false))
                && (body.Disabled is not { } disabled || await store.SetDisabledAsync(name, disabled, context.RequestAborted).ConfigureAwait(false))
                && (body.Password is not { } password || await store.SetPasswordAsync(name, password, context.RequestAborted).ConfigureAwait(false));
            return found ? Results.NoContent() : Results.Json(new { error = $"no user {name}" }, statusCode: StatusCodes.Status404NotFound);
        });
    }

    /// <summary>A user to add.</summary>
    internal sealed record NewUser(string? Name, string? Role, string? Password);

    /// <summary>What to change of a user; null fields stay.</summary>
    internal sealed record UserChange(string? Role, bool? Disabled, string? Password);
}
