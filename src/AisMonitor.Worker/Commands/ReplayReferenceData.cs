using AisMonitor.Core.Ports;
using AisMonitor.Ingestion.Ports;
using AisMonitor.Ingestion.WatchLists;
using Microsoft.Extensions.Logging;

namespace AisMonitor.Worker.Commands;

/// <summary>The reference data detection starts from (replay and the worker): watch lists and places, read and checked before anything else starts; what was read is logged.</summary>
internal static partial class ReplayReferenceData
{
    public static WatchListFiles LoadWatchLists(string[] files, bool builtIn, ILogger logger, string? managedFolder = null)
    {
        foreach (var file in files.Where(f => !File.Exists(f)))
        {
            throw new ArgumentException($"--watch-list: file not found: {file}");
        }

        try
        {
            var lists = new WatchListFiles(files, builtIn, managedFolder);
            foreach (var (path, list) in files.Zip(lists.Current.Lists.Skip(builtIn ? 1 : 0)))
            {
                var rejected = lists.Rejected[path];
                LogWatchList(logger, list.Name, list.Version, list.Entries.Count, rejected);
            }

            return lists;
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"--watch-list: {e.Message}", e);
        }
    }

    public static PortIndex LoadPlaces(string[] files, ILogger logger)
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
                LogPlaces(logger, file, read.Count, rejected.Count);
                foreach (var reason in rejected)
                {
                    LogPlaceRejected(logger, file, reason);
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
            LogSuperseded(logger, index.Superseded.Count);
        }

        return index;
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "watch list {Name} (version {Version}): {Vessels} vessels, {Rejected} rows rejected (neither a valid IMO nor an MMSI)")]
    private static partial void LogWatchList(ILogger logger, string name, string version, int vessels, int rejected);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "places {File}: {Places} places, {Rejected} features rejected")]
    private static partial void LogPlaces(ILogger logger, string file, int places, int rejected);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "places {File}: rejected: {Reason}")]
    private static partial void LogPlaceRejected(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "places: {Count} World Port Index points lie inside port polygons and are replaced by them")]
    private static partial void LogSuperseded(ILogger logger, int count);
}
