using System.Text;
using AisMonitor.Ingestion.Replay;
using NodaTime;

namespace AisMonitor.Ingestion.Tests.Replay;

/// <summary>The external sort gives the same messages in time order whatever the rows' order and however small its memory.</summary>
public sealed class SortingReaderTests
{
    private static string Csv(IEnumerable<(uint Mmsi, int Minute)> rows) =>
        "mmsi,timestamp,lat,lon,sog\n" + string.Concat(rows.Select(r => $"{r.Mmsi},{Instant.FromUtc(2024, 3, 1, 0, 0) + Duration.FromMinutes(r.Minute):uuuu-MM-ddTHH:mm:ss}Z,34.{r.Minute % 10},128.5,12.3\n"));

    private static IMessageReader Open(string csv) => ReplayInput.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

    [Theory]
    [InlineData(1_000_000)] // in memory
    [InlineData(7)] // spilled to many files and merged
    public void Rows_grouped_by_vessel_come_out_in_time_order_with_every_field(int chunkMessages)
    {
        var rows = Enumerable.Range(0, 5).SelectMany(v => Enumerable.Range(0, 20).Select(m => ((uint)(273_210_440 + v), (m * 3) + v))).ToList();
        var folder = Path.Combine(Path.GetTempPath(), $"aismonitor-sort-{Guid.NewGuid():N}");
        var sortedMessages = new List<Core.Ais.DecodedMessage>();
        using (var sorted = new SortingReader(Open(Csv(rows)), folder, chunkMessages))
        {
            while (sorted.TryRead(out var message))
            {
                sortedMessages.Add(message);
            }

            Assert.Equal(100, sorted.Summary.Messages);
        }

        Assert.False(Directory.Exists(folder), "spill files left behind");
        var expected = new List<Core.Ais.DecodedMessage>();
        using (var ordered = Open(Csv(rows.OrderBy(r => r.Item2).ThenBy(r => r.Item1))))
        {
            while (ordered.TryRead(out var message))
            {
                expected.Add(message);
            }
        }

        Assert.Equal(expected.Select(m => (m.Metadata.Received, m.Mmsi, m.Position.LatitudeDegrees, m.Position.SpeedOverGroundKnots)),
            sortedMessages.Select(m => (m.Metadata.Received, m.Mmsi, m.Position.LatitudeDegrees, m.Position.SpeedOverGroundKnots)));
        Assert.Equal(0, InputOrder.CountLate(new ListReader(sortedMessages), Duration.Zero).Late);
        // Grouped by vessel, each later vessel starts behind the feed's time (the 16th latest time seen): 41 of their 80 rows are late.
        Assert.Equal(41, InputOrder.CountLate(Open(Csv(rows)), Duration.FromMinutes(2)).Late);
        Assert.Equal(72, InputOrder.CountLate(Open(Csv(rows)), Duration.FromMinutes(2), agreement: 1).Late); // against the latest alone: 18 of each later vessel's 20
    }

    private sealed class ListReader(List<Core.Ais.DecodedMessage> messages) : IMessageReader
    {
        private int _next;

        public ReadSummary Summary => throw new NotSupportedException();

        public Action<long, string>? RejectionObserver { get; set; }

        public bool TryRead(out Core.Ais.DecodedMessage message)
        {
            message = _next < messages.Count ? messages[_next] : default;
            return _next++ < messages.Count;
        }

        public void Dispose()
        {
        }
    }
}
