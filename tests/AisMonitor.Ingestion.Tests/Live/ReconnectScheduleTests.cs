using AisMonitor.Ingestion.Live;

namespace AisMonitor.Ingestion.Tests.Live;

public sealed class ReconnectScheduleTests
{
    private static readonly ReconnectSchedule Schedule = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 8)]
    [InlineData(5, 32)]
    [InlineData(6, 60)] // 64 s capped
    [InlineData(1000, 60)] // no overflow after a long outage
    public void The_wait_doubles_per_failure_up_to_the_maximum_with_half_of_it_jittered(int failures, double ceilingSeconds)
    {
        Assert.Equal(ceilingSeconds / 2, Schedule.Delay(failures, 0).TotalSeconds, 6);
        Assert.Equal(ceilingSeconds * 0.75, Schedule.Delay(failures, 0.5).TotalSeconds, 6);
        Assert.InRange(Schedule.Delay(failures, 0.999999).TotalSeconds, ceilingSeconds * 0.9999, ceilingSeconds);
    }

    [Fact]
    public void Workers_cut_off_together_do_not_reconnect_together()
    {
        var random = new Random(7);
        var waits = Enumerable.Range(0, 100).Select(_ => Schedule.Delay(4, random.NextDouble())).Distinct().Count();
        Assert.True(waits > 90);
    }

    [Fact]
    public void A_draw_outside_zero_to_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.Delay(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.Delay(-1, 0));
    }
}
