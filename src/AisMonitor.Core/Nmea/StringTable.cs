namespace AisMonitor.Core.Nmea;

/// <summary>
/// Interns short ASCII strings (tag-block sources, receiver names) so that a feed with a few
/// hundred stations allocates each name once. Bounded: past <see cref="Capacity"/> distinct
/// values (a garbage feed), new values are returned without being kept.
/// </summary>
internal sealed class StringTable
{
    public const int Capacity = 4096;
    private const int MaxInternedLength = 64;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private const int RecentCount = 8;
    private readonly (byte[] Bytes, string Value)?[] _recent = new (byte[], string)?[RecentCount];
    private int _nextRecent;

    public StringTable() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> ascii)
    {
        // Feeds cycle through a handful of sources: compare with the few seen last before hashing.
        for (var i = 0; i < RecentCount; i++)
        {
            if (_recent[i] is { } recent && ascii.SequenceEqual(recent.Bytes))
            {
                return recent.Value;
            }
        }

        var value = Lookup(ascii);
        if (ascii.Length <= MaxInternedLength)
        {
            _recent[_nextRecent] = (ascii.ToArray(), value);
            _nextRecent = (_nextRecent + 1) % RecentCount;
        }

        return value;
    }

    private string Lookup(ReadOnlySpan<byte> ascii)
    {
        if (ascii.Length > MaxInternedLength)
        {
            return System.Text.Encoding.Latin1.GetString(ascii);
        }

        Span<char> chars = stackalloc char[ascii.Length];
        for (var i = 0; i < ascii.Length; i++)
        {
            chars[i] = (char)ascii[i];
        }

        if (_lookup.TryGetValue(chars, out var existing))
        {
            return existing;
        }

        var created = new string(chars);
        if (_strings.Count < Capacity)
        {
            _strings.Add(created, created);
        }

        return created;
    }
}
