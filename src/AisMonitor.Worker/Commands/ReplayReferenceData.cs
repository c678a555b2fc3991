using AisMonitor.Core.Ports;
using AisMonitor.Ingestion.Ports;
using AisMonitor.Ingestion.WatchLists;

namespace AisMonitor.Worker.Commands;

/// <summary>The reference data a replay starts from: watch lists and places, read and checked before anything else starts.</summary>
internal static class ReplayReferenceData
{
    public static WatchListFiles LoadWatchLists(string[] files, bool builtIn)
    {
        foreach (var file in files.Where(f => !File.Exists(f)))
        {
            throw new ArgumentException($"--watch-list: file not found: {file}");
        }

        try
        {
            var lists = new WatchListFiles(files, builtIn);
            foreach (var (path, list) in files.Zip(lists.Current.Lists.Skip(builtIn ? 1 : 0)))
            {
                var rejected = lists.Rejected[path];
                Console.Error.WriteLine($"watch list  {list.Name} (version {list.Version}): {list.Entries.Count} vessels" + (rejected > 0 ? $", {rejected} rows rejected (neither a valid IMO nor an MMSI)" : ""));
            }

            return lists;
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"--watch-list: {e.Message}", e);
        }
    }

    public static PortIndex LoadPlaces(string[] files)
    {
        var places = new List<Port>(WorldPortIndex.WithDefaults);
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new ArgumentException($"--places: file not found: {file}");
            }

            try
            {
                var (read, rejected) = GeoJsonPlaces.ReadFile(file);
                Console.Error.WriteLine($"places      {file}: {read.Count} places, {rejected.Count} features rejected");
                foreach (var reason in rejected)
                {
                    Console.Error.WriteLine($"            rejected: {reason}");
                }

                places.AddRange(read);
            }
            catch (FormatException e)
            {
                throw new ArgumentException($"--places {file}: {e.Message}", e);
            }
        }

        var index = new PortIndex(places);
        if (index.Superseded.Count > 0)
        {
            Console.Error.WriteLine($"places      {index.Superseded.Count} World Port Index points lie inside port polygons and are replaced by them");
        }

        return index;
    }
}
