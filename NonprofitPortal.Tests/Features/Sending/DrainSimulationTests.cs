using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Sending.Transport;
using NonprofitPortal.Tests.Features.Sending.Simulation;

namespace NonprofitPortal.Tests.Features.Sending;

/// <summary>
/// The drain over hours of simulated time: slow relays, slow-down storms and database outages,
/// with every recipient getting the message once.
/// </summary>
[Collection(SimulationCollection.Name)]
public sealed class DrainSimulationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_each_paced_at_half_a_message_a_second_get_ten_thousand_recipients_to_the_relay_once_each_with_the_default_lease_and_batch()
    {
        var drain = new SimulatedDrain(new SendingOptions(), serverMessagesPerSecond: 0.5, recipients: 10_000);

        await drain.RunAsync(TimeSpan.FromHours(8), Cancel);

        AssertEachRecipientOnce(drain, 10_000);
        // The pace was kept: two nodes at half a message a second each take about 10,000 s.
        Assert.InRange(drain.Time.Elapsed.TotalSeconds, 9_500, 11_000);
        Assert.Empty(drain.DrainFailures);
    }

    [Fact]
    public async Task A_storm_of_slow_down_replies_lowers_the_pace_and_sends_nothing_twice()
    {
        var drain = new SimulatedDrain(new SendingOptions { LeaseSeconds = 20, BatchSize = 100 }, serverMessagesPerSecond: 3, recipients: 600);
        drain.Relay.Answer = number => number is > 100 and <= 400 && number % 3 == 0 ? new Delivery.Deferred("450 4.7.0 Slow down", SlowDown: true) : null;

        await drain.RunAsync(TimeSpan.FromHours(2), Cancel);

        AssertEachRecipientOnce(drain, 600);
        Assert.Empty(drain.DrainFailures);
    }

    [Fact]
    public async Task A_database_outage_pauses_sending_keeps_what_is_known_and_sends_nothing_twice()
    {
        var drain = new SimulatedDrain(new SendingOptions { LeaseSeconds = 20 }, serverMessagesPerSecond: 150, recipients: 4_000);
        var downAt = SimulatedTime.Start.AddSeconds(6);
        var upAt = downAt.AddSeconds(15);
        using var outage = drain.Time.CreateTimer(_ => drain.Queue.GoDown(upAt), null, downAt - SimulatedTime.Start, Timeout.InfiniteTimeSpan);

        await drain.RunAsync(TimeSpan.FromHours(1), Cancel);

        AssertEachRecipientOnce(drain, 4_000);
        Assert.Empty(drain.DrainFailures);
        Assert.True(drain.Queue.FailedCalls > 1, "the outage was met");
        // Once the recorder found the database gone, no new message went out until it answered.
        var detected = drain.Logs.GetSnapshot().Single(r => r.Message.StartsWith("The database cannot be reached", StringComparison.Ordinal)).Timestamp;
        Assert.DoesNotContain(drain.Relay.Received, r => r.At > detected + TimeSpan.FromSeconds(0.5) && r.At < upAt);
        Assert.Single(drain.Logs.GetSnapshot(), r => r.Message.StartsWith("The database answers again", StringComparison.Ordinal));
        Assert.Null(drain.Outage.Since);
    }

    private static void AssertEachRecipientOnce(SimulatedDrain drain, int recipients)
    {
        var received = drain.Relay.Received;
        var twice = received.GroupBy(r => r.To).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} recipients got the message more than once, e.g. {string.Join(", ", twice.Take(3))}");
        Assert.Equal(recipients, received.Count);
        Assert.All(drain.Queue.Rows, row => Assert.Equal(SendStatus.Sent, row.Status));
    }
}
