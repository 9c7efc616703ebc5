using System.Threading.Channels;
using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Collects outcomes from the senders and writes them in batches (a few hundred rows, or what
/// came in a quarter of a second), so the database sees one transaction per batch rather than
/// one per message, and watchers see counters move within a second. When the database cannot be
/// reached it keeps the batch and tries again, with backoff, for as long as it takes: an outcome
/// never written means the message goes out again.
/// </summary>
internal sealed partial class OutcomeRecorder : IAsyncDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly Channel<SendOutcome> _outcomes;
    private readonly ISendQueue _queue;
    private readonly string _owner;
    private readonly int _batchSize;
    private readonly HeldSends _held;
    private readonly DatabaseOutage _outage;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private readonly SemaphoreSlim _batchFilled = new(0);
    private readonly Task _writing;
    private int _added;
    private volatile bool _ending;

    /// <param name="stopping">Once the node stops, a write that fails is given up instead of retried: the leases of those rows run out and they are claimed again.</param>
    public OutcomeRecorder(
        ISendQueue queue, string owner, int batchSize, HeldSends held, DatabaseOutage outage, TimeProvider time, ILogger logger, CancellationToken stopping)
    {
        _queue = queue;
        _owner = owner;
        _batchSize = batchSize;
        _held = held;
        _outage = outage;
        _time = time;
        _logger = logger;
        _stopping = stopping;
        // Bounded: when the database falls behind the servers, senders wait for it rather than
        // outcomes piling up in memory (and more mail going out than is recorded).
        _outcomes = Channel.CreateBounded<SendOutcome>(new BoundedChannelOptions(4 * batchSize) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _writing = Task.Run(WriteAsync, CancellationToken.None);
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
        _ending = true;
        _outcomes.Writer.TryComplete();
        _batchFilled.Release();
        await _writing;
    }

    private async Task WriteAsync()
    {
        var batch = new List<SendOutcome>(_batchSize);
        var reader = _outcomes.Reader;
        // No timer while there is nothing to write: an idle drain does not wake every quarter second.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            if (reader.Count < _batchSize && !_ending)
            {
                await WaitForBatchOrFlushAsync();
            }

            while (batch.Count < _batchSize && reader.TryRead(out var outcome))
            {
                batch.Add(outcome);
            }

            await RecordAsync(batch);
            _held.Released(batch.Select(o => o.SendId));
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

    private async Task RecordAsync(List<SendOutcome> batch)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            try
            {
                await _queue.RecordAsync(_owner, batch, CancellationToken.None);
                _outage.Ended();
                return;
            }
            catch (Exception exception)
            {
                _outage.Failed(exception);
                if (_stopping.IsCancellationRequested)
                {
                    LogGivenUp(batch.Count, batch.Count(o => o.Status == Campaigns.SendStatus.Sent), exception.Message);
                    return;
                }
            }

            try
            {
                await Task.Delay(delay, _time, _stopping);
            }
            catch (OperationCanceledException)
            {
                // Stopping: one last try.
            }

            delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping with the database unreachable: {Count} outcomes were not written ({Sent} of them messages already sent). Their rows are claimed again once their leases run out, and those messages go out a second time ({Error})")]
    private partial void LogGivenUp(int count, int sent, string error);
}
