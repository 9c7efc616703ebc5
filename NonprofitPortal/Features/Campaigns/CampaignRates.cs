using System.Collections.Concurrent;

namespace NonprofitPortal.Features.Campaigns;

/// <summary>
/// Messages per second over the last ten seconds, from the counters seen each time a
/// campaign's progress is read; before there are two readings, the average since it started.
/// </summary>
public sealed class CampaignRates(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<long, Readings> _readings = new();

    public double Observe(long campaignId, int done, DateTimeOffset? startedAt, DateTimeOffset? completedAt)
    {
        var now = time.GetUtcNow();
        if (completedAt is { } completed)
        {
            _readings.TryRemove(campaignId, out _);
            return startedAt is { } started && completed > started ? done / (completed - started).TotalSeconds : 0;
        }

        var readings = _readings.GetOrAdd(campaignId, _ => new Readings());
        lock (readings)
        {
            readings.Add(now, done);
            var (oldestAt, oldestDone) = readings.OldestWithin(now - Window);
            if (now - oldestAt >= TimeSpan.FromSeconds(1))
            {
                return Math.Max(0, (done - oldestDone) / (now - oldestAt).TotalSeconds);
            }

            return startedAt is { } start && now > start ? done / (now - start).TotalSeconds : 0;
        }
    }

    private sealed class Readings
    {
        private readonly Queue<(DateTimeOffset At, int Done)> _readings = new();

        public void Add(DateTimeOffset at, int done)
        {
            _readings.Enqueue((at, done));
        }

        /// <summary>The oldest reading not older than <paramref name="since"/> (older ones are dropped, but one is kept).</summary>
        public (DateTimeOffset At, int Done) OldestWithin(DateTimeOffset since)
        {
            while (_readings.Count > 1 && _readings.Peek().At < since)
            {
                _readings.Dequeue();
            }

            return _readings.Peek();
        }
    }
}
