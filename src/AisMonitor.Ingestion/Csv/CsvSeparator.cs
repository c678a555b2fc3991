namespace AisMonitor.Ingestion.Csv;

/// <summary>
/// The field separator of a CSV export, told from its header: a comma, or a semicolon (exports
/// written where the comma is the decimal mark), a tab or a vertical bar, whichever the header holds
/// most of outside quotes (a comma when it holds none).
/// </summary>
public static class CsvSeparator
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>The separator of the first line of <paramref name="head"/> that is not blank.</summary>
    public static char Detect(ReadOnlySpan<byte> head)
    {
        while (!head.IsEmpty)
        {
            var end = head.IndexOfAny((byte)'\n', (byte)'\r');
            var line = end < 0 ? head : head[..end];
            head = end < 0 ? default : head[(end + 1)..];
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            Span<int> counts = stackalloc int[Candidates.Length];
            var quoted = false;
            foreach (var b in line)
            {
                quoted ^= b == (byte)'"';
                var at = quoted ? -1 : Array.IndexOf(Candidates, (char)b);
                if (at >= 0)
                {
                    counts[at]++;
                }
            }

            var best = 0;
            for (var i = 1; i < counts.Length; i++)
            {
                best = counts[i] > counts[best] ? i : best;
            }

            return Candidates[best];
        }

        return ',';
    }
}
