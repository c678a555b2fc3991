using System.Globalization;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Geo;
using AisMonitor.Core.Tracking;
using AisMonitor.Core.WatchLists;
using NodaTime;

namespace AisMonitor.Core.Identity;

/// <summary>
/// Raises <see cref="AlertKind.IdentityChange"/> when a vessel broadcasts another name, call sign or
/// IMO, or when its IMO is heard under another MMSI (a new flag, or two transponders claiming one
/// hull). Changes of one vessel less than <see cref="IdentityOptions.EpisodeWindow"/> apart update
/// one alert. Severity from a score, each factor a rule: IMO changed (+2), claimed twice at once
/// (+3), flag hopping (+2), after a silence (+2), at sea (+1), back to an earlier value (+1), a
/// watch-listed identity before or after (+2); high from 4, medium from 2, else low.
/// </summary>
internal sealed class IdentityChangeDetector(IdentityOptions options, double impossibleSpeedKnots, DetectorContext context) : VesselDetector
{
    private const int MaximumChangesShown = 20;
    private const int MaximumHoldersKept = 4;
    private readonly long _silenceMilliseconds = (long)options.SilenceBefore.TotalMilliseconds;
    private const double OneHullNauticalMiles = 0.25; // two transponders this close, both heard, are on one hull
    private static readonly Duration OneHullWait = Duration.FromMinutes(30); // how long a handover at the old holder's side waits to see it go on
    private readonly Dictionary<int, List<ImoHolder>> _imoHolders = [];
    private readonly Dictionary<uint, Episode> _episodes = [];
    private readonly Dictionary<uint, IdentitySilence> _silences = [];
    private readonly Queue<(uint Mmsi, Instant End)> _silencesByEnd = new(); // in the order they ended: forgotten from the front, not by a pass over all
    private readonly Dictionary<uint, PendingHandover> _pending = [];

    public override void PositionAccepted(VesselState vessel, in AcceptedPosition position)
    {
        if (vessel.Track == 0 && position.Previous is { } previous && position.Point.UnixMilliseconds - previous.UnixMilliseconds >= _silenceMilliseconds)
        {
            _silences[vessel.Mmsi.Value] = new IdentitySilence(position.Point.Time, (position.Point.Time - previous.Time).TotalHours);
            _silencesByEnd.Enqueue((vessel.Mmsi.Value, position.Point.Time));
        }
    }

    public override void IdentityChanged(VesselState vessel, VesselIdentity before, IReadOnlyList<IdentityChange> recorded, Instant time)
    {
        var after = vessel.Identity!;
        // A field first broadcast is not a change (a name after a call sign); of the rest, what identifies the ship.
        List<IdentityChange>? changes = null; // made only when there is one: most static reports change a destination or draught
        for (var i = 0; i < recorded.Count; i++)
        {
            if (recorded[i] is { From: not null, Field: "name" or "callsign" or "imo" } change)
            {
                (changes ??= []).Add(change);
            }
        }

        IdentityHandover? handover = null;
        if (after.Imo is { } imo && after.Imo != before.Imo && Hold(imo, vessel, time) is { } h)
        {
            if (MaybeOneHull(h, vessel, time))
            {
                _pending[vessel.Mmsi.Value] = new PendingHandover(h, time);
            }
            else
            {
                handover = h;
                (changes ??= []).Add(new IdentityChange(time, "mmsi", h.PreviousMmsi.ToString(), vessel.Mmsi.ToString()));
            }
        }

        if (changes is not null)
        {
            Record(vessel, before, changes, handover, time);
        }
    }

    private void Record(VesselState vessel, VesselIdentity before, List<IdentityChange> changes, IdentityHandover? handover, Instant time)
    {
        var episode = _episodes.TryGetValue(vessel.Mmsi.Value, out var open) && time - open.LastChange < options.EpisodeWindow
            ? open
            : _episodes[vessel.Mmsi.Value] = new Episode(time);
        episode.Add(changes, handover, Silent(vessel, time), context.WatchListMatches(vessel.Mmsi, before.Imo, before.Name), vessel);
        Raise(vessel, episode, time);
    }

    public override void SweepEnded(Instant watermark)
    {
        if (_pending.Count > 0)
        {
            ResolvePending(watermark, all: false);
        }

        // Forget what can no longer matter: episodes past their window, silences past theirs.
        if (_episodes.Count > 0)
        {
            foreach (var (mmsi, episode) in _episodes.Where(e => watermark - e.Value.LastChange >= options.EpisodeWindow).ToList())
            {
                _episodes.Remove(mmsi);
            }
        }

        // A satellite feed holds a silence for nearly every vessel: a pass over them all at every sweep cost more than the rest of the detector.
        while (_silencesByEnd.TryPeek(out var oldest) && watermark - oldest.End >= options.AfterSilenceWithin)
        {
            _silencesByEnd.Dequeue();
            if (_silences.TryGetValue(oldest.Mmsi, out var silence) && silence.End == oldest.End)
            {
                _silences.Remove(oldest.Mmsi);
            }
        }
    }

    public override void Complete(IReadOnlyList<VesselState> vessels, Instant? watermark)
    {
        if (_pending.Count > 0 && watermark is { } w)
        {
            ResolvePending(w, all: true);
        }
    }

    public IdentitySnapshot ToSnapshot() => new(
        [.. _imoHolders.OrderBy(h => h.Key).SelectMany(h => h.Value.Select(v => new ImoHolderSnapshot(h.Key, v.Mmsi, v.FirstHeard, v.LastHeard)))],
        [.. _episodes.OrderBy(e => e.Key).Select(e => e.Value.ToSnapshot(new Mmsi(e.Key)))],
        [.. _silences.OrderBy(s => s.Key).Select(s => new SilenceSnapshot(new Mmsi(s.Key), s.Value))])
    {
        Pending = [.. _pending.OrderBy(p => p.Key).Select(p => new PendingHandoverSnapshot(new Mmsi(p.Key), p.Value.Handover, p.Value.Time))],
    };

    public void Restore(IdentitySnapshot snapshot)
    {
        foreach (var holder in snapshot.ImoHolders)
        {
            (_imoHolders.TryGetValue(holder.Imo, out var list) ? list : _imoHolders[holder.Imo] = []).Add(new ImoHolder(holder.Mmsi, holder.FirstHeard) { LastHeard = holder.LastHeard });
        }

        foreach (var episode in snapshot.Episodes)
        {
            _episodes[episode.Mmsi.Value] = Episode.From(episode);
        }

        foreach (var silence in snapshot.Silences.OrderBy(s => s.Silence.End).ThenBy(s => s.Mmsi.Value))
        {
            _silences[silence.Mmsi.Value] = silence.Silence;
            _silencesByEnd.Enqueue((silence.Mmsi.Value, silence.Silence.End));
        }

        foreach (var pending in snapshot.Pending)
        {
            _pending[pending.Mmsi.Value] = new PendingHandover(pending.Handover, pending.Time);
        }
    }

    /// <summary>Records that <paramref name="vessel"/> broadcasts <paramref name="imo"/>; the MMSI it held before, when another.</summary>
    private IdentityHandover? Hold(Imo imo, VesselState vessel, Instant time)
    {
        var holders = _imoHolders.TryGetValue(imo.Value, out var list) ? list : _imoHolders[imo.Value] = [];
        var previous = holders.Count > 0 ? holders[^1] : null;
        if (previous is not null && previous.Mmsi == vessel.Mmsi)
        {
            previous.LastHeard = time;
            return null;
        }

        // The previous holder's latest position tells whether one hull could be both.
        var previousVessel = previous is null ? null : context.Vessel(previous.Mmsi);
        holders.RemoveAll(h => h.Mmsi == vessel.Mmsi);
        holders.Add(new ImoHolder(vessel.Mmsi, time) { LastHeard = time });
        if (holders.Count > MaximumHoldersKept)
        {
            holders.RemoveAt(0);
        }

        if (previous is null)
        {
            return null;
        }

        var (apart, claimedTwice) = Apart(previousVessel, vessel);

        // Silent under the old MMSI, heard under the new: the silence belongs to the IMO.
        var oldHeard = previousVessel?.LastGood?.Time ?? previous.LastHeard;
        var silence = time - oldHeard >= options.SilenceBefore ? new IdentitySilence(time, (time - oldHeard).TotalHours) : null;
        var flags = holders.Where(h => time - h.LastHeard <= options.FlagHoppingWindow)
            .Select(h => FlagStates.CountryOf(h.Mmsi) ?? h.Mmsi.MaritimeIdentificationDigits?.ToString(CultureInfo.InvariantCulture) ?? "?")
            .ToList();
        return new IdentityHandover(previous.Mmsi, previousVessel?.LastGood is { } last ? PositionEvidence.From(last) : null, apart is { } a ? Math.Round(a, 1) : null, claimedTwice, flags) { Silence = silence };
    }

    /// <summary>How far apart the two holders of an IMO were last heard, when close enough in time to tell, and whether one ship could be both.</summary>
    private (double? NauticalMiles, bool ClaimedTwice) Apart(VesselState? previousVessel, VesselState vessel)
    {
        if (previousVessel?.LastGood is { } theirs && vessel.LastGood is { } ours && Math.Abs((ours.Time - theirs.Time).TotalHours) is var hoursApart
            && hoursApart <= options.ClaimedTwiceWithin.TotalHours)
        {
            var apart = GreatCircle.DistanceNauticalMiles(theirs.Position, ours.Position);
            return (apart, apart > 2 && apart / Math.Max(hoursApart, 1.0 / 60) > impossibleSpeedKnots);
        }

        return (null, false);
    }

    /// <summary>
    /// The IMO moved to <paramref name="vessel"/> while its previous holder is still heard at the same place (or where this
    /// one has not yet said): a new transponder on the same hull. Whether it replaced the old one (a handover) or sails
    /// beside it (a yacht's Class A and B, both broadcasting the IMO) shows only when the old one goes on or stops.
    /// </summary>
    private bool MaybeOneHull(IdentityHandover handover, VesselState vessel, Instant time) =>
        context.Vessel(handover.PreviousMmsi)?.LastGood is { } theirs && time - theirs.Time <= OneHullWait
        && (vessel.LastGood is not { } ours || GreatCircle.DistanceNauticalMiles(theirs.Position, ours.Position) <= OneHullNauticalMiles);

    /// <summary>
    /// Decides the handovers held by <see cref="MaybeOneHull"/> once <see cref="OneHullWait"/> has passed (all of them at
    /// the end of input): the old transponder heard since, beside the new one, is one hull with two; otherwise the
    /// handover is raised as of when it happened.
    /// </summary>
    private void ResolvePending(Instant watermark, bool all)
    {
        foreach (var (mmsi, pending) in _pending.Where(p => all || watermark - p.Value.Time >= OneHullWait).OrderBy(p => p.Key).ToList())
        {
            _pending.Remove(mmsi);
            var vessel = context.Vessel(new Mmsi(mmsi));
            if (vessel?.Identity is not { } identity)
            {
                continue;
            }

            var previous = context.Vessel(pending.Handover.PreviousMmsi);
            var (apart, claimedTwice) = Apart(previous, vessel);
            if (previous?.LastGood?.Time > pending.Time && apart <= OneHullNauticalMiles)
            {
                continue;
            }

            // Where the new holder had not yet said when it took the IMO, what is known now.
            var handover = pending.Handover.OtherDistanceNauticalMiles is null && apart is { } a
                ? pending.Handover with { OtherPosition = previous?.LastGood is { } last ? PositionEvidence.From(last) : null, OtherDistanceNauticalMiles = Math.Round(a, 1), ClaimedTwice = claimedTwice }
                : pending.Handover;
            var change = new IdentityChange(pending.Time, "mmsi", handover.PreviousMmsi.ToString(), vessel.Mmsi.ToString());
            Record(vessel, identity, [change], handover, pending.Time);
        }
    }

    private IdentitySilence? Silent(VesselState vessel, Instant time) =>
        _silences.TryGetValue(vessel.Mmsi.Value, out var silence) && time - silence.End <= options.AfterSilenceWithin ? silence : null;

    private void Raise(VesselState vessel, Episode episode, Instant time)
    {
        var c = CultureInfo.InvariantCulture;
        var fields = episode.Changes.Select(ch => ch.Field).Distinct().ToList();
        var imoChanged = fields.Contains("imo");
        var handover = episode.Handover;
        var claimedTwice = handover?.ClaimedTwice == true;
        var flagChanged = handover is not null && handover.Flags.Count > 1 && handover.Flags[^1] != handover.Flags[^2];
        var hopping = handover is not null && handover.Flags.Distinct().Count() >= 3;
        var silence = episode.Silence;
        var atSea = episode.AtSea;
        var back = episode.Returned;
        var listed = episode.ListedBefore.Concat(vessel.WatchListMatches).DistinctBy(m => (m.List, m.EntryId)).ToList();
        RuleResult[] rules =
        [
            new("IdentityChanged", true, string.Join("; ", episode.Changes.TakeLast(4).Select(ch => $"{ch.Field} {ch.From} → {ch.To}"))),
            new("ImoChanged", imoChanged, imoChanged ? "the IMO broadcast changed: a hull's IMO never does, so this is another ship or a false number" : "the IMO did not change"),
            new("ImoClaimedTwice", claimedTwice, handover?.OtherDistanceNauticalMiles is { } d
                ? string.Create(c, $"IMO also heard from MMSI {handover.PreviousMmsi} {d:0} nm away {(handover.OtherPosition is { } o ? Math.Abs((o.Time - time).TotalHours) : 0):0.#} h apart{(claimedTwice ? ", farther than one ship can sail" : ", within reach of one ship")}")
                : "the IMO is not claimed by another transponder at the same time"),
            new("FlagHopping", hopping, handover is null ? "no change of MMSI" : $"flags of this IMO within {options.FlagHoppingWindow.TotalDays:0} days: {string.Join(" → ", handover.Flags)}{(flagChanged ? string.Empty : " (same flag, new MMSI)")}"),
            new("ChangedAfterSilence", silence is not null, silence is { } s
                ? string.Create(c, $"changed within {(time - s.End).TotalHours:0.#} h of reappearing after {s.Hours:0.#} h silent")
                : string.Create(c, $"no silence of {options.SilenceBefore.TotalHours:0} h or more in the {options.AfterSilenceWithin.TotalHours:0} h before")),
            new("ChangedAtSea", atSea, atSea ? "changed at sea, not in a port" : episode.Port is { } port ? $"changed in port ({port})" : "no position to tell"),
            new("BackToEarlierValue", back, back ? "a field went back to a value it had before: two transponders or two ships on one MMSI, or a swapped identity" : "no field went back to an earlier value"),
            new("WatchListedIdentity", listed.Count > 0, listed.Count > 0 ? $"on a watch list: {string.Join(", ", listed.Select(m => $"{m.List} {m.ListedName} by {m.MatchedOn}"))}" : "neither identity is on a watch list"),
        ];
        var score = (imoChanged ? 2 : 0) + (claimedTwice ? 3 : 0) + (hopping ? 2 : 0) + (silence is not null ? 2 : 0) + (atSea ? 1 : 0) + (back ? 1 : 0) + (listed.Count > 0 ? 2 : 0);
        var severity = FactorScore.Severity(score);
        var identity = vessel.Identity!;
        context.Raise(new Alert
        {
            Kind = AlertKind.IdentityChange,
            Mmsi = vessel.Mmsi,
            Imo = identity.Imo,
            VesselName = identity.Name,
            Start = episode.Start,
            End = episode.LastChange == episode.Start ? null : episode.LastChange,
            Severity = severity,
            SeverityReason = FactorScore.Reason(rules, score, "a change of name, call sign or flag in port with nothing else notable: low (a sale or a rename)"),
            Score = score,
            ScoreExplanation = string.Create(c, $"{episode.Changes.Count} change{(episode.Changes.Count == 1 ? string.Empty : "s")} of {string.Join(", ", fields)} since {InstantText(episode.Start)}."),
            Rules = rules,
            Location = vessel.LastGood?.Position,
            WatchLists = listed.Count > 0 ? listed : null,
            IdentityChange = new IdentityChangeEvidence
            {
                Changes = [.. episode.Changes.TakeLast(MaximumChangesShown)],
                PreviousMmsi = handover?.PreviousMmsi,
                Flags = handover?.Flags,
                SilentBeforeHours = silence is { } si ? Math.Round(si.Hours, 1) : null,
                InPort = episode.Port,
                Position = vessel.LastGood is { } p ? PositionEvidence.From(p) : null,
                OtherPosition = handover?.OtherPosition,
                OtherDistanceNauticalMiles = handover?.OtherDistanceNauticalMiles,
            },
            FirstRaised = episode.FirstRaised ??= context.Watermark ?? time,
            LastUpdated = context.Watermark is { } w && w > time ? w : time,
        });

        string InstantText(Instant instant) => NodaTime.Text.InstantPattern.General.Format(Presentation.ToWholeSecond(instant));
    }

    private sealed record PendingHandover(IdentityHandover Handover, Instant Time);

    private sealed class ImoHolder(Mmsi mmsi, Instant firstHeard)
    {
        public Mmsi Mmsi { get; } = mmsi;

        public Instant FirstHeard { get; } = firstHeard;

        public Instant LastHeard { get; set; }
    }

    private sealed class Episode(Instant start)
    {
        private readonly HashSet<string> _values = [];

        public Instant Start { get; } = start;

        public Instant LastChange { get; private set; } = start;

        public List<IdentityChange> Changes { get; } = [];

        public IdentityHandover? Handover { get; private set; }

        public IdentitySilence? Silence { get; private set; }

        public bool AtSea { get; private set; }

        public string? Port { get; private set; }

        public bool Returned { get; private set; }

        public List<WatchListMatch> ListedBefore { get; } = [];

        public Instant? FirstRaised { get; set; }

        public static Episode From(IdentityEpisodeSnapshot s)
        {
            var episode = new Episode(s.Start) { LastChange = s.LastChange, Handover = s.Handover, Silence = s.Silence, AtSea = s.AtSea, Port = s.Port, Returned = s.Returned, FirstRaised = s.FirstRaised };
            episode.Changes.AddRange(s.Changes);
            episode._values.UnionWith(s.Values);
            episode.ListedBefore.AddRange(s.ListedBefore);
            return episode;
        }

        public void Add(List<IdentityChange> changes, IdentityHandover? handover, IdentitySilence? silence, IReadOnlyList<WatchListMatch> listedBefore, VesselState vessel)
        {
            foreach (var change in changes)
            {
                Returned |= _values.Contains($"{change.Field}={change.To}");
                _values.Add($"{change.Field}={change.From}");
                _values.Add($"{change.Field}={change.To}");
                Changes.Add(change);
                LastChange = change.Time > LastChange ? change.Time : LastChange;
            }

            if (Changes.Count > MaximumChangesShown * 2)
            {
                Changes.RemoveRange(0, Changes.Count - MaximumChangesShown);
            }

            Handover = handover ?? Handover;
            Silence ??= silence ?? handover?.Silence;

            // A second transponder claiming an IMO has not changed anything at sea: it has always said so.
            AtSea |= vessel.Visit is null && vessel.LastGood is not null && !(handover?.ClaimedTwice == true && changes.All(c => c.Field == "mmsi"));
            Port ??= vessel.Visit?.Port.Name;
            ListedBefore.AddRange(listedBefore.Where(m => !ListedBefore.Contains(m)));
        }

        public IdentityEpisodeSnapshot ToSnapshot(Mmsi mmsi) =>
            new(mmsi, Start, LastChange, [.. Changes], [.. _values.Order(StringComparer.Ordinal)], Handover, Silence, AtSea, Port, Returned, [.. ListedBefore], FirstRaised);
    }
}
