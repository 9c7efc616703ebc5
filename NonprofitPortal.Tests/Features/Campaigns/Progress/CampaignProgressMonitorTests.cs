using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Progress;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Campaigns.Progress;

/// <summary>
/// The monitor against the real campaign service of a real host (SQLite), on a clock the tests
/// move: a reading happens at a subscription that starts a reader, and at each tick, never otherwise.
/// </summary>
[Collection(SqliteHostCollection.Name)]
public sealed class CampaignProgressMonitorTests : IAsyncDisposable
{
    private readonly SeededCampaigns _campaigns;
    private readonly FakeTimeProvider _time = new();
    private readonly CampaignProgressMonitor _monitor;

    public CampaignProgressMonitorTests(SqliteHost fixture)
    {
        _campaigns = new SeededCampaigns(fixture.Host);
        _monitor = new CampaignProgressMonitor(fixture.Host.Services.GetRequiredService<CampaignService>(), _time, NullLogger<CampaignProgressMonitor>.Instance);
    }

    [Fact]
    public async Task Watchers_of_one_campaign_share_its_readings_and_a_late_one_gets_the_latest_at_once()
    {
        var id = await _campaigns.AddAsync("Watched by two", CampaignStatus.Sending, total: 40, sent: 10);
        var first = new Received();
        var second = new Received();
        await using var one = _monitor.Watch(id, first.Add);
        await first.WaitForAsync(sent: 10);

        await _campaigns.AdvanceAsync(id, sent: 25, CampaignStatus.Sending);
        await using var two = _monitor.Watch(id, second.Add);
        await second.WaitForAsync(sent: 10);
        _time.Advance(CampaignProgressMonitor.ReadInterval);

        await first.WaitForAsync(sent: 25);
        await second.WaitForAsync(sent: 25);
        Assert.Equal([10, 25], first.Sent);
        Assert.Equal([10, 25], second.Sent);
    }

    [Fact]
    public async Task A_watcher_that_throws_or_hangs_holds_up_no_one_else()
    {
        var id = await _campaigns.AddAsync("Watched by a bad one", CampaignStatus.Sending, total: 40, sent: 10);
        var throwing = new Received(then: _ => throw new InvalidOperationException("A watcher's bug."));
        var hanging = new Received(then: cancellationToken => Task.Delay(Timeout.Infinite, cancellationToken));
        var healthy = new Received();
        await using var bad = _monitor.Watch(id, throwing.Add);
        await using var stuck = _monitor.Watch(id, hanging.Add);
        await using var good = _monitor.Watch(id, healthy.Add);
        await healthy.WaitForAsync(sent: 10);

        foreach (var sent in new[] { 20, 30 })
        {
            await _campaigns.AdvanceAsync(id, sent, CampaignStatus.Sending);
            _time.Advance(CampaignProgressMonitor.ReadInterval);
            await healthy.WaitForAsync(sent);
        }

        await throwing.WaitForAsync(sent: 30);
        Assert.Equal([10, 20, 30], healthy.Sent);
        Assert.Equal([10], hanging.Sent);
    }

    [Fact]
    public async Task The_final_state_is_the_last_reading_and_a_new_watcher_starts_reading_again()
    {
        var id = await _campaigns.AddAsync("Watched to the end", CampaignStatus.Sending, total: 40, sent: 30);
        var early = new Received();
        await using var watching = _monitor.Watch(id, early.Add);
        await early.WaitForAsync(sent: 30);

        await _campaigns.AdvanceAsync(id, sent: 40, CampaignStatus.Completed);
        _time.Advance(CampaignProgressMonitor.ReadInterval);
        var final = await early.WaitForAsync(sent: 40);
        // Changed behind the monitor's back: only a new reading can see it.
        await _campaigns.AdvanceAsync(id, sent: 39, CampaignStatus.Completed);
        var late = new Received();
        await using var again = _monitor.Watch(id, late.Add);
        await late.WaitForAsync(sent: 39);

        Assert.Equal(CampaignStatus.Completed, final.Status);
        Assert.Equal([30, 40], early.Sent);
    }

    [Fact]
    public async Task A_disposed_subscription_gets_nothing_more_and_the_reading_stops_with_the_last_one()
    {
        var id = await _campaigns.AddAsync("Watched then left", CampaignStatus.Sending, total: 40, sent: 10);
        var leaving = new Received();
        var staying = new Received();
        var leave = _monitor.Watch(id, leaving.Add);
        var stay = _monitor.Watch(id, staying.Add);
        await leaving.WaitForAsync(sent: 10);
        await staying.WaitForAsync(sent: 10);

        await leave.DisposeAsync();
        await _campaigns.AdvanceAsync(id, sent: 20, CampaignStatus.Sending);
        _time.Advance(CampaignProgressMonitor.ReadInterval);
        await staying.WaitForAsync(sent: 20);
        await stay.DisposeAsync();
        await _campaigns.AdvanceAsync(id, sent: 30, CampaignStatus.Sending);
        var next = new Received();
        await using var watchingAgain = _monitor.Watch(id, next.Add);

        // Read at once, without a tick: the reader had stopped with the last subscription.
        await next.WaitForAsync(sent: 30);
        Assert.Equal([10], leaving.Sent);
        Assert.Equal([10, 20], staying.Sent);
    }

    public ValueTask DisposeAsync() => _monitor.DisposeAsync();

    /// <summary>What one watcher was handed, in order; <c>then</c> runs after each is recorded.</summary>
    private sealed class Received(Func<CancellationToken, Task>? then = null)
    {
        private readonly Lock _lock = new();
        private readonly List<CampaignProgress> _all = [];

        public IReadOnlyList<int> Sent
        {
            get
            {
                lock (_lock)
                {
                    return _all.Select(p => p.Sent).ToList();
                }
            }
        }

        public Task Add(CampaignProgress progress, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _all.Add(progress);
            }

            return then?.Invoke(cancellationToken) ?? Task.CompletedTask;
        }

        public Task<CampaignProgress> WaitForAsync(int sent) => Eventually.GetAsync(() =>
        {
            lock (_lock)
            {
                return _all.LastOrDefault(p => p.Sent == sent);
            }
        }, $"a reading with {sent} sent");
    }
}
