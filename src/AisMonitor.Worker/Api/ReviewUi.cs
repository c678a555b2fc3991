using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace AisMonitor.Worker.Api;

/// <summary>
/// The review UI (web/, built into wwwroot next to the executable): its files, and its pages
/// (<c>/</c>, <c>/alerts/{id}</c>, <c>/vessels/{mmsi}</c>, <c>/admin</c>) answered with its one HTML page. The shell
/// holds no data and is served to anyone, so a signed-out user gets the sign-in form; every piece of
/// data comes from the API, which is not anonymous.
/// </summary>
internal static class ReviewUi
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>False when the UI was not built (no npm at build time): the API still works.</summary>
    public static bool Use(WebApplication app)
    {
        var page = Path.Combine(Folder, "index.html");
        if (!File.Exists(page))
        {
            return false;
        }

        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".geojson"] = "application/geo+json"; // the land of the offline map
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Folder), ContentTypeProvider = types });
        foreach (var pattern in new[] { "/", "/alerts/{id}", "/vessels/{mmsi}", "/admin" })
        {
            app.MapGet(pattern, () => Results.File(page, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        }

        return true;
    }
}
