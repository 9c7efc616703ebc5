using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Sending.Queue;
using NonprofitPortal.Features.Sending.Transport;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Empties the pending-sends table as fast as the servers allow: one loop claims batches and
/// queues their messages, one sender loop per connection renders and sends them, and the
/// outcomes go to the recorder, until nothing is due or every server is set aside.
/// </summary>
public sealed partial class SendDrainer(
    SendQueue queue,
    MailServers servers,
    CampaignMessages messages,
    IDbContextFactory<AppDbContext> contextFactory,
    IOptions<SendingOptions> options,
    TimeProvider time,
    ILogger<SendDrainer> logger)
{
    /// <summary>This process's name on the leases it takes.</summary>
    public string WorkerId { get; } = WorkerName();

    /// <param name="stopping">Stops claiming; messages not yet handed to a server go back to the queue, those on the wire finish and are recorded.</param>
    public async Task DrainAsync(CancellationToken stopping)
    {
        var settings = options.Value;
        var recovered = await queue.RecoverExpiredLeasesAsync(stopping);
        if (recovered > 0)
        {
            LogRecovered(recovered);
        }

        // The next batch is claimed when half of one is left: at most one and a half batches are
        // leased and in memory at a time.
        var backlog = new ClaimedBacklog<QueuedSend>(lowWater: settings.BatchSize / 2);
        await using var recorder = new OutcomeRecorder(queue, WorkerId, settings.BatchSize, time, logger);
        var senders = Enumerable.Range(0, servers.All.Sum(s => s.Connections))
            .Select(_ => Task.Run(() => SendQueuedAsync(backlog, recorder, stopping), CancellationToken.None))
            .ToList();
        try
        {
            await ClaimAsync(backlog, recorder, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: what was claimed and not sent has been handed back.
        }
        finally
        {
            backlog.Complete();
            await Task.WhenAll(senders);
        }
    }

    private async Task ClaimAsync(ClaimedBacklog<QueuedSend> backlog, OutcomeRecorder recorder, CancellationToken stopping)
    {
        var campaigns = new Dictionary<long, CampaignContent>();
        while (!stopping.IsCancellationRequested && servers.AnyUsable())
        {
            // Not cancellable: rows claimed by a statement cancelled half-way through would
            // stay leased, unsent, until their lease ran out. Unsent rows go back below.
            var batch = await queue.ClaimAsync(WorkerId, options.Value.BatchSize, CancellationToken.None);
            if (batch.Count == 0)
            {
                return;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                var send = batch[i];
                try
                {
                    if (send.SkipReason is { } reason)
                    {
                        await recorder.AddAsync(SendOutcome.Skipped(send, time.GetUtcNow(), reason));
                        continue;
                    }

                    backlog.Add(new QueuedSend(await ContentAsync(campaigns, send.CampaignId, stopping), send));
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    foreach (var unsent in batch.Skip(i))
                    {
                        await recorder.AddAsync(HandBack(unsent));
                    }

                    throw;
                }
            }

            await backlog.WaitUntilLowAsync(stopping);
        }
    }

    private async Task SendQueuedAsync(ClaimedBacklog<QueuedSend> backlog, OutcomeRecorder recorder, CancellationToken stopping)
    {
        while (await backlog.WaitToTakeAsync())
        {
            while (backlog.TryTake(out var next))
            {
                await recorder.AddAsync(stopping.IsCancellationRequested
                    ? HandBack(next.Send)
                    : await SendAsync(next.Campaign, next.Send, stopping));
            }
        }
    }

    private SendOutcome HandBack(ClaimedSend send) => SendOutcome.Retry(send, time.GetUtcNow(), time.GetUtcNow(), null, refund: true);

    private async Task<CampaignContent> ContentAsync(Dictionary<long, CampaignContent> campaigns, long campaignId, CancellationToken cancellationToken)
    {
        if (!campaigns.TryGetValue(campaignId, out var content))
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, cancellationToken);
            campaigns[campaignId] = content = CampaignContent.From(campaign);
        }

        return content;
    }

    private async Task<SendOutcome> SendAsync(CampaignContent campaign, ClaimedSend send, CancellationToken stopping)
    {
        var (message, errors) = messages.Compose(campaign, send, CancellationToken.None);
        if (message is null)
        {
            var error = errors[0];
            return SendOutcome.Failed(send, time.GetUtcNow(), $"Template error in the {error.Part}, line {error.Line}, column {error.Column}: {error.Message}");
        }

        var tried = new List<MailServer>();
        string? lastError = null;
        while (true)
        {
            SendSlot? slot = null;
            try
            {
                slot = await servers.ReserveAsync(tried, stopping);
                if (slot is not null)
                {
                    await time.DelayUntilAsync(slot.At, stopping);
                }
            }
            catch (OperationCanceledException)
            {
                slot?.Dispose();
                return SendOutcome.Retry(send, time.GetUtcNow(), time.GetUtcNow(), lastError, refund: true);
            }

            if (slot is null)
            {
                // Every server is set aside, or has just refused or deferred this message: back to
                // the queue (the attempt not counted) until one is probed again, and not at once.
                var now = time.GetUtcNow();
                var probe = servers.NextProbeAt();
                var backOff = now + RetryDelay(1);
                return SendOutcome.Retry(send, now, tried.Count > 0 && backOff > probe ? backOff : probe, lastError, refund: true);
            }

            using (slot)
            {
                Delivery delivery;
                try
                {
                    // Once on the wire a message is finished, not abandoned, even when shutting down.
                    delivery = await slot.Server.SendAsync(message, CancellationToken.None);
                }
                catch (ServerUnavailableException exception)
                {
                    if (exception.AskedToSlowDown)
                    {
                        servers.SlowDown(slot.Server);
                    }

                    LogServerUnavailable(send.Id, send.CampaignId, slot.Server.Name, exception.Message);
                    tried.Add(slot.Server);
                    lastError = exception.Message;
                    continue;
                }

                var now = time.GetUtcNow();
                var messageId = messages.MessageIdFor(send);
                switch (delivery)
                {
                    case Delivery.Accepted accepted:
                        return SendOutcome.Sent(send, now, messageId, slot.Server.Name, accepted.Reply);
                    case Delivery.Rejected rejected:
                        return SendOutcome.Failed(send, now, rejected.Reply, messageId, slot.Server.Name);
                    case Delivery.Deferred { SlowDown: true } deferred:
                        // The server is busy, not the message at fault: another server may take it now.
                        servers.SlowDown(slot.Server);
                        tried.Add(slot.Server);
                        lastError = deferred.Reply;
                        continue;
                    case Delivery.Deferred deferred when send.Attempts >= options.Value.MaxAttempts:
                        return SendOutcome.Failed(send, now, $"Gave up after {send.Attempts} attempts: {deferred.Reply}", messageId, slot.Server.Name);
                    default:
                        return SendOutcome.Retry(send, now, now + RetryDelay(send.Attempts), delivery.Reply, refund: false, slot.Server.Name);
                }
            }
        }
    }

    /// <summary>Unique per process (a restarted process must not inherit its predecessor's leases), readable in the table.</summary>
    private static string WorkerName()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length <= 100 ? name : name[^100..];
    }

    /// <summary>Exponential, with ±20% jitter so that messages deferred together do not come back together.</summary>
    private TimeSpan RetryDelay(int attempts)
    {
        var settings = options.Value;
        var seconds = Math.Min(settings.MaxRetryDelaySeconds, settings.RetryDelaySeconds * Math.Pow(2, attempts - 1));
        return TimeSpan.FromSeconds(seconds * (0.8 + 0.4 * Random.Shared.NextDouble()));
    }

    private sealed record QueuedSend(CampaignContent Campaign, ClaimedSend Send);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Made {Count} sends pending again: the workers holding them stopped before their lease ran out")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Send {SendId} of campaign {CampaignId}: server {Server} unavailable ({Error}); trying another")]
    private partial void LogServerUnavailable(long sendId, long campaignId, string server, string error);
}
