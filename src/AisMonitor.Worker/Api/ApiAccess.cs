using System.Security.Claims;
using System.Threading.RateLimiting;
using AisMonitor.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AisMonitor.Worker.Api;

/// <summary>
/// Who may do what over HTTP. Nothing is anonymous but <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c>
/// and signing in (the fallback policy requires a user everywhere else, so a new route cannot be
/// left open by mistake). A user signs in with a password (<c>POST /api/session</c>, JSON only,
/// rate limited per address) and gets a session cookie (HttpOnly, SameSite=Strict, checked against
/// the user's current role and state on every request); automation sends an API token. A request
/// that changes something with the cookie must also carry the anti-forgery token of the session
/// (<c>X-CSRF-Token</c>, from <c>GET /api/session</c>), so no other site can post as the user.
/// Every response carries a content security policy that allows no inline script.
/// </summary>
internal static class ApiAccess
{
    /// <summary>Any user: viewer, analyst or admin.</summary>
    public const string Viewer = "viewer";

    /// <summary>Analysts and admins: triage.</summary>
    public const string Analyst = "analyst";

    /// <summary>Admins: users and watch lists.</summary>
    public const string Admin = "admin";

    public const string CsrfHeader = "X-CSRF-Token";
    private const string Either = "cookie-or-token";
    private const string LoginLimit = "login";
    private const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddApiAccess(this IServiceCollection services, string dataFolder)
    {
        // The stores over the worker's database, resolved at the first request (the database is started before the host).
        services.AddSingleton(p => new UserStore(p.GetRequiredService<Hosting.DatabaseService>().Database.DataSource));
        services.AddSingleton(p => new AlertStore(p.GetRequiredService<Hosting.DatabaseService>().Database.DataSource));
        services.AddSingleton(p => new AlertQueueReader(p.GetRequiredService<Hosting.DatabaseService>().Database.DataSource));
        services.AddSingleton(p => new VesselReader(p.GetRequiredService<Hosting.DatabaseService>().Database.DataSource));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new() { Title = "AisMonitor review API", Version = "1", Description = "The alert queue, triage, vessels and exports. Sign in with POST /api/session or send Authorization: Bearer TOKEN (aismonitor users token)." };
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        // The keys that sign session cookies and anti-forgery tokens: kept in the data folder (owner only, made by
        // UseApiAccess once the configuration has been checked), so sessions survive a restart.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(KeysFolder(dataFolder))).SetApplicationName("AisMonitor");
        services.AddAuthentication(Either)
            .AddPolicyScheme(Either, null, o => o.ForwardDefaultSelector = c => c.Request.Headers.Authorization.Count > 0 ? TokenAuthenticationHandler.Name : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "aismonitor";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = c => Status(c.Response, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Status(c.Response, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = async c =>
                {
                    // A disabled user is out at once, and a new role applies at once.
                    var now = await c.HttpContext.RequestServices.GetRequiredService<UserStore>().FindAsync(c.Principal!.Name(), c.HttpContext.RequestAborted).ConfigureAwait(false);
                    if (now is null)
                    {
                        c.RejectPrincipal();
                    }
                    else if (!c.Principal!.IsInRole(UserStore.RoleText(now.Role)))
                    {
                        c.ReplacePrincipal(Principal(now, CookieAuthenticationDefaults.AuthenticationScheme));
                        c.ShouldRenew = true;
                    }
                };
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.Name, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Viewer, p => p.RequireRole(Viewer, Analyst, Admin))
            .AddPolicy(Analyst, p => p.RequireRole(Analyst, Admin))
            .AddPolicy(Admin, p => p.RequireRole(Admin));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfHeader;
            o.Cookie.Name = "aismonitor-csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginLimit, c => RateLimitPartition.GetFixedWindowLimiter(
                c.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    /// <summary>Security headers, who the caller is, the anti-forgery check and the limits, in that order.</summary>
    public static void UseApiAccess(this WebApplication app, string dataFolder)
    {
        PrivateFiles.CreateFolder(KeysFolder(dataFolder));
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            await next(context).ConfigureAwait(false);
        });
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            if (NeedsAntiforgery(context) && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context).ConfigureAwait(false))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new { error = $"a change made with the session cookie needs the {CsrfHeader} header of the session (GET /api/session)" }).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        app.UseRateLimiter();
        app.UseAuthorization();
    }

    /// <summary><c>/api/session</c>: sign in, who am I (with the anti-forgery token), sign out.</summary>
    public static void MapSession(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/session", async (SignIn body, HttpContext context, UserStore users, IAntiforgery antiforgery) =>
        {
            if (string.IsNullOrEmpty(body.Name) || string.IsNullOrEmpty(body.Password)
                || await users.VerifyPasswordAsync(body.Name, body.Password, context.RequestAborted).ConfigureAwait(false) is not { } user)
            {
                return Results.Json(new { error = "wrong name or password" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            var principal = Principal(user, CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal).ConfigureAwait(false);
            context.User = principal; // the anti-forgery token is bound to the user
            return Results.Json(Session(user.Name, user.Role, antiforgery.GetAndStoreTokens(context).RequestToken));
        }).AllowAnonymous().RequireRateLimiting(LoginLimit);

        routes.MapGet("/api/session", (HttpContext context, IAntiforgery antiforgery) =>
            Results.Json(Session(context.User.Name(), CurrentRole(context.User), antiforgery.GetAndStoreTokens(context).RequestToken))).RequireAuthorization(Viewer);

        routes.MapDelete("/api/session", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.NoContent();
        }).RequireAuthorization(Viewer);
    }

    private static string KeysFolder(string dataFolder) => Path.Combine(dataFolder, "keys");

    public static ClaimsPrincipal Principal(AppUser user, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, UserStore.RoleText(user.Role))], scheme));

    private static UserRole CurrentRole(ClaimsPrincipal user) =>
        user.IsInRole(Admin) ? UserRole.Admin : user.IsInRole(Analyst) ? UserRole.Analyst : UserRole.Viewer;

    private static object Session(string name, UserRole role, string? csrf) => new { name, role = UserStore.RoleText(role), csrf_token = csrf };

    /// <summary>A change (not GET, HEAD, OPTIONS) to the API with the session cookie, other than signing in.</summary>
    private static bool NeedsAntiforgery(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
        && context.Request.Headers.Authorization.Count == 0
        && context.User.Identity?.IsAuthenticated == true
        && !(HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/api/session", StringComparison.Ordinal));

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>The body of a sign-in.</summary>
    internal sealed record SignIn(string? Name, string? Password);
}
