using System.Threading.Channels;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Claimed messages waiting for a sender. The claimer tops it up with a whole claim when it runs
/// low, so senders never wait for a claim, and the claimer wakes once per claim rather than once
/// per message (each wake-up is a thread switch, and on two cores those add up).
/// </summary>
internal sealed class ClaimedBacklog<T>
{
    private readonly Channel<T> _waiting = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly SemaphoreSlim _runningLow = new(0);
    private int _count;
    private int _lowWater = -1;

    public void Add(T item)
    {
        Interlocked.Increment(ref _count);
        _waiting.Writer.TryWrite(item);
    }

    /// <summary>No more items: senders finish what is waiting, then stop.</summary>
    public void Complete() => _waiting.Writer.TryComplete();

    /// <summary>Returns once at most <paramref name="lowWater"/> items are left waiting. One caller at a time (the claimer).</summary>
    public async Task WaitUntilAtMostAsync(int lowWater, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lowWater, lowWater);
        try
        {
            while (Volatile.Read(ref _count) > lowWater)
            {
                await _runningLow.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            Volatile.Write(ref _lowWater, -1);
        }
    }

    /// <summary>False once the backlog is completed and empty.</summary>
    public ValueTask<bool> WaitToTakeAsync() => _waiting.Reader.WaitToReadAsync(CancellationToken.None);

    public bool TryTake(out T item)
    {
        if (!_waiting.Reader.TryRead(out item!))
        {
            return false;
        }

        if (Interlocked.Decrement(ref _count) == Volatile.Read(ref _lowWater))
        {
            _runningLow.Release();
        }

        return true;
    }
}
