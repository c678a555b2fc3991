using System.Globalization;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Encounters;

/// <summary>
/// Encounters (possible ship-to-ship transfers, <see cref="EncounterOptions"/>): slow vessels away from
/// ports are kept in a grid of 0.01° cells by their latest position, and a slow report looks only at
/// the cells around it, so the cost grows with the slow vessels near each other, not with the fleet.
/// Two vessels heard within the distance of each other start a pair; each later report of either
/// extends it while they stay close and slow and neither has been silent longer than
/// <see cref="EncounterOptions.MaximumSilence"/>. A pair together for <see cref="EncounterOptions.MinimumDuration"/>
/// is raised (open) and updated when it ends. Time is continuous: nothing is cut at day boundaries.
/// </summary>
internal sealed class EncounterDetector : VesselDetector
{
    private const double CellDegrees = 0.01;
    private const double MetresPerDegree = 111_195;
    private readonly EncounterOptions _options;
    private readonly DetectorContext _context;
    private readonly PortIndex _ports;
    private readonly PortsOfConcern _concern;
    private readonly PortProximityGrid _near;
    private readonly SlowVesselGrid _grid = new();
    private readonly Dictionary<(uint First, uint Second), Pair> _pairs = [];
    private readonly List<SlowState> _stale = [];

    // No vessel filed was heard before this (a lower bound: lowered as each is filed, set exactly by a sweep that
    // walks them all), so a sweep need not walk the grid until the silence limit reaches it. A filed state's time
    // changes only where it is filed again.
    private Instant _oldestFiled = Instant.MaxValue;

    public EncounterDetector(EncounterOptions options, PortIndex ports, PortsOfConcern portsOfConcern, DetectorContext context)
    {
        _options = options;
        _context = context;
        _ports = ports;
        _concern = portsOfConcern;
        var reachNauticalMiles = options.MinimumDistanceFromPortKilometres / 1.852;
        _near = new PortProximityGrid(ports.All, p => (p.Boundary is null ? 0 : p.RadiusNauticalMiles) + reachNauticalMiles);
    }

    public override void PositionAccepted(VesselState vessel, in AcceptedPosition position)
    {
        if (vessel.Track != 0)
        {
            return; // pairs are kept by MMSI: a second ship on one is not paired (known miss)
        }

        var point = position.Point;
        var slow = IsSlow(position);
        var state = vessel.Encounter;
        if (!slow && state is not { InGrid: true })
        {
            return; // most positions: a moving vessel in no encounter
        }

        state ??= vessel.Encounter = new SlowState(vessel);
        if (!slow || NearListedPort(state, point))
        {
            Forget(vessel);
            return;
        }

        var moved = !state.InGrid || state.Latitude != point.LatitudeDegrees || state.Longitude != point.LongitudeDegrees;
        (state.Latitude, state.Longitude, state.Time) = (point.LatitudeDegrees, point.LongitudeDegrees, point.Time);
        state.SilentBeforeHours = position.Previous is { } previous ? (point.Time - previous.Time).TotalHours : null;
        if (state.Pairs is { Count: > 0 } && NearShore(state))
        {
            Forget(vessel); // drifted into a harbour with its partner: together there is not at sea
            return;
        }

        ExtendOrEndPairs(vessel);
        if (moved)
        {
            FindNewPairs(vessel); // a vessel that has not moved is found by those that come near it, in their own reports
        }

        Place(vessel);
    }

    public override bool RefersTo(VesselState vessel) => vessel.Encounter is { } state && (state.InGrid || state.Pairs is { Count: > 0 });

    /// <summary>Pairs whose closeness has not been heard for longer than the silence limit end; silent vessels leave the grid.</summary>
    public override void SweepEnded(Instant watermark)
    {
        var stale = watermark - _options.MaximumSilence;
        foreach (var pair in _pairs.Count == 0 ? [] : _pairs.Values.Where(p => p.LastClose < stale).OrderBy(p => p.First.Mmsi.Value).ThenBy(p => p.Second.Mmsi.Value).ToList())
        {
            End(pair, firstFellSilent: true, secondFellSilent: true);
        }

        if (_oldestFiled >= stale)
        {
            return; // no slow vessel filed has been silent that long: most sweeps, where slow vessels report every few minutes
        }

        // A sweep that must look at every slow vessel (each a cold line): plain loops into a kept list, one enumerator per sweep.
        var oldest = Instant.MaxValue;
        foreach (var first in _grid.Firsts)
        {
            for (var state = first; state is not null; state = state.NextInCell)
            {
                if (state.Time < stale)
                {
                    _stale.Add(state);
                }
                else if (state.Time < oldest)
                {
                    oldest = state.Time;
                }
            }
        }

        foreach (var state in _stale)
        {
            _grid.Remove(state);
        }

        _stale.Clear();
        _oldestFiled = oldest;
    }

    public override void Complete(IReadOnlyList<VesselState> vessels, Instant? watermark)
    {
        foreach (var pair in _pairs.Values.OrderBy(p => p.First.Mmsi.Value).ThenBy(p => p.Second.Mmsi.Value).ToList())
        {
            End(pair, firstFellSilent: false, secondFellSilent: false);
        }
    }

    /// <summary>The state as data, in MMSI order.</summary>
    public EncounterSnapshot ToSnapshot() => new(
        [.. _grid.All.OrderBy(s => s.Vessel.Mmsi.Value).Select(s => new SlowFixSnapshot(s.Vessel.Mmsi, s.Latitude, s.Longitude, s.Time, s.SilentBeforeHours))],
        [.. _pairs.Values.OrderBy(p => p.First.Mmsi.Value).ThenBy(p => p.Second.Mmsi.Value).Select(p => new EncounterPairSnapshot(
            p.First.Mmsi, p.Second.Mmsi, p.Start, p.LastClose, p.ClosestMetres, p.ClosestAt, p.ClosestPoint,
            p.FirstSilentBefore, p.SecondSilentBefore, p.FirstRaised, [.. p.FirstTrack], [.. p.SecondTrack]))]);

    /// <summary>Continues from a snapshot (the vessels already restored).</summary>
    public void Restore(EncounterSnapshot snapshot)
    {
        foreach (var fix in snapshot.Fixes)
        {
            if (_context.Vessel(fix.Mmsi) is { } vessel)
            {
                var state = vessel.Encounter ??= new SlowState(vessel);
                (state.Latitude, state.Longitude, state.Time, state.SilentBeforeHours) = (fix.LatitudeDegrees, fix.LongitudeDegrees, fix.Time, fix.SilentBeforeHours);
                Place(vessel);
            }
        }

        foreach (var p in snapshot.Pairs)
        {
            if (_context.Vessel(p.First) is not { } first || _context.Vessel(p.Second) is not { } second)
            {
                continue;
            }

            var pair = new Pair(first, second, p.Start, p.FirstSilentBeforeHours, p.SecondSilentBeforeHours)
            {
                LastClose = p.LastClose,
                ClosestMetres = p.ClosestMetres,
                ClosestAt = p.ClosestAt,
                ClosestPoint = p.ClosestPoint,
                FirstRaised = p.FirstRaised,
                Raised = p.FirstRaised is not null,
            };
            pair.FirstTrack.AddRange(p.FirstTrack);
            pair.SecondTrack.AddRange(p.SecondTrack);
            Add(pair);
        }
    }

    private bool IsSlow(in AcceptedPosition position)
    {
        if (position.Point.SpeedKnots is { } reported)
        {
            return reported < _options.MaximumSpeedKnots;
        }

        // No speed over ground: the speed implied since the position before, when that is recent.
        if (position.Previous is not { } previous || position.Point.Time - previous.Time > _options.MaximumSilence || position.Point.Time <= previous.Time)
        {
            return false;
        }

        return GreatCircle.DistanceNauticalMiles(previous.Position, position.Point.Position) / (position.Point.Time - previous.Time).TotalHours < _options.MaximumSpeedKnots;
    }

    /// <summary>
    /// Within the distance of the shore where last heard (a harbour, channel or marina the gazetteer does not know); measured
    /// again only once the vessel has moved enough to change the answer, and only for a vessel close to another (the shore
    /// is far dearer to measure than a port: most slow vessels never need it).
    /// </summary>
    private bool NearShore(SlowState state)
    {
        var minimumNauticalMiles = _options.MinimumDistanceFromShoreNauticalMiles;
        var land = _context.Land;
        if (minimumNauticalMiles <= 0 || land.Count == 0)
        {
            return false;
        }

        if (state.ShoreMeasured
            && MetresBetween(state.ShoreLatitude, state.ShoreLongitude, state.Latitude, state.Longitude) / 1852 < Math.Abs(state.ShoreMarginNauticalMiles))
        {
            return state.ShoreMarginNauticalMiles < 0;
        }

        var margin = land.DistanceToShoreNauticalMiles(new GeoPoint(state.Latitude, state.Longitude), 4 * minimumNauticalMiles) - minimumNauticalMiles;
        (state.ShoreLatitude, state.ShoreLongitude, state.ShoreMarginNauticalMiles, state.ShoreMeasured) = (state.Latitude, state.Longitude, margin, true);
        return margin < 0;
    }

    private bool NearListedPort(SlowState state, TrackPoint point)
    {
        var minimum = _options.MinimumDistanceFromPortKilometres;
        if (minimum <= 0 || _near.Candidates(point.LatitudeDegrees, point.LongitudeDegrees).IsEmpty)
        {
            return false; // most of the sea: no port within reach of this grid cell, one memory read
        }

        if (state.ClearanceKilometres >= 0
            && MetresBetween(state.ClearanceLatitude, state.ClearanceLongitude, point.LatitudeDegrees, point.LongitudeDegrees) / 1000 < Math.Abs(state.ClearanceKilometres - minimum))
        {
            return state.ClearanceKilometres < minimum;
        }

        var searchNauticalMiles = minimum * 4 / 1.852;
        var kilometres = _ports.Nearest(point.Position, searchNauticalMiles) is { } nearest ? nearest.DistanceNauticalMiles * 1.852 : minimum * 4;
        (state.ClearanceLatitude, state.ClearanceLongitude, state.ClearanceKilometres) = (point.LatitudeDegrees, point.LongitudeDegrees, kilometres);
        return kilometres < minimum;
    }

    private void ExtendOrEndPairs(VesselState vessel)
    {
        if (vessel.Encounter!.Pairs is not { Count: > 0 } pairs)
        {
            return;
        }

        var here = vessel.Encounter;
        foreach (var pair in pairs.ToList())
        {
            var other = pair.First == vessel ? pair.Second : pair.First;
            var there = other.Encounter!;
            if (here.Time - there.Time > _options.MaximumSilence)
            {
                End(pair, firstFellSilent: other == pair.First, secondFellSilent: other == pair.Second); // quiet next to a vessel still there
            }
            else if (MetresBetween(here, there) <= _options.MaximumDistanceMetres)
            {
                Extend(pair, vessel, other);
            }
            else
            {
                End(pair, firstFellSilent: false, secondFellSilent: false); // apart
            }
        }
    }

    /// <summary>
    /// Pairs the vessel with every slow vessel heard within the distance of it: the cells searched are those that
    /// overlap the square of that reach around it (one to four at the default 500 m), row by row, since the rows'
    /// cells are numbered apart at one longitude; across the antimeridian too.
    /// </summary>
    private void FindNewPairs(VesselState vessel)
    {
        var here = vessel.Encounter!;
        var reach = _options.MaximumDistanceMetres / MetresPerDegree; // degrees of latitude
        var cosine = Math.Cos(Math.Min(90, Math.Abs(here.Latitude) + reach) * Math.PI / 180);
        var reachLongitude = Math.Min(180, reach / Math.Max(1e-6, cosine)); // where the reach is widest in longitude
        var (west, east) = (here.Longitude - reachLongitude, here.Longitude + reachLongitude);
        for (var row = Row(here.Latitude - reach); row <= Row(here.Latitude + reach); row++)
        {
            if (FindNewPairs(vessel, row, Math.Max(west, -180), Math.Min(east, 180))
                || (west < -180 && FindNewPairs(vessel, row, west + 360, 180))
                || (east > 180 && FindNewPairs(vessel, row, -180, east - 360)))
            {
                return;
            }
        }
    }

    /// <summary>Pairs the vessel with those in the cells of <paramref name="row"/> from one longitude to another; true when it is near the shore (no pair then).</summary>
    private bool FindNewPairs(VesselState vessel, int row, double west, double east)
    {
        var here = vessel.Encounter!;
        for (int column = Column(row, west), last = Column(row, east); column <= last; column++)
        {
            for (var there = _grid.First(Key(row, column)); there is not null; there = there.NextInCell)
            {
                var other = there.Vessel;
                if (other == vessel || here.Time - there.Time > _options.MaximumSilence || MetresBetween(here, there) > _options.MaximumDistanceMetres)
                {
                    continue;
                }

                var (first, second) = other.Mmsi.Value < vessel.Mmsi.Value ? (other, vessel) : (vessel, other);
                if (_pairs.ContainsKey((first.Mmsi.Value, second.Mmsi.Value)) || NearShore(there))
                {
                    continue;
                }

                if (NearShore(here))
                {
                    return true;
                }

                var pair = new Pair(first, second, here.Time, first.Encounter!.SilentBeforeHours, second.Encounter!.SilentBeforeHours);
                Add(pair);
                Extend(pair, vessel, other);
            }
        }

        return false;
    }

    private void Extend(Pair pair, VesselState vessel, VesselState other)
    {
        var (here, there) = (vessel.Encounter!, other.Encounter!);
        var distance = MetresBetween(here, there);
        pair.LastClose = here.Time;
        if (distance < pair.ClosestMetres)
        {
            (pair.ClosestMetres, pair.ClosestAt) = (distance, here.Time);
            pair.ClosestPoint = new GeoPoint((here.Latitude + there.Latitude) / 2, (here.Longitude + there.Longitude) / 2);
        }

        foreach (var v in (ReadOnlySpan<VesselState>)[vessel, other])
        {
            var track = v == pair.First ? pair.FirstTrack : pair.SecondTrack;
            var s = v.Encounter!;
            if (track.Count < 1000 && (track.Count == 0 || s.Time - track[^1].Time >= _options.TrackInterval))
            {
                track.Add(new PositionEvidence(s.Time, Math.Round(s.Latitude, 5), Math.Round(s.Longitude, 5), null, false));
            }
        }

        if (!pair.Raised && pair.LastClose - pair.Start >= _options.MinimumDuration && Reportable(pair))
        {
            pair.Raised = true;
            Raise(pair, ended: false);
        }
    }

    /// <summary>Not service craft at work, nor a fishing fleet on its ground (unless the options say so); judged on the types broadcast when it qualifies.</summary>
    private bool Reportable(Pair pair)
    {
        var (first, second) = (pair.First.Identity?.ShipType ?? 0, pair.Second.Identity?.ShipType ?? 0);
        return (_options.IncludeServiceCraft || !(EncounterOptions.IsServiceCraft(first) || EncounterOptions.IsServiceCraft(second)))
            && (_options.IncludeFishingPairs || first != 30 || second != 30);
    }

    private void Add(Pair pair)
    {
        _pairs[(pair.First.Mmsi.Value, pair.Second.Mmsi.Value)] = pair;
        (pair.First.Encounter!.Pairs ??= []).Add(pair);
        (pair.Second.Encounter!.Pairs ??= []).Add(pair);
    }

    private void End(Pair pair, bool firstFellSilent, bool secondFellSilent)
    {
        _pairs.Remove((pair.First.Mmsi.Value, pair.Second.Mmsi.Value));
        pair.First.Encounter!.Pairs!.Remove(pair);
        pair.Second.Encounter!.Pairs!.Remove(pair);
        (pair.FirstFellSilent, pair.SecondFellSilent) = (firstFellSilent, secondFellSilent);
        if (pair.Raised || (pair.LastClose - pair.Start >= _options.MinimumDuration && Reportable(pair)))
        {
            Raise(pair, ended: true);
        }
    }

    /// <summary>It moved off or came into port: its pairs end and it leaves the grid.</summary>
    private void Forget(VesselState vessel)
    {
        if (vessel.Encounter is not { InGrid: true } state)
        {
            return;
        }

        foreach (var pair in state.Pairs?.ToList() ?? [])
        {
            End(pair, firstFellSilent: false, secondFellSilent: false);
        }

        _grid.Remove(state);
    }

    private void Place(VesselState vessel)
    {
        var state = vessel.Encounter!;
        if (state.Time < _oldestFiled)
        {
            _oldestFiled = state.Time;
        }

        var (row, column) = Cell(state.Latitude, state.Longitude);
        var key = Key(row, column);
        if (state.InGrid)
        {
            if (state.Cell == key)
            {
                return; // still in its cell: most slow vessels, at anchor or drifting
            }

            _grid.Remove(state);
        }

        _grid.Add(key, state);
    }

    private void Raise(Pair pair, bool ended)
    {
        var (first, second) = (pair.First, pair.Second);
        var c = CultureInfo.InvariantCulture;
        var hours = (pair.LastClose - pair.Start).TotalHours;
        var listed = first.WatchListMatches.Count + second.WatchListMatches.Count > 0;
        var darkHours = _options.DarkSilence.TotalHours;
        var dark = pair.FirstSilentBefore >= darkHours || pair.SecondSilentBefore >= darkHours || pair.FirstFellSilent != pair.SecondFellSilent;
        var cargo = IsTankerOrCargo(first) || IsTankerOrCargo(second);
        var concern = _concern.NearbyRule(pair.ClosestPoint, _options.PortOfConcernNauticalMiles);
        RuleResult[] rules =
        [
            new("Encounter", true, string.Create(c, $"within {_options.MaximumDistanceMetres:0} m for {hours:0.0} h (closest {pair.ClosestMetres:0} m), both under {_options.MaximumSpeedKnots:0.#} kn, at least {_options.MinimumDistanceFromPortKilometres:0.#} km from any port")),
            new("WatchListedVessel", listed, listed ? "a vessel on a watch list" : "neither vessel is on a watch list"),
            new("DarkEncounter", dark, DarkText(pair, darkHours)),
            new("TankerOrCargo", cargo, cargo ? "a tanker or cargo ship (AIS type 70–89) involved" : "no tanker or cargo ship by broadcast type"),
            concern,
        ];
        var score = (listed ? 2 : 0) + (dark ? 2 : 0) + (cargo ? 1 : 0) + (concern.Fired ? 2 : 0);
        var severity = FactorScore.Severity(score);
        var nearest = _ports.Nearest(pair.ClosestPoint);
        var now = _context.Watermark ?? pair.LastClose;
        _context.Raise(new Alert
        {
            Kind = AlertKind.Encounter,
            Mmsi = first.Mmsi,
            Imo = first.Identity?.Imo,
            VesselName = first.Identity?.Name,
            Start = pair.Start,
            End = ended ? pair.LastClose : null,
            Severity = severity,
            SeverityReason = FactorScore.Reason(rules, score, "two slow vessels together away from port, with nothing else notable: low (fishing fleets and tenders do this)"),
            Score = score,
            ScoreExplanation = string.Create(c, $"{Name(first)} and {Name(second)} within {_options.MaximumDistanceMetres:0} m for {hours:0.0} h{(ended ? string.Empty : " and still together")}, closest {pair.ClosestMetres:0} m."),
            Rules = rules,
            Location = pair.ClosestPoint,
            WatchLists = first.WatchListMatches.Concat(second.WatchListMatches).ToList() is { Count: > 0 } matches ? matches : null,
            Encounter = new EncounterEvidence
            {
                Vessel = Describe(first, pair.FirstSilentBefore, pair.FirstFellSilent),
                Other = Describe(second, pair.SecondSilentBefore, pair.SecondFellSilent),
                DurationHours = Math.Round(hours, 2),
                ClosestApproachMetres = Math.Round(pair.ClosestMetres),
                ClosestAt = Presentation.ToWholeSecond(pair.ClosestAt),
                NearestPort = nearest?.Port.Name,
                NearestPortNauticalMiles = nearest is { } n ? Math.Round(n.DistanceNauticalMiles, 1) : null,
                Track = [.. pair.FirstTrack],
                OtherTrack = [.. pair.SecondTrack],
            },
            FirstRaised = pair.FirstRaised ??= now,
            LastUpdated = now,
        });
    }

    private static string DarkText(Pair pair, double darkHours)
    {
        var c = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        if (pair.FirstSilentBefore >= darkHours || pair.SecondSilentBefore >= darkHours)
        {
            parts.Add(string.Create(c, $"silent {Math.Max(pair.FirstSilentBefore ?? 0, pair.SecondSilentBefore ?? 0):0.0} h just before (from {darkHours:0.#} h)"));
        }

        if (pair.FirstFellSilent != pair.SecondFellSilent)
        {
            parts.Add("one vessel fell silent next to the other, which stayed");
        }

        return parts.Count == 0 ? "both heard before and through the end" : string.Join("; ", parts);
    }

    private static EncounterVessel Describe(VesselState vessel, double? silentBefore, bool fellSilent) => new()
    {
        Mmsi = vessel.Mmsi,
        Imo = vessel.Identity?.Imo,
        Name = vessel.Identity?.Name,
        ShipType = vessel.Identity?.ShipType is { } type and not 0 ? type : null,
        SilentBeforeHours = silentBefore is { } hours ? Math.Round(hours, 1) : null,
        FellSilent = fellSilent,
    };

    private static string Name(VesselState vessel) => vessel.Identity?.Name is { } name ? $"{name} ({vessel.Mmsi})" : vessel.Mmsi.ToString();

    private static bool IsTankerOrCargo(VesselState? vessel) => vessel?.Identity?.ShipType is >= 70 and <= 89;

    private static (int Row, int Column) Cell(double latitude, double longitude)
    {
        var row = Row(latitude);
        return (row, Column(row, longitude));
    }

    private static int Row(double latitude) => (int)Math.Floor(latitude / CellDegrees);

    /// <summary>The column of a longitude in a row whose cells are about 1.1 km wide at every latitude (so numbered apart from one row to the next).</summary>
    private static int Column(int row, double longitude) =>
        (int)Math.Floor((longitude + 180) / (CellDegrees / Math.Max(0.05, Math.Cos((row + 0.5) * CellDegrees * Math.PI / 180))));

    private static long Key(int row, int column) => ((long)row << 32) | (uint)column;

    private static double MetresBetween(SlowState a, SlowState b) => MetresBetween(a.Latitude, a.Longitude, b.Latitude, b.Longitude);

    private static double MetresBetween(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var dLongitude = Math.Abs(longitude2 - longitude1);
        dLongitude = dLongitude > 180 ? 360 - dLongitude : dLongitude;
        var x = dLongitude * Math.Cos((latitude1 + latitude2) * Math.PI / 360);
        var y = latitude2 - latitude1;
        return MetresPerDegree * Math.Sqrt((x * x) + (y * y));
    }

    internal sealed class Pair(VesselState first, VesselState second, Instant start, double? firstSilentBefore, double? secondSilentBefore)
    {
        public VesselState First { get; } = first;

        public VesselState Second { get; } = second;

        public Instant Start { get; } = start;

        public Instant LastClose { get; set; } = start;

        public double ClosestMetres { get; set; } = double.MaxValue;

        public Instant ClosestAt { get; set; } = start;

        public GeoPoint ClosestPoint { get; set; }

        public double? FirstSilentBefore { get; } = firstSilentBefore;

        public double? SecondSilentBefore { get; } = secondSilentBefore;

        public bool FirstFellSilent { get; set; }

        public bool SecondFellSilent { get; set; }

        public bool Raised { get; set; }

        public Instant? FirstRaised { get; set; }

        public List<PositionEvidence> FirstTrack { get; } = [];

        public List<PositionEvidence> SecondTrack { get; } = [];
    }
}

/// <summary>What the encounter detector keeps on a vessel once it has been slow: its latest slow position away from ports, where it is filed, its pairs, and how far it was from any port where last measured.</summary>
internal sealed class SlowState(VesselState vessel)
{
    /// <summary>The vessel this is the state of.</summary>
    public VesselState Vessel { get; } = vessel;

    /// <summary>The next vessel filed in the same cell (null for the last).</summary>
    public SlowState? NextInCell { get; set; }

    /// <summary>The one filed before it in the cell; for the cell's first, the cell's last (null: not filed).</summary>
    public SlowState? PreviousInCell { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public Instant Time { get; set; }

    /// <summary>How long it had been silent before this position, in hours (null: its first).</summary>
    public double? SilentBeforeHours { get; set; }

    /// <summary>Whether it is filed in the grid (slow, away from ports, heard within the silence limit): a filed state always has a previous link.</summary>
    public bool InGrid => PreviousInCell is not null;

    public long Cell { get; set; }

    public List<EncounterDetector.Pair>? Pairs { get; set; }

    public double ClearanceLatitude { get; set; }

    public double ClearanceLongitude { get; set; }

    /// <summary>Distance to the nearest port where last measured, in km (a lower bound when none was within four times the minimum); negative: not yet measured.</summary>
    public double ClearanceKilometres { get; set; } = -1;

    public double ShoreLatitude { get; set; }

    public double ShoreLongitude { get; set; }

    /// <summary>Where last measured, how far beyond the minimum distance from the shore, nautical miles (negative: inside it; a lower bound).</summary>
    public double ShoreMarginNauticalMiles { get; set; }

    public bool ShoreMeasured { get; set; }
}
