using System.Threading.Channels;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Claimed messages waiting for a sender. The claimer tops it up with a whole batch when it runs
/// low, so senders never wait for a claim, and the claimer wakes once per batch rather than once
/// per message (each wake-up is a thread switch, and on two cores those add up).
/// </summary>
internal sealed class ClaimedBacklog<T>(int lowWater)
{
    private readonly Channel<T> _waiting = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly SemaphoreSlim _runningLow = new(0);
    private int _count;

    public void Add(T item)
    {
        Interlocked.Increment(ref _count);
        _waiting.Writer.TryWrite(item);
    }

    /// <summary>No more items: senders finish what is waiting, then stop.</summary>
    public void Complete() => _waiting.Writer.TryComplete();

    /// <summary>Returns once at most the low-water mark is left waiting.</summary>
    public async Task WaitUntilLowAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _count) > lowWater)
        {
            await _runningLow.WaitAsync(cancellationToken);
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

        if (Interlocked.Decrement(ref _count) == lowWater)
        {
            _runningLow.Release();
        }

        return true;
    }
}
