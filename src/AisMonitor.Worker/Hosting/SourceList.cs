using AisMonitor.Ingestion.Live;

namespace AisMonitor.Worker.Hosting;

/// <summary>The live sources, <c>AisMonitor:Sources:0</c>, <c>:1</c>, … (environment: <c>AisMonitor__Sources__0__Kind</c>).</summary>
internal sealed class SourceList : List<SourceOptions>
{
    /// <summary>What is wrong, one message per bad key; names must be unique.</summary>
    public IEnumerable<string> Problems()
    {
        for (var i = 0; i < Count; i++)
        {
            foreach (var problem in this[i].Problems($"AisMonitor:Sources:{i}"))
            {
                yield return problem;
            }
        }

        foreach (var name in this.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1 && g.Key.Length > 0))
        {
            yield return $"AisMonitor:Sources: the name '{name.Key}' is used {name.Count()} times: each source needs its own.";
        }
    }
}
