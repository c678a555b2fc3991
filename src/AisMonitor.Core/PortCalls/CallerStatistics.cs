using System.Globalization;
using AisMonitor.Core.Alerts;
using MathNet.Numerics.Distributions;

namespace AisMonitor.Core.PortCalls;

/// <summary>
/// Who calls where, learnt from the feed: for every place, its calls by flag and by ship-type
/// class (the tens digit of the AIS ship type), and the same across all places. The share of a
/// flag (or type) among a place's callers is estimated with a Beta posterior whose prior is the
/// feed-wide share, weighed as <c>priorWeight</c> calls (MathNet.Numerics): a place seen three
/// times is judged by the feed's experience, one seen three thousand times by its own. A flag is
/// rare at a place when the 95 % upper bound of that posterior is below a fifth of its feed-wide
/// share, so a port with a handful of calls can never make anything rare.
/// </summary>
internal sealed class CallerStatistics(double priorWeight = 10)
{
    private const double UpperQuantile = 0.95;
    private const double RareRatio = 5;
    private readonly Dictionary<string, Counts> _byPlace = new(StringComparer.Ordinal);
    private readonly Counts _feed = new();

    /// <summary>Judges a call before counting it.</summary>
    public (RuleResult Flag, RuleResult Type) Judge(string place, string? flag, int? typeClass)
    {
        var here = _byPlace.GetValueOrDefault(place) ?? new Counts();
        return (
            Rarity("RareFlagHere", "flag", flag, here.Flags, here.Total),
            Rarity("RareTypeHere", "ship type class", typeClass is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t}x") : null, here.Types, here.Total));

        RuleResult Rarity(string name, string what, string? value, Dictionary<string, int> counts, int calls)
        {
            if (value is null)
            {
                return new RuleResult(name, false, $"{what} unknown");
            }

            var feedShare = (_feed.Share(value, what == "flag") * _feed.Total + 1) / (_feed.Total + 2.0); // smoothed: never 0 or 1
            var k = counts.GetValueOrDefault(value);
            var upper = Beta.InvCDF((priorWeight * feedShare) + k, (priorWeight * (1 - feedShare)) + calls - k, UpperQuantile);
            var rare = upper < feedShare / RareRatio;
            var c = CultureInfo.InvariantCulture;
            return new RuleResult(name, rare, string.Create(c,
                $"{what} {value}: {k} of {calls} earlier calls here; share here at most {upper:P1} (95 %), across the feed {feedShare:P1}{(rare ? " — rare here" : "")}"));
        }
    }

    /// <summary>Everything counted, as data, in key order.</summary>
    public CallerStatisticsSnapshot ToSnapshot() => new(
        _byPlace.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value.ToSnapshot()),
        _feed.ToSnapshot());

    /// <summary>Replaces what was counted with a snapshot.</summary>
    public void Restore(CallerStatisticsSnapshot snapshot)
    {
        _byPlace.Clear();
        foreach (var (place, counts) in snapshot.Places)
        {
            _byPlace[place] = Counts.From(counts);
        }

        _feed.Load(snapshot.Feed);
    }

    /// <summary>
    /// Adds everything <paramref name="other"/> counted: the statistics are sums, so those learnt by
    /// separate workers (partitions of the MMSIs) merge into what one worker would have learnt.
    /// </summary>
    public void Merge(CallerStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (place, counts) in other._byPlace)
        {
            if (!_byPlace.TryGetValue(place, out var here))
            {
                _byPlace[place] = here = new Counts();
            }

            here.Merge(counts);
        }

        _feed.Merge(other._feed);
    }

    /// <summary>Counts a call.</summary>
    public void Count(string place, string? flag, int? typeClass)
    {
        if (!_byPlace.TryGetValue(place, out var here))
        {
            _byPlace[place] = here = new Counts();
        }

        here.Add(flag, typeClass);
        _feed.Add(flag, typeClass);
    }

    private sealed class Counts
    {
        public int Total { get; private set; }

        public static Counts From(CallCountsSnapshot snapshot)
        {
            var counts = new Counts();
            counts.Load(snapshot);
            return counts;
        }

        public void Load(CallCountsSnapshot snapshot)
        {
            Total = snapshot.Total;
            Flags.Clear();
            Types.Clear();
            foreach (var (key, value) in snapshot.Flags)
            {
                Flags[key] = value;
            }

            foreach (var (key, value) in snapshot.Types)
            {
                Types[key] = value;
            }
        }

        public CallCountsSnapshot ToSnapshot() => new(
            Total,
            Flags.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(),
            Types.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary());

        public Dictionary<string, int> Flags { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Types { get; } = new(StringComparer.Ordinal);

        public double Share(string value, bool flag) => Total == 0 ? 0 : (double)(flag ? Flags : Types).GetValueOrDefault(value) / Total;

        public void Merge(Counts other)
        {
            Total += other.Total;
            foreach (var (key, value) in other.Flags)
            {
                Flags[key] = Flags.GetValueOrDefault(key) + value;
            }

            foreach (var (key, value) in other.Types)
            {
                Types[key] = Types.GetValueOrDefault(key) + value;
            }
        }

        public void Add(string? flag, int? typeClass)
        {
            Total++;
            if (flag is not null)
            {
                Flags[flag] = Flags.GetValueOrDefault(flag) + 1;
            }

            if (typeClass is { } t)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{t}x");
                Types[key] = Types.GetValueOrDefault(key) + 1;
            }
        }
    }
}

/// <summary>Calls by flag and type class at every place, and across the feed.</summary>
/// <param name="Places">By place key.</param>
/// <param name="Feed">Across the feed.</param>
public sealed record CallerStatisticsSnapshot(IReadOnlyDictionary<string, CallCountsSnapshot> Places, CallCountsSnapshot Feed);

/// <summary>Call counts.</summary>
/// <param name="Total">Calls.</param>
/// <param name="Flags">By flag (ISO country of the MMSI's MID).</param>
/// <param name="Types">By ship-type class ("7x").</param>
public sealed record CallCountsSnapshot(int Total, IReadOnlyDictionary<string, int> Flags, IReadOnlyDictionary<string, int> Types);
