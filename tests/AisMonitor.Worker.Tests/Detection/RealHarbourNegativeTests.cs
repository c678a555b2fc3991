using System.Globalization;
using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Encounters;
using AisMonitor.Core.Tests.Support;
using AisMonitor.Worker.Tests.Commands;

namespace AisMonitor.Worker.Tests.Detection;

/// <summary>
/// The negatives of the new behaviours on real harbours: the NOAA MarineCadastre subsets of
/// Houston–Galveston and Los Angeles–Long Beach (real positions, types and names of about 1,100
/// vessels over 25 minutes: tugs nested at their bases, the Galveston–Bolivar ferries side by side at
/// their terminal, pilot boats at the pilot station, ships at berth and at anchor, ferries and tugs
/// under way). Real harbour data of hours is not among the samples, so each vessel's observed track
/// is played forward and back again for 8 h, every report at its real place (a moored vessel stays
/// where it was, one under way shuttles along the path it sailed, like a ferry on its crossing).
/// </summary>
public sealed class RealHarbourNegativeTests
{
    private static readonly AlertKind[] NewKinds = [AlertKind.Encounter, AlertKind.Loitering, AlertKind.PositionSpoofing, AlertKind.IdentityConflict, AlertKind.IdentityChange];

    [Theory]
    [InlineData("subset_houston_galveston.csv")]
    [InlineData("subset_la_longbeach.csv")]
    public async Task A_real_harbour_held_for_eight_hours_raises_no_encounter_loitering_spoofing_or_identity_alert(string subset)
    {
        var feed = Extended(subset);
        try
        {
            var alerts = (await Golden.Replay([feed])).OrderedAlerts().Where(a => NewKinds.Contains(a.Kind)).ToList();
            Assert.True(alerts.Count == 0, string.Join("; ", alerts.GroupBy(a => a.Kind).Select(g => $"{g.Key} {g.Count()}")));

            // The negatives are there: without the port exclusion and with service craft and fishing
            // pairs included, the same feed is full of vessels moored side by side.
            var options = new DetectionOptions { Encounters = new EncounterOptions { MinimumDistanceFromPortKilometres = 0, MinimumDistanceFromShoreNauticalMiles = 0, IncludeServiceCraft = true, IncludeFishingPairs = true } };
            var together = (await Golden.Replay([feed], options: options)).OrderedAlerts().Count(a => a.Kind == AlertKind.Encounter);
            Assert.True(together > 100, $"{together} encounters without the exclusions");
        }
        finally
        {
            File.Delete(feed);
        }
    }

    /// <summary>The subset with every vessel's reports played forward, back, forward… for 8 h (courses reversed on the way back); a vessel heard for under 3 minutes is held at its last report every 3 minutes.</summary>
    private static string Extended(string subset)
    {
        var lines = File.ReadAllLines(TestData.SampleTrack("noaa-marinecadastre-2022-01-03", subset));
        // Two reports of one MMSI stamped the same second at different places (a real glitch: MASTER and DELTA TERESA
        // in Los Angeles at 00:00:00) are dropped: played back every cycle they would be a pattern no feed has.
        var rows = lines.Skip(1).Select(l => l.Split(',')).GroupBy(c => c[0])
            .Select(g => g.GroupBy(c => c[1]).Where(s => s.Count() == 1).Select(s => s.Single()).OrderBy(c => c[1], StringComparer.Ordinal).ToList())
            .Where(track => track.Count > 0);
        var begin = DateTime.Parse("2022-01-03T00:00:00", CultureInfo.InvariantCulture);
        var end = begin.AddHours(8);
        var output = new List<(DateTime Time, string Line)>();
        foreach (var track in rows)
        {
            var times = track.Select(c => DateTime.Parse(c[1], CultureInfo.InvariantCulture)).ToList();
            var period = times[^1] - times[0];
            if (period < TimeSpan.FromMinutes(3))
            {
                for (var t = begin; t < end; t = t.AddMinutes(3))
                {
                    output.Add((t, Row(track[^1], t, reversed: false)));
                }

                continue;
            }

            for (var cycle = 0; begin + (period * cycle) < end; cycle++)
            {
                var reversed = cycle % 2 == 1;
                for (var i = 1; i < track.Count; i++) // the first report of a cycle is the last of the one before
                {
                    var k = reversed ? track.Count - 1 - i : i;
                    var offset = reversed ? times[^1] - times[k] : times[k] - times[0];
                    output.Add((begin + (period * cycle) + offset, Row(track[k], begin + (period * cycle) + offset, reversed)));
                }
            }
        }

        var file = Path.Combine(Path.GetTempPath(), $"aismonitor-harbour-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(file, [lines[0], .. output.Where(o => o.Time < end).OrderBy(o => o.Time).Select(o => o.Line)]);
        return file;
    }

    private static string Row(string[] columns, DateTime time, bool reversed)
    {
        var row = (string[])columns.Clone();
        row[1] = time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (reversed)
        {
            row[5] = Reverse(row[5], 360);
            row[6] = Reverse(row[6], 511);
        }

        return string.Join(',', row);
    }

    private static string Reverse(string degrees, double notAvailable) =>
        double.TryParse(degrees, CultureInfo.InvariantCulture, out var value) && value < 360 && value != notAvailable
            ? ((value + 180) % 360).ToString("0.0", CultureInfo.InvariantCulture)
            : degrees;
}
