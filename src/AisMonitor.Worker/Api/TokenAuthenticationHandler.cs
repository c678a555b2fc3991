using System.Security.Claims;
using System.Text.Encodings.Web;
using AisMonitor.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AisMonitor.Worker.Api;

/// <summary>
/// <c>Authorization: Bearer aism_…</c>: the API token of a user (<c>aismonitor users token</c>), for
/// automation. A token is looked up by its hash on every request, so revoking it or disabling its
/// user takes effect at once.
/// </summary>
internal sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserStore users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        return await users.FindByTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted).ConfigureAwait(false) is { } user
            ? AuthenticateResult.Success(new AuthenticationTicket(ApiAccess.Principal(user, Name), Name))
            : AuthenticateResult.Fail("unknown or revoked token");
    }
}

/// <summary>The claims of a signed-in user.</summary>
internal static class UserClaims
{
    public static string Name(this ClaimsPrincipal principal) => principal.Identity?.Name ?? "?";
}
