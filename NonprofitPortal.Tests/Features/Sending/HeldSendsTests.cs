using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Tests.Features.Sending;

public sealed class HeldSendsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly SendingRules Rules = SendingRules.From(new SendingOptions { LeaseSeconds = 120 });

    [Fact]
    public void A_row_claimed_again_while_this_worker_still_holds_it_is_not_held_twice()
    {
        var held = new HeldSends(Rules);
        held.Claimed(Batch(Now.AddSeconds(120), 1, 2));

        var again = held.Claimed(Batch(Now.AddSeconds(200), 2, 3));

        Assert.Equal([3L], again.Select(s => s.Send.Id));
        Assert.Equal(3, held.Count);
    }

    [Fact]
    public void A_renewal_extends_the_leases_still_running_and_not_one_that_ran_out()
    {
        var held = new HeldSends(Rules);
        var lapsed = Assert.Single(held.Claimed(Batch(Now.AddSeconds(10), 1)));
        var running = Assert.Single(held.Claimed(Batch(Now.AddSeconds(60), 2)));

        held.Renewed(at: Now.AddSeconds(20), until: Now.AddSeconds(140));

        Assert.False(held.MaySend(lapsed, Now.AddSeconds(20)));
        Assert.True(held.MaySend(running, Now.AddSeconds(100)));
        Assert.False(held.MaySend(running, Now.AddSeconds(111)));
    }

    [Fact]
    public void A_row_whose_outcome_is_written_is_no_longer_held_and_can_be_claimed_again()
    {
        var held = new HeldSends(Rules);
        held.Claimed(Batch(Now.AddSeconds(120), 1, 2));

        held.Released([1]);

        Assert.Equal(1, held.Count);
        Assert.Single(held.Claimed(Batch(Now.AddSeconds(130), 1)));
    }

    private static ClaimedBatch Batch(DateTimeOffset until, params long[] ids) =>
        new(ids.Select(id => new ClaimedSend(id, 1, id, $"n{id}@example.org", $"N{id}", "", "", 1, null)).ToList(), until);
}
