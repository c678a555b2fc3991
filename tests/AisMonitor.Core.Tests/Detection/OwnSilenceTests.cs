using AisMonitor.Core.Ais;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Ports;
using AisMonitor.Core.Tests.Support;
using NodaTime;

namespace AisMonitor.Core.Tests.Detection;

/// <summary>
/// A silence during which the others were heard where the vessel was is the vessel's own, not the
/// receivers': it is not learnt as coverage, so one vessel gone dark does not make the next one in
/// its waters look ordinary. A silence while nobody there was heard (a pass that missed the cell) is coverage.
/// </summary>
public sealed class OwnSilenceTests
{
    private const long Hour = 3_600_000;
    private static readonly long Now = Instant.FromUtc(2024, 3, 4, 0, 0).ToUnixTimeMilliseconds();

    /// <summary>
    /// Fifty vessels heard every 3 minutes for two days in the cell 21N 61E, except, when
    /// <paramref name="cellQuiet"/>, from 20 h to 8 h before the end, when nobody there was heard;
    /// then three other vessels' silences of 12 h there over those hours.
    /// </summary>
    private static ReceptionModel Cell(bool cellQuiet, ReceptionOptions? options = null, bool silences = true)
    {
        var model = new ReceptionModel(options);
        var (quietFrom, quietTo) = (Now - (20 * Hour), Now - (8 * Hour));
        for (var vessel = 0; vessel < 50; vessel++)
        {
            var previous = Now - (48 * Hour);
            for (var t = previous + 180_000; t < Now; t += 180_000)
            {
                if (cellQuiet && t >= quietFrom && t < quietTo)
                {
                    continue;
                }

                model.Heard(21.5, 61.5, t);
                model.Observe(21.5, 61.5, (t - previous) / 1000.0, 12, t, previous);
                previous = t;
            }
        }

        for (var i = 0; silences && i < 3; i++)
        {
            model.Observe(21.5, 61.5, 12 * 3600, 12, quietTo, quietFrom);
        }

        return model;
    }

    private static double Score(ReceptionModel model) =>
        -Math.Log10(model.ChancePerVesselDay(21.5, 61.5, 12 * 3600, out _, new JudgedSilence(273_000_001, Now - (12 * Hour), Now)));

    [Fact]
    public void A_silence_while_the_others_were_heard_where_the_vessel_was_is_not_learnt_as_coverage()
    {
        var without = Cell(cellQuiet: false, silences: false);
        var withOwn = Cell(cellQuiet: false);

        Assert.Equal(Score(without), Score(withOwn));
        Assert.Equal(3, withOwn.OwnSilencesSetAside);
        Assert.True(Score(withOwn) > 2.5, $"score {Score(withOwn)}");
    }

    [Fact]
    public void A_silence_while_nobody_there_was_heard_is_coverage_and_learnt()
    {
        var quiet = Cell(cellQuiet: true);

        Assert.Equal(0, quiet.OwnSilencesSetAside);
        Assert.True(Score(quiet) < 1, $"score {Score(quiet)}: fifty-three vessels silent 12 h at once there");
    }

    [Fact]
    public void With_the_option_at_zero_every_silence_is_learnt()
    {
        var learnt = Cell(cellQuiet: false, new ReceptionOptions { OwnSilenceHeardHours = 0 });

        Assert.Equal(0, learnt.OwnSilencesSetAside);
        Assert.True(Score(learnt) < Score(Cell(cellQuiet: false)) - 1, $"score {Score(learnt)}");
    }

    [Fact]
    public void The_hours_heard_survive_a_snapshot_and_a_merge()
    {
        var model = Cell(cellQuiet: false, silences: false);
        var restored = new ReceptionModel();
        restored.Restore(model.ToSnapshot());
        var merged = new ReceptionModel();
        merged.Merge(model);

        foreach (var copy in new[] { restored, merged })
        {
            copy.Observe(21.5, 61.5, 12 * 3600, 12, Now - (8 * Hour), Now - (20 * Hour));
            Assert.Equal(1, copy.OwnSilencesSetAside);
            Assert.Equal(Score(model), Score(copy));
        }

        Assert.Equal(model.ToSnapshot().HeardHours, restored.ToSnapshot().HeardHours, (a, b) => a.Key == b.Key && a.Newest == b.Newest && a.Bits.SequenceEqual(b.Bits));
    }

    [Fact]
    public void In_the_engine_a_class_A_silence_among_class_A_vessels_heard_is_set_aside_and_a_class_B_one_is_learnt()
    {
        // Twenty class A vessels circling in 21N 61E, heard every 10 minutes for two days; vessel
        // 273000100 (class A) and 273000200 (class B) circle there too, silent from 20 h to 32 h.
        var from = Reports.Start;
        var to = from + Duration.FromHours(48);
        var every = Duration.FromMinutes(10);
        var (silentFrom, silentTo) = (from + Duration.FromHours(20), from + Duration.FromHours(32));
        var streams = Enumerable.Range(0, 20).Select(i => Reports.Circling(273_000_000 + (uint)i, from, to, every, 21.5, 61.5, phase: i)).ToList();
        streams.Add(Reports.Circling(273_000_100, from, to, every, 21.5, 61.5).Where(m => m.Metadata.Received < silentFrom || m.Metadata.Received >= silentTo));
        streams.Add(Reports.Circling(273_000_200, from, to, every, 21.5, 61.5, phase: 3).Where(m => m.Metadata.Received < silentFrom || m.Metadata.Received >= silentTo).Select(ClassB));
        var engine = new DetectionEngine(new DetectionOptions(), PortIndex.Empty, _ => { });

        foreach (var message in Reports.Merge([.. streams]))
        {
            engine.Process(message);
        }

        engine.Complete();
        Assert.Equal(1, engine.Reception.OwnSilencesSetAside);
    }

    [Fact]
    public void A_vessel_silent_where_the_others_were_heard_all_along_is_not_explained_by_waters_that_were_silent_another_day()
    {
        var judged = ClosedGap(ownSilenceHeardHours: 3);
        var unjudged = ClosedGap(ownSilenceHeardHours: 0);

        Assert.Contains("no coverage explains the silence", judged.ScoreExplanation, StringComparison.Ordinal);
        Assert.Contains("Score 2.4 = −log10 of the smallest chance, where it went quiet", judged.ScoreExplanation, StringComparison.Ordinal);
        Assert.Contains("−log10 of the largest chance, where it reappeared", unjudged.ScoreExplanation, StringComparison.Ordinal); // the hole's block
        Assert.True(judged.Score > unjudged.Score + 1, $"{judged.Score} against {unjudged.Score}");
    }

    private static AisMonitor.Core.Alerts.Alert ClosedGap(int ownSilenceHeardHours)
    {
        // Twenty vessels circle in each of 21N 61E, 22N 61E and 23N 61E (the last two in another 4° block), heard every
        // 10 minutes for three days, except that nobody in 23N 61E is heard from 10 h to 22 h (a coverage hole: twenty
        // 12 h silences in that block). Vessel 273000100 circles in 21N 61E until 40 h, is silent, and reappears at 52 h
        // in 23N 61E; that day the others were heard all along, everywhere on its way: the hole of another day does not
        // explain its silence. Without the rule, the hole's block explains it (the score of where it reappeared).
        var from = Reports.Start;
        var to = from + Duration.FromHours(72);
        var every = Duration.FromMinutes(10);
        var streams = new List<IEnumerable<DecodedMessage>>();
        for (var i = 0; i < 20; i++)
        {
            streams.Add(Reports.Circling(273_000_000 + (uint)i, from, to, every, 21.5, 61.5, phase: i));
            streams.Add(Reports.Circling(273_000_300 + (uint)i, from, to, every, 22.5, 61.5, phase: i));
            streams.Add(Reports.Circling(273_000_200 + (uint)i, from, to, every, 23.5, 61.5, phase: i)
                .Where(m => m.Metadata.Received < from + Duration.FromHours(10) || m.Metadata.Received >= from + Duration.FromHours(22)));
        }

        streams.Add(Reports.Circling(273_000_100, from, from + Duration.FromHours(40), every, 21.5, 61.5));
        streams.Add(Reports.Circling(273_000_100, from + Duration.FromHours(52), to, every, 23.5, 61.5));
        var options = new DetectionOptions { Reception = new ReceptionOptions { OwnSilenceHeardHours = ownSilenceHeardHours } };
        var alerts = new List<AisMonitor.Core.Alerts.Alert>();
        var engine = new DetectionEngine(options, PortIndex.Empty, alerts.Add);

        foreach (var message in Reports.Merge([.. streams]))
        {
            engine.Process(message);
        }

        engine.Complete();
        return alerts.Last(a => a.Kind == AisMonitor.Core.Alerts.AlertKind.TransponderGap && a.Mmsi.Value == 273_000_100 && a.End is not null); // raised while it was silent, closed when it reappeared
    }

    private static DecodedMessage ClassB(DecodedMessage message) =>
        message.TryGetPosition(out var position) ? new DecodedMessage(message.Metadata, position with { MessageType = 18 }) : message;
}
