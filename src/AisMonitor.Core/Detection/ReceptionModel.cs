using System.Globalization;
using AisMonitor.Core.Alerts;

namespace AisMonitor.Core.Detection;

/// <summary>
/// How often vessels are normally heard, learnt from the feed itself: for every grid cell, the
/// intervals between consecutive reports of moving vessels and the vessel-hours they cover. A
/// silence of length L is scored by the chance, per vessel-day heard where it happened, of a silence
/// at least that long. Silences of L or more are Poisson events whose rate is estimated
/// hierarchically (empirical Bayes, Gamma–Poisson): the whole feed's rate, with Jeffreys' ½ silence
/// in <see cref="ReceptionOptions.PriorWeightHours"/>, is the prior of each coarse block (16° by
/// default), whose estimate is the prior of the finer block (4°), and so down to the cell (1°). At
/// each level the posterior mean is (k + W·r_above) / (T + W) for k such silences in T vessel-hours,
/// so a level's own counts weigh T / (T + W) and the rest comes from above; each weight is stated in
/// the evidence. W is <see cref="ReceptionOptions.PriorWeightHours"/>, or less where the level above
/// is often silent: never more than <see cref="ReceptionOptions.PriorMaximumSilences"/> of its silences
/// (W·r_above), so a well-heard cell next to satellite-only waters is not judged by them. A cell
/// heard for three hours is so judged like the waters around it, not like the whole world, and one
/// heard for thousands of vessel-hours by itself. The chance per vessel-day is
/// 1 − e^(−24 r). Where satellites pass every few hours, six-hour silences happen daily (chance near
/// 1, score near 0); in a strait heard for a thousand vessel-days without one, it is about 1 in
/// 40,000. Blocks keep their own histograms, updated with the cell's (derived data: snapshots hold
/// the cells and the blocks are summed again on restore), so an assessment reads one histogram per level.
/// Silences still under way count too, in the finest block (<see cref="SilenceBegan"/>): a silence
/// is learnt when it ends, so where vessels are seldom heard the long ones would otherwise be missing
/// while they happen. A class A vessel's silence during which the others were heard where it was (in
/// <see cref="ReceptionOptions.OwnSilenceHeardHours"/> distinct hours, <see cref="Heard"/>) is the
/// vessel's own, not the receivers', and is not learnt (<see cref="OwnSilencesSetAside"/>).
/// </summary>
public sealed class ReceptionModel
{
    private const double MinimumProbability = 1e-12;
    private const double JeffreysShape = 0.5;
    private const long HourMilliseconds = 3_600_000;
    private readonly ReceptionOptions _options;
    private readonly CellGrid<IntervalHistogram> _cells;
    private readonly CellGrid<IntervalHistogram>[] _blocks;
    private readonly CellGrid<HeardHours> _heard;
    private readonly int[] _blockShifts; // a block of level l is 2^shift cells a side
    private readonly OpenSilences _open = new();
    private IntervalHistogram _feed = new();
    private long? _listenedFrom, _listenedTo;

    /// <summary>Creates an empty model.</summary>
    public ReceptionModel(ReceptionOptions? options = null)
    {
        _options = options ?? new ReceptionOptions();
        _options.Validate();
        _cells = new CellGrid<IntervalHistogram>(_options.CellSizeDegrees);
        _heard = new CellGrid<HeardHours>(_options.CellSizeDegrees);
        _blockShifts = [.. Enumerable.Range(1, _options.PoolingLevels).Select(level => level * System.Numerics.BitOperations.Log2((uint)_options.PoolingFactor))];
        _blocks = [.. _blockShifts.Select(shift => new CellGrid<IntervalHistogram>(_options.CellSizeDegrees * (1 << shift)))];
    }

    /// <summary>The model as data.</summary>
    public ReceptionSnapshot ToSnapshot() =>
        new(_cells.InKeyOrder().Select(c => new CellSnapshot(c.Key, c.Value.ToSnapshot())).ToList(), _feed.ToSnapshot())
        {
            ListenedFromUnixMilliseconds = _listenedFrom,
            ListenedToUnixMilliseconds = _listenedTo,
            OpenSilences = [.. _open.All().Select(o => new OpenSilenceSnapshot(o.Area, o.StartUnixMilliseconds, o.Mmsi))],
            HeardHours = [.. _heard.InKeyOrder().Select(c => new HeardHoursSnapshot(c.Key, c.Value.Newest, c.Value.Bits))],
            OwnSilencesSetAside = OwnSilencesSetAside,
        };

    /// <summary>Replaces what the model has learnt with a snapshot.</summary>
    public void Restore(ReceptionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _cells.Clear();
        _heard.Clear();
        foreach (var blocks in _blocks)
        {
            blocks.Clear();
        }

        foreach (var cell in snapshot.Cells)
        {
            var (row, column) = (cell.Key >> 32, cell.Key & uint.MaxValue);
            if (row > _cells.Last.Row || column > _cells.Last.Column)
            {
                throw new ArgumentException($"The snapshot has a cell ({row}, {column}) outside the grid of {_options.CellSizeDegrees}° cells.", nameof(snapshot));
            }

            var histogram = IntervalHistogram.FromSnapshot(cell.Histogram);
            _cells.Set(cell.Key, histogram);
            for (var level = 0; level < _blocks.Length; level++)
            {
                _blocks[level].GetOrAdd(BlockKey(cell.Key, _blockShifts[level])).Merge(histogram);
            }
        }

        _feed = IntervalHistogram.FromSnapshot(snapshot.Feed);
        _open.Clear();
        foreach (var open in snapshot.OpenSilences ?? [])
        {
            _open.Add(open.Area, open.StartUnixMilliseconds, open.Mmsi);
        }

        foreach (var heard in snapshot.HeardHours ?? [])
        {
            _heard.GetOrAdd(heard.Key).Load(heard.Newest, heard.Bits);
        }

        OwnSilencesSetAside = snapshot.OwnSilencesSetAside;
        (_listenedFrom, _listenedTo) = (snapshot.ListenedFromUnixMilliseconds, snapshot.ListenedToUnixMilliseconds);
    }

    /// <summary>
    /// Adds everything <paramref name="other"/> learnt: the model is sums (intervals and hours per cell,
    /// block and feed, and the span listened to), so models learnt by separate workers over separate
    /// vessels merge into the one a single worker would have learnt. Both must have the same grid.
    /// </summary>
    public void Merge(ReceptionModel other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._options.CellSizeDegrees != _options.CellSizeDegrees || other._options.PoolingLevels != _options.PoolingLevels || other._options.PoolingFactor != _options.PoolingFactor)
        {
            throw new ArgumentException("Reception models merge only on the same grid (CellSizeDegrees, PoolingLevels, PoolingFactor).", nameof(other));
        }

        foreach (var (key, histogram) in other._cells.InKeyOrder())
        {
            _cells.GetOrAdd(key).Merge(histogram);
            for (var level = 0; level < _blocks.Length; level++)
            {
                _blocks[level].GetOrAdd(BlockKey(key, _blockShifts[level])).Merge(histogram);
            }
        }

        _feed.Merge(other._feed);
        foreach (var (key, hours) in other._heard.InKeyOrder())
        {
            _heard.GetOrAdd(key).Merge(hours);
        }

        OwnSilencesSetAside += other.OwnSilencesSetAside;
        foreach (var (area, start, mmsi) in other._open.All())
        {
            _open.Add(area, start, mmsi);
        }

        if (other._listenedFrom is { } from)
        {
            _listenedFrom = Math.Min(_listenedFrom ?? long.MaxValue, from);
        }

        if (other._listenedTo is { } to)
        {
            _listenedTo = Math.Max(_listenedTo ?? long.MinValue, to);
        }
    }

    /// <summary>Silences under way that the model counts (see <see cref="SilenceBegan"/>).</summary>
    public int OpenSilenceCount => _open.Count;

    /// <summary>
    /// A vessel last heard here at <paramref name="startUnixMilliseconds"/> has been silent for the gap
    /// minimum: until <see cref="SilenceEnded"/>, whenever another vessel's silence of length L is
    /// judged in the finest block around it (the first pooling level), it counts as one silence of L,
    /// with L of vessel-hours (a lower bound), once it has lasted that long. Closed silences alone undercount the long ones while they
    /// are under way: where satellites pass every 6–14 h, most of a block's vessels are silent at any
    /// moment, and early in a feed, or after a pass that missed the whole block, a silence there would
    /// look rare while hundreds like it are in progress. Registering twice is harmless.
    /// </summary>
    public void SilenceBegan(double latitudeDegrees, double longitudeDegrees, long startUnixMilliseconds, uint mmsi) =>
        _open.Add(OpenAreaKey(CellKey(latitudeDegrees, longitudeDegrees)), startUnixMilliseconds, mmsi);

    /// <summary>The vessel was heard again: its silence is no longer under way (a no-op when it was never registered).</summary>
    public void SilenceEnded(double latitudeDegrees, double longitudeDegrees, long startUnixMilliseconds, uint mmsi) =>
        _open.Remove(OpenAreaKey(CellKey(latitudeDegrees, longitudeDegrees)), startUnixMilliseconds, mmsi);

    /// <summary>Number of cells with at least one interval.</summary>
    public int CellCount => _cells.Count;

    /// <summary>Silences not learnt because others were heard where the vessel was meanwhile (<see cref="ReceptionOptions.OwnSilenceHeardHours"/>).</summary>
    public long OwnSilencesSetAside { get; private set; }

    /// <summary>A report was heard at this position and time (a class A vessel's, moving or not): the receivers were listening there in that hour.</summary>
    public void Heard(double latitudeDegrees, double longitudeDegrees, long unixMilliseconds)
    {
        if (_options.OwnSilenceHeardHours > 0)
        {
            _heard.GetOrAdd(CellKey(latitudeDegrees, longitudeDegrees)).Mark(Hour(unixMilliseconds));
        }
    }

    /// <summary>
    /// Whether other class A vessels were heard in this place's cell, between the two times, in at
    /// least <see cref="ReceptionOptions.OwnSilenceHeardHours"/> distinct hours: the receivers were
    /// listening there, so a class A silence there is not theirs to explain. False when the option is 0.
    /// </summary>
    public bool OthersHeard(double latitudeDegrees, double longitudeDegrees, long fromUnixMilliseconds, long toUnixMilliseconds) =>
        _options.OwnSilenceHeardHours > 0 && _heard.Find(CellKey(latitudeDegrees, longitudeDegrees)) is { } heard
        && heard.CountBetween(Hour(fromUnixMilliseconds), Hour(toUnixMilliseconds)) >= _options.OwnSilenceHeardHours;

    /// <summary>The option in force: how many distinct hours of others heard make a silence a vessel's own.</summary>
    public int OwnSilenceHeardHours => _options.OwnSilenceHeardHours;

    /// <summary>
    /// Learns one interval, ending at <paramref name="endUnixMilliseconds"/>, of a vessel unheard at the
    /// given position (the gap detector gives the point halfway between the two reports) that was last
    /// heard at the given speed; <paramref name="intervalSeconds"/> may be less than the time between the
    /// reports (the hours the feed itself was out are not counted). With <paramref name="startUnixMilliseconds"/>,
    /// when the vessel was last heard (given for class A vessels, heard as well as those that mark
    /// <see cref="Heard"/>), it is not learnt when the others were heard in its cell meanwhile
    /// (<see cref="ReceptionOptions.OwnSilenceHeardHours"/>).
    /// </summary>
    public void Observe(double latitudeDegrees, double longitudeDegrees, double intervalSeconds, double? speedKnots, long endUnixMilliseconds, long? startUnixMilliseconds = null)
    {
        if (speedKnots < _options.MovingSpeedKnots || intervalSeconds <= 0 || intervalSeconds > _options.MaxIntervalDays * 86_400)
        {
            return;
        }

        var key = CellKey(latitudeDegrees, longitudeDegrees);
        if (startUnixMilliseconds is { } start && intervalSeconds >= _options.OwnSilenceHeardHours * 3600.0
            && OthersHeard(latitudeDegrees, longitudeDegrees, start, endUnixMilliseconds))
        {
            OwnSilencesSetAside++;
            return;
        }

        _cells.GetOrAdd(key).Add(intervalSeconds);
        for (var level = 0; level < _blocks.Length; level++)
        {
            _blocks[level].GetOrAdd(BlockKey(key, _blockShifts[level])).Add(intervalSeconds);
        }

        _feed.Add(intervalSeconds);
        _listenedFrom = Math.Min(_listenedFrom ?? long.MaxValue, endUnixMilliseconds - (long)(intervalSeconds * 1000)); // a minimum, as merging needs
        _listenedTo = Math.Max(_listenedTo ?? long.MinValue, endUnixMilliseconds);
    }

    /// <summary>
    /// The share of the vessel-hours learnt that could have shown a silence of this length: one that
    /// began less than its length before the latest report cannot have ended yet, so over a span S of
    /// listening only (S − L) / S of the hours count. Early in a feed, long silences are not yet
    /// evidence of anything; before <see cref="ReceptionOptions.MinimumListening"/> nothing is (the
    /// vessels silent at that moment, which the model cannot count yet, may be most of a satellite feed).
    /// </summary>
    private double ExposureShare(double durationSeconds)
    {
        if (_listenedFrom is not { } from || _listenedTo is not { } to || to <= from)
        {
            return 0;
        }

        var spanSeconds = (to - from) / 1000.0;
        return spanSeconds < _options.MinimumListening.TotalSeconds ? 0 : Math.Clamp(1 - (durationSeconds / spanSeconds), 0, 1);
    }

    /// <summary>How surprising a silence of <paramref name="durationSeconds"/> is at this position, with its evidence.</summary>
    public ReceptionEvidence Assess(double latitudeDegrees, double longitudeDegrees, double durationSeconds, JudgedSilence? judged = null)
    {
        var key = CellKey(latitudeDegrees, longitudeDegrees);
        var levels = new ReceptionLevel[_blocks.Length + 2];
        var cellName = CellName(latitudeDegrees, longitudeDegrees);
        var chance = Chance(RatePerHour(key, durationSeconds, levels, out var localHours, judged, $"cell {cellName}"));
        var cell = _cells.Find(key);
        var basis = string.Join("; ", levels.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"{l.Area}: {l.Silences:0.#} such silences in {l.VesselHours:#,0} vessel-hours (own weight {l.Weight:0.00})")));
        var median = cell?.MedianSeconds() is { } seconds ? Math.Round(seconds) : (double?)null;
        return new ReceptionEvidence(cellName, cell?.Count ?? 0, Math.Round(cell?.TotalHours ?? 0, 1), median, Presentation.Significant(chance), basis)
        {
            Levels = levels,
            HasLocalEvidence = localHours >= _options.MinimumLocalVesselHours,
        };
    }

    /// <summary>
    /// The chance per vessel-day of a silence of <paramref name="durationSeconds"/> here, without its
    /// evidence (no allocation: silent vessels are checked with it); <paramref name="hasLocalEvidence"/>
    /// is false when neither the cell nor any block around it has been heard. With <paramref name="judged"/>,
    /// the silences under way at its moment count too (see <see cref="SilenceBegan"/>), its own left out.
    /// </summary>
    public double ChancePerVesselDay(double latitudeDegrees, double longitudeDegrees, double durationSeconds, out bool hasLocalEvidence, JudgedSilence? judged = null)
    {
        var chance = Chance(RatePerHour(CellKey(latitudeDegrees, longitudeDegrees), durationSeconds, null, out var localHours, judged));
        hasLocalEvidence = localHours >= _options.MinimumLocalVesselHours;
        return chance;
    }

    /// <summary>
    /// The vessel-hours the cell itself has heard that could have shown a silence of
    /// <paramref name="durationSeconds"/> (its own evidence, before any pooling): a rule that calls
    /// waters well heard asks for enough of it.
    /// </summary>
    public double CellVesselHours(double latitudeDegrees, double longitudeDegrees, double durationSeconds) =>
        (_cells.Find(CellKey(latitudeDegrees, longitudeDegrees))?.TotalHours ?? 0) * ExposureShare(durationSeconds);

    private static long Hour(long unixMilliseconds) => Math.DivRem(unixMilliseconds, HourMilliseconds) is var (q, r) && r < 0 ? q - 1 : q;

    private static double Chance(double ratePerHour) => Math.Clamp(1 - Math.Exp(-24 * ratePerHour), MinimumProbability, 1);

    /// <summary>The pooled rate: the whole feed, then each block from the coarsest down, then the cell, each the prior of the next.</summary>
    private double RatePerHour(long key, double durationSeconds, ReceptionLevel[]? levels, out double localHours, JudgedSilence? judged, string? cellArea = null)
    {
        var exposure = ExposureShare(durationSeconds);
        var position = IntervalHistogram.PositionOf(durationSeconds);
        var feedSilences = Silences(_feed, position);
        var feedHours = _feed.TotalHours * exposure;
        var rate = (JeffreysShape + feedSilences) / (_options.PriorWeightHours + feedHours);
        levels?[^1] = Level("whole feed", feedSilences, feedHours, rate, _options.PriorWeightHours);
        localHours = 0.0;
        for (var level = _blocks.Length; level >= 0; level--)
        {
            var histogram = level == 0 ? _cells.Find(key) : _blocks[level - 1].Find(BlockKey(key, _blockShifts[level - 1]));
            var silences = histogram is null ? 0 : Silences(histogram, position);
            var hours = (histogram?.TotalHours ?? 0) * exposure;
            var stillSilent = 0;
            if (judged is { } j && level == Math.Min(1, _blocks.Length))
            {
                stillSilent = _open.AtLeast(OpenAreaKey(key), j.NowUnixMilliseconds, (long)(durationSeconds * 1000), j.NowUnixMilliseconds - (long)(_options.MaxIntervalDays * 86_400_000), j.StartUnixMilliseconds, j.Mmsi);
                (silences, hours) = (silences + stillSilent, hours + (stillSilent * durationSeconds / 3600)); // each has lasted at least as long: a lower bound of its hours
            }

            var weight = Math.Min(_options.PriorWeightHours, _options.PriorMaximumSilences / rate); // the level above: at most so many hours, or so many silences
            rate = (silences + (weight * rate)) / (hours + weight);
            if (level == 0 || level < _blocks.Length)
            {
                localHours = Math.Max(localHours, hours); // the coarsest block (16° by default) is an ocean, not here
            }
            levels?[level] = Level(level == 0 ? cellArea! : AreaName(key, 1 << _blockShifts[level - 1]), silences, hours, rate, weight) with { StillSilent = stillSilent };
        }

        return rate;
    }

    /// <summary>
    /// How many silences of at least this length the histogram stands for: those it has seen, or, if
    /// more, as many as its shorter silences make when m of them (m = 2 to 4) follow each other, each
    /// at least 1/m of the length (the chance per interval of one, to the m-th power). Where satellites
    /// pass every 6–14 h, 11-hour silences are a quarter of all intervals, so a 22-hour one (two
    /// passes missed) is ordinary even if none has been seen yet; where vessels are heard every few
    /// minutes, shorter silences are as rare as long ones and the count stands.
    /// </summary>
    private static double Silences(IntervalHistogram histogram, double position)
    {
        histogram.CountAtLeastFractions(position, out var seen, out var half, out var third, out var quarter);
        if (histogram.Count == 0)
        {
            return seen;
        }

        double n = histogram.Count, s2 = half / n, s3 = third / n, s4 = quarter / n;
        var chained = n * Math.Max(s2 * s2, Math.Max(s3 * s3 * s3, s4 * s4 * s4 * s4));
        return Math.Max(seen, chained);
    }

    private static ReceptionLevel Level(string area, double silences, double hours, double ratePerHour, double priorWeightHours) =>
        new(area, Math.Round(silences, 1), Math.Round(hours, 1), Math.Round(hours / (hours + priorWeightHours), 3), Presentation.Significant(ratePerHour * 24));
    private long OpenAreaKey(long cellKey) => _blocks.Length == 0 ? cellKey : BlockKey(cellKey, _blockShifts[0]);

    private static long BlockKey(long cellKey, int shift) => (cellKey >> 32 >> shift << 32) | ((cellKey & uint.MaxValue) >> shift);

    private string AreaName(long cellKey, int side)
    {
        var size = _options.CellSizeDegrees;
        var south = ((cellKey >> 32) / side * side * size) - 90;
        var west = ((cellKey & uint.MaxValue) / side * side * size) - 180;
        return string.Create(CultureInfo.InvariantCulture, $"{side * size:0.##}° block {Math.Abs(south):0.##}{(south >= 0 ? 'N' : 'S')} {Math.Abs(west):0.##}{(west >= 0 ? 'E' : 'W')}");
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

/// <summary>The silence being judged, so that the silences under way at its moment count and its own does not: whose, since when, and now.</summary>
public readonly record struct JudgedSilence(uint Mmsi, long StartUnixMilliseconds, long NowUnixMilliseconds);
