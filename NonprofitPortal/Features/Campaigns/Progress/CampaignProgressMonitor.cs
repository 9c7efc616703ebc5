using System.Threading.Channels;

namespace NonprofitPortal.Features.Campaigns.Progress;

/// <summary>
/// Follows campaigns for whoever watches them on this node: one reading of the counters per
/// watched campaign every <see cref="ReadInterval"/>, however many pages and hub connections
/// watch it, handed to each of them.
/// </summary>
public sealed class CampaignProgressMonitor(CampaignService campaigns, TimeProvider time, ILogger<CampaignProgressMonitor> logger) : IAsyncDisposable
{
    public static readonly TimeSpan ReadInterval = TimeSpan.FromMilliseconds(500);

    private readonly Lock _lock = new();
    private readonly Dictionary<long, CampaignReader> _readers = [];
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// Calls <paramref name="onProgress"/> with the campaign's current state at once, then with each
    /// new reading until the campaign is finished (its final state is the last call) or the
    /// subscription is disposed. A subscriber slower than the readings gets the latest one and skips
    /// those in between; one that throws is logged and keeps its subscription. To follow a finished
    /// campaign again (a retry restarts it), watch it again.
    /// </summary>
    public IAsyncDisposable Watch(long campaignId, Func<CampaignProgress, CancellationToken, Task> onProgress)
    {
        var subscriber = new Subscriber(campaignId, onProgress, logger);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            if (!_readers.TryGetValue(campaignId, out var reader))
            {
                reader = new CampaignReader(campaignId, CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token));
                _readers.Add(campaignId, reader);
                _ = Task.Run(() => ReadUntilFinishedAsync(reader));
            }

            reader.Subscribers.Add(subscriber);
            if (reader.Latest is { } latest)
            {
                subscriber.Offer(latest);
            }
        }

        subscriber.StartDelivering();
        return new Subscription(this, subscriber);
    }

    public ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _stopping.Cancel();
            foreach (var reader in _readers.Values)
            {
                reader.Subscribers.ForEach(s => s.Close());
            }

            _readers.Clear();
        }

        return ValueTask.CompletedTask;
    }

    private async Task ReadUntilFinishedAsync(CampaignReader reader)
    {
        var cancellationToken = reader.Stopping.Token;
        using var timer = new PeriodicTimer(ReadInterval, time);
        try
        {
            do
            {
                CampaignProgress? progress;
                try
                {
                    progress = await campaigns.ProgressAsync(reader.CampaignId, cancellationToken);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning(exception, "Reading the progress of campaign {CampaignId} failed; trying again at the next reading.", reader.CampaignId);
                    continue;
                }

                if (!Publish(reader, progress))
                {
                    return;
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The last subscriber left, or the node is stopping.
        }
        finally
        {
            reader.Stopping.Dispose();
        }
    }

    /// <summary>Hands the reading to every subscriber; false when the reader's work is over.</summary>
    private bool Publish(CampaignReader reader, CampaignProgress? progress)
    {
        lock (_lock)
        {
            if (reader.Stopping.IsCancellationRequested)
            {
                return false;
            }

            var over = progress is null or { IsFinished: true };
            reader.Latest = progress;
            foreach (var subscriber in reader.Subscribers)
            {
                if (progress is not null)
                {
                    subscriber.Offer(progress);
                }

                if (over)
                {
                    subscriber.Complete();
                }
            }

            if (over)
            {
                _readers.Remove(reader.CampaignId);
                reader.Stopping.Cancel();
            }

            return !over;
        }
    }

    private void Unsubscribe(Subscriber subscriber)
    {
        lock (_lock)
        {
            subscriber.Close();
            if (_readers.TryGetValue(subscriber.CampaignId, out var reader) && reader.Subscribers.Remove(subscriber) && reader.Subscribers.Count == 0)
            {
                _readers.Remove(subscriber.CampaignId);
                reader.Stopping.Cancel();
            }
        }
    }

    private sealed class CampaignReader(long campaignId, CancellationTokenSource stopping)
    {
        public long CampaignId { get; } = campaignId;

        public CancellationTokenSource Stopping { get; } = stopping;

        public List<Subscriber> Subscribers { get; } = [];

        public CampaignProgress? Latest { get; set; }
    }

    /// <summary>Delivers to one subscriber on its own task, so that a slow or failing one holds up nobody else.</summary>
    private sealed class Subscriber(long campaignId, Func<CampaignProgress, CancellationToken, Task> onProgress, ILogger logger)
    {
        // One waiting state at most: a newer reading replaces one not yet delivered.
        private readonly Channel<CampaignProgress> _waiting = Channel.CreateBounded<CampaignProgress>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        private readonly CancellationTokenSource _closed = new();

        public long CampaignId { get; } = campaignId;

        public void Offer(CampaignProgress progress) => _waiting.Writer.TryWrite(progress);

        /// <summary>Nothing more will come: what is waiting is still delivered.</summary>
        public void Complete() => _waiting.Writer.TryComplete();

        /// <summary>Disposed: nothing more is delivered, and a delivery under way sees its token cancelled.</summary>
        public void Close()
        {
            _waiting.Writer.TryComplete();
            _closed.Cancel();
        }

        public void StartDelivering() => _ = Task.Run(DeliverAsync);

        private async Task DeliverAsync()
        {
            var cancellationToken = _closed.Token;
            try
            {
                await foreach (var progress in _waiting.Reader.ReadAllAsync(cancellationToken))
                {
                    try
                    {
                        await onProgress(progress, cancellationToken);
                    }
                    catch (Exception exception)
                    {
                        if (cancellationToken.IsCancellationRequested)
                        {
                            return;
                        }

                        logger.LogWarning(exception, "A watcher of campaign {CampaignId} failed to take its progress.", CampaignId);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Disposed.
            }
        }
    }

    private sealed class Subscription(CampaignProgressMonitor monitor, Subscriber subscriber) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            monitor.Unsubscribe(subscriber);
            return ValueTask.CompletedTask;
        }
    }
}
