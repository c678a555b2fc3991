using System.Globalization;
using AisMonitor.Core.Alerts;

namespace AisMonitor.Core.Detection;

/// <summary>
/// How often vessels are normally heard, learnt from the feed itself: for every grid cell, the
/// distribution of intervals between consecutive reports of moving vessels. A silence is scored by
/// the share of listening time that silences at least that long take up in its cell (time-weighted,
/// so that the many short intervals of one satellite pass do not make the revisit gap look rare):
/// counted where the cell has seen such silences, otherwise from a log-normal fit of the cell's intervals (MathNet.Numerics) but
/// never below half a count in the intervals seen (no more certainty than the data holds), and
/// always shrunk towards the whole feed's distribution in proportion to how little the cell has
/// seen, so that a cell seen three times is not judged like one seen three thousand times.
/// A satellite-only ocean cell, where hours between passes are routine, gives a high probability
/// to a six-hour silence; a busy strait heard every few seconds gives it almost none.
/// </summary>
public sealed class ReceptionModel
{
    private const double MinimumProbability = 1e-12;
    private readonly ReceptionOptions _options;
    private readonly Dictionary<long, IntervalHistogram> _cells = [];
    private readonly IntervalHistogram _feed = new();

    /// <summary>Creates an empty model.</summary>
    public ReceptionModel(ReceptionOptions? options = null)
    {
        _options = options ?? new ReceptionOptions();
        _options.Validate();
    }

    /// <summary>Number of cells with at least one interval.</summary>
    public int CellCount => _cells.Count;

    /// <summary>Learns one interval that started at the given position at the given speed.</summary>
    public void Observe(double latitudeDegrees, double longitudeDegrees, double intervalSeconds, double? speedKnots)
    {
        if (speedKnots < _options.MovingSpeedKnots || intervalSeconds <= 0 || intervalSeconds > _options.MaxIntervalDays * 86_400)
        {
            return;
        }

        var key = CellKey(latitudeDegrees, longitudeDegrees);
        if (!_cells.TryGetValue(key, out var cell))
        {
            _cells[key] = cell = new IntervalHistogram();
        }

        cell.Add(intervalSeconds);
        _feed.Add(intervalSeconds);
    }

    /// <summary>How surprising a silence of <paramref name="durationSeconds"/> is at this position.</summary>
    public ReceptionEvidence Assess(double latitudeDegrees, double longitudeDegrees, double durationSeconds)
    {
        var cellName = CellName(latitudeDegrees, longitudeDegrees);
        var feedTail = Tail(_feed, durationSeconds, out var feedBasis);
        var prior = double.IsNaN(feedTail) ? _options.UninformedTailProbability : feedTail;
        var priorBasis = double.IsNaN(feedTail) ? "no intervals learnt yet: uninformed prior" : $"whole feed ({_feed.Count} intervals, {feedBasis})";
        if (!_cells.TryGetValue(CellKey(latitudeDegrees, longitudeDegrees), out var cell))
        {
            return new ReceptionEvidence(cellName, 0, null, Math.Max(MinimumProbability, prior), "cell never heard a moving vessel; " + priorBasis);
        }

        var cellTail = Tail(cell, durationSeconds, out var cellBasis);
        var weight = _options.PriorWeight;
        var probability = double.IsNaN(cellTail) ? prior : ((cell.Count * cellTail) + (weight * prior)) / (cell.Count + weight);
        return new ReceptionEvidence(cellName, cell.Count, cell.MedianSeconds(), Math.Max(MinimumProbability, probability), $"cell {cellBasis}, weighed against {priorBasis}");
    }

    private static double Tail(IntervalHistogram histogram, double seconds, out string basis)
    {
        var empirical = histogram.EmpiricalTail(seconds);
        if (empirical > 0)
        {
            basis = "counted";
            return empirical;
        }

        var fitted = histogram.LogNormalTail(seconds);
        if (double.IsNaN(fitted))
        {
            basis = "too few intervals";
            return fitted;
        }

        // No such silence in the time listened bounds the share, whatever a fit says.
        var floor = histogram.UnseenBound(seconds);
        basis = fitted >= floor
            ? "log-normal tail beyond the longest interval seen"
            : string.Create(CultureInfo.InvariantCulture, $"none so long in {histogram.TotalSeconds / 3600:0} h listened (bounded at half of one)");
        return Math.Max(fitted, floor);
    }

    private long CellKey(double latitudeDegrees, double longitudeDegrees)
    {
        var size = _options.CellSizeDegrees;
        var row = (long)Math.Floor((latitudeDegrees + 90) / size);
        var column = (long)Math.Floor((longitudeDegrees + 180) / size);
        return (row << 32) | column;
    }

    private string CellName(double latitudeDegrees, double longitudeDegrees)
    {
        var size = _options.CellSizeDegrees;
        var south = (Math.Floor((latitudeDegrees + 90) / size) * size) - 90;
        var west = (Math.Floor((longitudeDegrees + 180) / size) * size) - 180;
        return string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(south):0.##}{(south >= 0 ? 'N' : 'S')} {Math.Abs(west):0.##}{(west >= 0 ? 'E' : 'W')} ({size:0.##}°)");
    }
}
