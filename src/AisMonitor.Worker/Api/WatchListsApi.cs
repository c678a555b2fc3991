using System.Text.RegularExpressions;
using AisMonitor.Ingestion.WatchLists;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AisMonitor.Worker.Api;

/// <summary>
/// <c>/api/watch-lists</c>: the vessel watch lists in force (any user), and the ones admins manage: a
/// list uploaded as CSV (the same format as <c>--watch-list</c>: an imo and/or mmsi column, a name, …)
/// is checked, kept as <c>{data folder}/watch-lists/NAME.csv</c>, and put in force by the worker's
/// reload (within seconds, between two batches); deleting it takes it out the same way.
/// </summary>
internal static partial class WatchListsApi
{
    private const long MaximumBytes = 50 << 20;

    public static string Folder(string dataFolder) => Path.Combine(dataFolder, "watch-lists");

    public static void MapWatchLists(this IEndpointRouteBuilder routes)
    {
        var lists = routes.MapGroup("/api/watch-lists");
        lists.MapGet("/", ([FromServices] WatchListFiles files) =>
        {
            var managed = files.ManagedFiles().Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
            return Results.Json(files.Current.Lists.Select(l => new { name = l.Name, version = l.Version, entries = l.Entries.Count, managed = managed.Contains(l.Name) }));
        }).RequireAuthorization(ApiAccess.Viewer);

        lists.MapPut("/{name}", async (string name, HttpRequest request, [FromServices] WatchListFiles files) =>
        {
            var folder = Managed(files, name);
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (body.Length > MaximumBytes)
            {
                throw new ArgumentException($"a watch list is at most {MaximumBytes >> 20} MB");
            }

            body.Position = 0;
            var (list, rejected) = Read(body, name);
            Directory.CreateDirectory(folder);
            var target = Path.Combine(folder, name + ".csv");
            var temporary = target + ".uploading";
            await File.WriteAllBytesAsync(temporary, body.ToArray(), request.HttpContext.RequestAborted).ConfigureAwait(false);
            File.Move(temporary, target, overwrite: true); // whole or not at all for the reload
            return Results.Json(new { name, entries = list.Entries.Count, rejected, in_force = "within a few seconds (the worker rereads its lists every 2 s)" }, statusCode: StatusCodes.Status202Accepted);
        }).RequireAuthorization(ApiAccess.Admin);

        lists.MapDelete("/{name}", (string name, [FromServices] WatchListFiles files) =>
        {
            var file = Path.Combine(Managed(files, name), name + ".csv");
            if (!File.Exists(file))
            {
                return Results.Json(new { error = $"no managed watch list {name} (lists given with --watch-list are changed in their files)" }, statusCode: StatusCodes.Status404NotFound);
            }

            File.Delete(file);
            return Results.NoContent();
        }).RequireAuthorization(ApiAccess.Admin);
    }

    private static string Managed(WatchListFiles files, string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException("a watch list's name is 1 to 64 letters, digits, - or _");
        }

        return files.ManagedFolder ?? throw new ArgumentException("this worker has no folder for managed watch lists");
    }

    private static (Core.WatchLists.WatchList List, int Rejected) Read(Stream body, string name)
    {
        try
        {
            return WatchListCsv.Read(body, name, "upload");
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, e);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
