using System.Threading.Channels;
using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Collects outcomes from the senders and writes them in batches (a few hundred rows, or what
/// came in a quarter of a second), so the database sees one transaction per batch rather than
/// one per message, and watchers see counters move within a second.
/// </summary>
internal sealed class OutcomeRecorder : IAsyncDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly Channel<SendOutcome> _outcomes;
    private readonly SendQueue _queue;
    private readonly string _owner;
    private readonly int _batchSize;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _batchFilled = new(0);
    private readonly Task _writing;
    private int _added;

    public OutcomeRecorder(SendQueue queue, string owner, int batchSize, TimeProvider time, ILogger logger)
    {
        _queue = queue;
        _owner = owner;
        _batchSize = batchSize;
        _time = time;
        _logger = logger;
        // Bounded: when the database falls behind the servers, senders wait for it rather than
        // outcomes piling up in memory (and more mail going out than is recorded).
        _outcomes = Channel.CreateBounded<SendOutcome>(new BoundedChannelOptions(4 * batchSize) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _writing = Task.Run(WriteAsync);
    }

    public async ValueTask AddAsync(SendOutcome outcome)
    {
        await _outcomes.Writer.WriteAsync(outcome, CancellationToken.None);
        // The writer is woken per batch, not per outcome: each wake-up is a thread switch.
        if (Interlocked.Increment(ref _added) % _batchSize == 0)
        {
            _batchFilled.Release();
        }
    }

    /// <summary>Writes what is left, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _outcomes.Writer.TryComplete();
        _batchFilled.Release();
        await _writing;
    }

    private async Task WriteAsync()
    {
        var batch = new List<SendOutcome>(_batchSize);
        var reader = _outcomes.Reader;
        while (!reader.Completion.IsCompleted)
        {
            if (reader.Count < _batchSize)
            {
                await WaitForBatchOrFlushAsync();
            }

            while (batch.Count < _batchSize && reader.TryRead(out var outcome))
            {
                batch.Add(outcome);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await RecordAsync(batch);
            }
            catch (Exception exception)
            {
                // Senders waiting for room must not wait for ever: they fail, and the leases of
                // what was not recorded run out so that the messages are claimed again.
                _outcomes.Writer.TryComplete(exception);
                throw;
            }

            batch.Clear();
        }
    }

    private async Task WaitForBatchOrFlushAsync()
    {
        using var flushDue = new CancellationTokenSource(FlushInterval, _time);
        try
        {
            await _batchFilled.WaitAsync(flushDue.Token);
        }
        catch (OperationCanceledException)
        {
            // A quarter of a second has passed: what has come is written.
        }
    }

    // Outcomes are not dropped while the database is briefly unavailable: an outcome never
    // written means the message goes out again once its lease runs out.
    private async Task RecordAsync(List<SendOutcome> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _queue.RecordAsync(_owner, batch, CancellationToken.None);
                return;
            }
            catch (Exception exception) when (attempt < 10)
            {
                _logger.LogWarning(exception, "Recording {Count} send outcomes failed (attempt {Attempt}); retrying", batch.Count, attempt);
                await Task.Delay(RetryInterval, _time);
            }
        }
    }
}
