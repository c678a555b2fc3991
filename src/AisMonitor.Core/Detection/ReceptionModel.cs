using System.Globalization;
using AisMonitor.Core.Alerts;
using MathNet.Numerics.Distributions;

namespace AisMonitor.Core.Detection;

/// <summary>
/// How often vessels are normally heard, learnt from the feed itself: for every grid cell, the
/// intervals between consecutive reports of moving vessels and the vessel-hours they cover. A
/// silence of length L is scored by the chance, per vessel-day heard in its cell, of a silence at
/// least that long. Silences of L or more are treated as Poisson events: with k of them counted in
/// T vessel-hours, the rate has the Gamma(k + shape₀, T + weight) posterior, whose prior is the whole
/// feed's experience scaled to <see cref="ReceptionOptions.PriorWeightHours"/> (on top of Jeffreys'
/// shape ½). The score uses the posterior median rate r (MathNet.Numerics) and the Poisson chance of
/// at least one such silence in a day, 1 − e^(−24r). A cell heard for three hours is so judged like
/// the feed as a whole; one heard for thousands of vessel-hours by itself. Where satellites pass
/// every few hours, six-hour silences happen daily (chance near 1, score near 0); in a strait heard
/// for a thousand vessel-days without one, the chance is about 1 in 4,000.
/// </summary>
public sealed class ReceptionModel
{
    private const double MinimumProbability = 1e-12;
    private const double JeffreysShape = 0.5;
    private readonly ReceptionOptions _options;
    private readonly CellGrid _cells;
    private IntervalHistogram _feed = new();

    /// <summary>Creates an empty model.</summary>
    public ReceptionModel(ReceptionOptions? options = null)
    {
        _options = options ?? new ReceptionOptions();
        _options.Validate();
        _cells = new CellGrid(_options.CellSizeDegrees);
    }

    /// <summary>The model as data.</summary>
    public ReceptionSnapshot ToSnapshot() =>
        new(_cells.InKeyOrder().Select(c => new CellSnapshot(c.Key, c.Histogram.ToSnapshot())).ToList(), _feed.ToSnapshot());

    /// <summary>Replaces what the model has learnt with a snapshot.</summary>
    public void Restore(ReceptionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _cells.Clear();
        foreach (var cell in snapshot.Cells)
        {
            var (row, column) = (cell.Key >> 32, cell.Key & uint.MaxValue);
            if (row > _cells.Last.Row || column > _cells.Last.Column)
            {
                throw new ArgumentException($"The snapshot has a cell ({row}, {column}) outside the grid of {_options.CellSizeDegrees}° cells.", nameof(snapshot));
            }

            _cells.Set(cell.Key, IntervalHistogram.FromSnapshot(cell.Histogram));
        }

        _feed = IntervalHistogram.FromSnapshot(snapshot.Feed);
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
        var cell = _cells.GetOrAdd(key);
        cell.Add(intervalSeconds);
        _feed.Add(intervalSeconds);
    }

    /// <summary>How surprising a silence of <paramref name="durationSeconds"/> is at this position.</summary>
    public ReceptionEvidence Assess(double latitudeDegrees, double longitudeDegrees, double durationSeconds)
    {
        var cellName = CellName(latitudeDegrees, longitudeDegrees);
        var weight = _options.PriorWeightHours;
        var feedSilences = _feed.CountAtLeast(durationSeconds);
        var priorShape = JeffreysShape + (_feed.TotalHours > 0 ? feedSilences * weight / _feed.TotalHours : 0);
        var cell = _cells.Find(CellKey(latitudeDegrees, longitudeDegrees));
        var cellSilences = cell?.CountAtLeast(durationSeconds) ?? 0;
        var cellHours = cell?.TotalHours ?? 0;
        var ratePerHour = Gamma.InvCDF(priorShape + cellSilences, weight + cellHours, 0.5);
        var chance = Math.Clamp(1 - Math.Exp(-24 * ratePerHour), MinimumProbability, 1);
        var basis = string.Create(CultureInfo.InvariantCulture,
            $"{cellSilences:0.#} such silences in {cellHours:#,0} vessel-hours here, {feedSilences:0.#} in {_feed.TotalHours:#,0} in the whole feed (weighed as {weight:0} hours)");
        return new ReceptionEvidence(cellName, cell?.Count ?? 0, Math.Round(cellHours, 1), cell?.MedianSeconds(), chance, basis);
    }

    private long CellKey(double latitudeDegrees, double longitudeDegrees)
    {
        var size = _options.CellSizeDegrees;
        var row = Math.Clamp((long)Math.Floor((latitudeDegrees + 90) / size), 0, _cells.Last.Row);
        var column = Math.Clamp((long)Math.Floor((longitudeDegrees + 180) / size), 0, _cells.Last.Column);
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
