namespace NonprofitPortal.Features.Sending.Transport;

/// <summary>Counts events over a recent window (say the last hour in minutes), in fixed memory. Thread-safe.</summary>
internal sealed class SlidingCounter(TimeSpan bucketLength, int bucketCount)
{
    private readonly long[] _counts = new long[bucketCount];
    private readonly long[] _bucketNumbers = new long[bucketCount];
    private readonly Lock _gate = new();

    public TimeSpan Window => bucketLength * bucketCount;

    public void Add(DateTimeOffset at, long count = 1)
    {
        var number = at.UtcTicks / bucketLength.Ticks;
        var index = (int)(number % bucketCount);
        lock (_gate)
        {
            if (_bucketNumbers[index] != number)
            {
                _bucketNumbers[index] = number;
                _counts[index] = 0;
            }

            _counts[index] += count;
        }
    }

    /// <summary>Events within the window ending at <paramref name="now"/>.</summary>
    public long Total(DateTimeOffset now)
    {
        var newest = now.UtcTicks / bucketLength.Ticks;
        long total = 0;
        lock (_gate)
        {
            for (var i = 0; i < bucketCount; i++)
            {
                if (newest - _bucketNumbers[i] < bucketCount)
                {
                    total += _counts[i];
                }
            }
        }

        return total;
    }

    public double PerSecond(DateTimeOffset now) => Total(now) / Window.TotalSeconds;
}
