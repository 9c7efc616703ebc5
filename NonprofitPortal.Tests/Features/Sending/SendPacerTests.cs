using NonprofitPortal.Features.Sending.Transport;

namespace NonprofitPortal.Tests.Features.Sending;

public sealed class SendPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Slots_are_evenly_spaced_so_no_second_of_an_hour_sees_more_than_the_limit()
    {
        var pacer = new SendPacer(10);
        var slots = new List<DateTimeOffset>();
        var now = Start;
        while (now < Start.AddHours(1))
        {
            var slot = pacer.Take(now);
            slots.Add(slot);
            now = slot;
        }

        var busiestSecond = slots.GroupBy(s => (long)(s - Start).TotalSeconds).Max(g => g.Count());
        Assert.InRange(busiestSecond, 9, 10);
        Assert.InRange(slots.Count, 34_000, 36_000);
    }

    [Fact]
    public void A_slow_down_halves_the_pace_which_climbs_back_to_the_limit_after_a_quiet_spell()
    {
        var pacer = new SendPacer(10);
        pacer.Take(Start);

        pacer.SlowDown(Start, observedRate: 10);

        Assert.Equal(5, pacer.Current);
        pacer.Take(Start.AddSeconds(9));
        Assert.Equal(5, pacer.Current);
        pacer.Take(Start.AddSeconds(12));
        Assert.Equal(7, pacer.Current, precision: 6);
        pacer.Take(Start.AddSeconds(16));
        Assert.False(pacer.IsThrottled);
        Assert.Equal(10, pacer.Current);
    }

    [Fact]
    public void Repeated_slow_downs_never_go_below_half_a_message_a_second()
    {
        var pacer = new SendPacer(8);

        for (var i = 0; i < 10; i++)
        {
            pacer.SlowDown(Start.AddSeconds(i), observedRate: 8);
        }

        Assert.Equal(0.5, pacer.Current);
    }
}
