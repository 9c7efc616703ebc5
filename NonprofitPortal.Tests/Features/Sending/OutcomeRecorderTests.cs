using Microsoft.Extensions.Logging.Testing;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Sending.Queue;
using NonprofitPortal.Tests.Features.Sending.Simulation;

namespace NonprofitPortal.Tests.Features.Sending;

[Collection(SimulationCollection.Name)]
public sealed class OutcomeRecorderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Outcomes_wait_through_a_database_outage_and_are_written_once_it_answers_logged_once_each_way()
    {
        var time = new SimulatedTime();
        var logs = new FakeLogCollector();
        var queue = new InMemorySendQueue(time, TimeSpan.FromMinutes(2), SimulatedDrain.Campaign);
        queue.Add(10);
        var claimed = await queue.ClaimAsync("worker", 10, Cancel);
        var upAt = time.GetUtcNow().AddSeconds(15);
        queue.GoDown(upAt);
        var outage = new DatabaseOutage(time, new FakeLogger<DatabaseOutage>(logs));
        var held = new HeldSends(SendingRules.From(new SendingOptions()));
        held.Claimed(claimed);
        var recorder = new OutcomeRecorder(queue, "worker", 200, held, outage, time, new FakeLogger<OutcomeRecorder>(logs), CancellationToken.None);

        foreach (var send in claimed.Sends)
        {
            await recorder.AddAsync(SendOutcome.Sent(send, time.GetUtcNow(), $"send-{send.Id}", "relay", "250 ok"));
        }

        await time.RunUntilAsync(() => outage.Since is not null, TimeSpan.FromMinutes(1), Cancel);
        Assert.Equal(0, queue.Settled);
        await time.RunUntilAsync(() => queue.Settled == 10, TimeSpan.FromMinutes(1), Cancel);
        await recorder.DisposeAsync();

        Assert.True(time.GetUtcNow() >= upAt);
        Assert.True(queue.FailedCalls > 3, "it kept trying");
        Assert.Null(outage.Since);
        Assert.Equal(0, held.Count);
        Assert.Single(logs.GetSnapshot(), r => r.Message.StartsWith("The database cannot be reached", StringComparison.Ordinal));
        Assert.Single(logs.GetSnapshot(), r => r.Message.StartsWith("The database answers again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stopping_while_the_database_is_down_gives_the_outcomes_up_instead_of_waiting_for_ever()
    {
        var time = new SimulatedTime();
        var logs = new FakeLogCollector();
        var queue = new InMemorySendQueue(time, TimeSpan.FromMinutes(2), SimulatedDrain.Campaign);
        queue.Add(3);
        var claimed = await queue.ClaimAsync("worker", 3, Cancel);
        queue.GoDown(DateTimeOffset.MaxValue);
        using var stopping = new CancellationTokenSource();
        var outage = new DatabaseOutage(time, new FakeLogger<DatabaseOutage>(logs));
        var recorder = new OutcomeRecorder(queue, "worker", 200, new HeldSends(SendingRules.From(new SendingOptions())), outage, time, new FakeLogger<OutcomeRecorder>(logs), stopping.Token);
        foreach (var send in claimed.Sends)
        {
            await recorder.AddAsync(SendOutcome.Sent(send, time.GetUtcNow(), $"send-{send.Id}", "relay", "250 ok"));
        }

        await time.RunUntilAsync(() => outage.Since is not null, TimeSpan.FromMinutes(1), Cancel);
        await stopping.CancelAsync();
        var disposed = recorder.DisposeAsync().AsTask();
        await time.RunUntilAsync(() => disposed.IsCompleted, TimeSpan.FromMinutes(1), Cancel);

        await disposed;
        Assert.Equal(0, queue.Settled);
        Assert.Single(logs.GetSnapshot(), r => r.Message.StartsWith("Stopping with the database unreachable: 3 outcomes were not written (3 of them", StringComparison.Ordinal));
    }
}
