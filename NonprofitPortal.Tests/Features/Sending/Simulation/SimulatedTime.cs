using Microsoft.Extensions.Time.Testing;

namespace NonprofitPortal.Tests.Features.Sending.Simulation;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows when its next timer is due, with a driver that
/// moves the clock straight there each time the code under test has nothing left to do but wait
/// for it: hours of pacing, retries and leases run in seconds, in the order they would happen.
/// </summary>
/// <remarks>
/// "Nothing left to do" is read off the thread pool (nothing queued, no worker busy but the
/// driver), which the drain runs on entirely; a test using this runs alone
/// (<see cref="SimulationCollection"/>). A wrong reading only moves the clock early, which makes
/// leases run out sooner: the invariants the tests check must hold either way.
/// </remarks>
internal sealed class SimulatedTime : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly Lock _gate = new();
    private readonly HashSet<TrackedTimer> _timers = [];

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override long GetTimestamp() => _clock.GetTimestamp();

    public override long TimestampFrequency => _clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public TimeSpan Elapsed => GetUtcNow() - Start;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this);
        timer.Track(dueTime, period);
        timer.Inner = _clock.CreateTimer(
            callbackState =>
            {
                timer.Fired();
                callback(callbackState);
            },
            state, dueTime, period);
        return timer;
    }

    /// <summary>Runs the clock until <paramref name="done"/>, failing when nothing is due and it is not done, or past <paramref name="limit"/>.</summary>
    public async Task RunUntilAsync(Func<bool> done, TimeSpan limit, CancellationToken cancellationToken)
    {
        var end = GetUtcNow() + limit;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            WaitUntilIdle();
            if (done())
            {
                return;
            }

            var next = NextDue() ?? throw new InvalidOperationException($"Nothing is waiting for the clock at {Elapsed}, and the work is not done: it is stuck.");
            if (next > end)
            {
                throw new TimeoutException($"Still not done after {limit} of simulated time.");
            }

            var now = GetUtcNow();
            _clock.Advance(next > now ? next - now : TimeSpan.Zero);
        }
    }

    private DateTimeOffset? NextDue()
    {
        lock (_gate)
        {
            return _timers.Where(t => t.Due is not null).Select(t => t.Due).Min();
        }
    }

    private static void WaitUntilIdle()
    {
        var self = Thread.CurrentThread.IsThreadPoolThread ? 1 : 0;
        ThreadPool.GetMaxThreads(out var max, out _);
        var deadline = Environment.TickCount64 + 500;
        for (var calm = 0; calm < 3 && Environment.TickCount64 < deadline;)
        {
            Thread.Yield();
            ThreadPool.GetAvailableThreads(out var available, out _);
            calm = ThreadPool.PendingWorkItemCount == 0 && max - available <= self ? calm + 1 : 0;
        }
    }

    private sealed class TrackedTimer(SimulatedTime owner) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset? Due { get; private set; }

        public void Track(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                _period = period;
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner.GetUtcNow() + dueTime;
                owner._timers.Add(this);
            }
        }

        public void Fired()
        {
            lock (owner._gate)
            {
                Due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : owner.GetUtcNow() + _period;
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Track(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }

            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
