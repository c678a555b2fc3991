namespace AisMonitor.Core.Detection;

/// <summary>
/// The silences still in progress, by the area where each vessel went quiet: a vessel enters once it
/// has been silent for the gap minimum and leaves when it is heard again. Closed silences alone
/// undercount the long ones (right-censoring): where satellites pass every 6–14 h, most of a block's
/// vessels are silent at any moment and a long silence is counted only once it ends, so early in a
/// feed, or after a missed pass that silenced the whole block, a silence there would look rare while
/// hundreds like it are under way. Each area keeps its entries sorted by start, so how many have lasted
/// at least a given length is a binary search. A silence older than the longest interval the model
/// learns (<see cref="ReceptionOptions.MaxIntervalDays"/>) no longer counts and is dropped when its area
/// is next asked; a vessel that was retired while silent and comes back as a new track is counted as
/// silent until then.
/// </summary>
internal sealed class OpenSilences
{
    private readonly Dictionary<long, Area> _areas = [];

    /// <summary>Silences registered (including any older than the oldest that counts, not yet pruned).</summary>
    public int Count { get; private set; }

    /// <summary>Registers a vessel's silence; false when it is already registered.</summary>
    public bool Add(long area, long startUnixMilliseconds, uint mmsi)
    {
        if (!_areas.TryGetValue(area, out var entries))
        {
            _areas[area] = entries = new Area();
        }

        if (!entries.Add(new Entry(startUnixMilliseconds, mmsi)))
        {
            return false;
        }

        Count++;
        return true;
    }

    /// <summary>Removes a vessel's silence (no-op when it was never registered).</summary>
    public void Remove(long area, long startUnixMilliseconds, uint mmsi)
    {
        if (_areas.TryGetValue(area, out var entries) && entries.Remove(new Entry(startUnixMilliseconds, mmsi)))
        {
            Count--;
        }
    }

    /// <summary>
    /// How many silences in <paramref name="area"/>, begun after <paramref name="oldestUnixMilliseconds"/>,
    /// had lasted at least <paramref name="lengthMilliseconds"/> at <paramref name="nowUnixMilliseconds"/>,
    /// leaving out the silence of <paramref name="ownMmsi"/> that began at <paramref name="ownStartUnixMilliseconds"/>.
    /// </summary>
    public int AtLeast(long area, long nowUnixMilliseconds, long lengthMilliseconds, long oldestUnixMilliseconds, long ownStartUnixMilliseconds, uint ownMmsi)
    {
        if (!_areas.TryGetValue(area, out var entries) || entries.Count == 0)
        {
            return 0;
        }

        Count -= entries.DropBefore(oldestUnixMilliseconds);
        var latestStart = nowUnixMilliseconds - lengthMilliseconds;
        var atLeast = entries.CountThrough(latestStart);
        return ownStartUnixMilliseconds <= latestStart && atLeast > 0 && entries.Contains(new Entry(ownStartUnixMilliseconds, ownMmsi)) ? atLeast - 1 : atLeast;
    }

    /// <summary>Every registered silence, by area then start then MMSI.</summary>
    public IEnumerable<(long Area, long StartUnixMilliseconds, uint Mmsi)> All() =>
        _areas.OrderBy(a => a.Key).SelectMany(a => a.Value.Entries.Select(e => (a.Key, e.Start, e.Mmsi)));

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        _areas.Clear();
        Count = 0;
    }

    private readonly record struct Entry(long Start, uint Mmsi)
    {
        public bool IsBefore(Entry other) => Start < other.Start || (Start == other.Start && Mmsi < other.Mmsi);
    }

    /// <summary>One area's silences sorted by start.</summary>
    private sealed class Area
    {
        private readonly List<Entry> _entries = [];

        public int Count => _entries.Count;

        public IEnumerable<Entry> Entries => _entries;

        public bool Add(Entry entry)
        {
            var at = FirstNotBefore(entry);
            if (Is(at, entry))
            {
                return false;
            }

            _entries.Insert(at, entry); // silences begin in about the order they are found: near the end
            return true;
        }

        public bool Remove(Entry entry)
        {
            var at = FirstNotBefore(entry);
            if (!Is(at, entry))
            {
                return false;
            }

            _entries.RemoveAt(at);
            return true;
        }

        public bool Contains(Entry entry) => Is(FirstNotBefore(entry), entry);

        /// <summary>How many began at or before <paramref name="time"/>.</summary>
        public int CountThrough(long time) => time == long.MaxValue ? _entries.Count : FirstNotBefore(new Entry(time + 1, 0));

        private bool Is(int at, Entry entry) => at < _entries.Count && _entries[at] == entry;

        /// <summary>The index of the first entry not before <paramref name="entry"/> (a lower bound, compared inline: this runs for every look at a silent vessel).</summary>
        private int FirstNotBefore(Entry entry)
        {
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_entries);
            var (low, high) = (0, span.Length);
            while (low < high)
            {
                var middle = (int)((uint)(low + high) >> 1);
                if (span[middle].IsBefore(entry))
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }

        /// <summary>Drops the silences that began before <paramref name="time"/>; returns how many.</summary>
        public int DropBefore(long time)
        {
            var count = CountThrough(time - 1);
            if (count > 0)
            {
                _entries.RemoveRange(0, count);
            }

            return count;
        }
    }
}
