using NonprofitPortal.Features.Sending;

namespace NonprofitPortal.Tests.Features.Sending;

public sealed class ClaimedBacklogTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_claimer_is_told_to_claim_again_only_once_the_backlog_is_down_to_its_low_water_mark()
    {
        var backlog = new ClaimedBacklog<int>();
        foreach (var item in Enumerable.Range(1, 10))
        {
            backlog.Add(item);
        }

        var runningLow = backlog.WaitUntilAtMostAsync(4, Cancel);
        var taken = new List<int>();
        while (taken.Count < 5 && backlog.TryTake(out var item))
        {
            taken.Add(item);
        }

        Assert.False(runningLow.IsCompleted);
        Assert.True(backlog.TryTake(out var sixth));
        await runningLow.WaitAsync(TimeSpan.FromSeconds(5), Cancel);
        Assert.Equal([1, 2, 3, 4, 5, 6], [.. taken, sixth]);
    }

    [Fact]
    public async Task Senders_finish_what_is_waiting_after_completion_and_then_stop()
    {
        var backlog = new ClaimedBacklog<int>();
        backlog.Add(1);
        backlog.Add(2);
        backlog.Complete();

        var taken = new List<int>();
        while (await backlog.WaitToTakeAsync())
        {
            while (backlog.TryTake(out var item))
            {
                taken.Add(item);
            }
        }

        Assert.Equal([1, 2], taken);
        await backlog.WaitUntilAtMostAsync(1, Cancel);
    }
}
