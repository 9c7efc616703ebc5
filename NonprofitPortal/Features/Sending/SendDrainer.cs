using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Sending.Queue;
using NonprofitPortal.Features.Sending.Transport;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Empties the pending-sends table as fast as the servers allow: one loop claims what the current
/// pace can send well within a lease and queues it, one loop keeps the leases of what is held
/// from running out, one sender loop per connection renders and sends, and the outcomes go to
/// the recorder, until nothing is due or every server is set aside. While the database cannot be
/// reached, nothing new is sent or claimed and the drain waits for it rather than ending.
/// </summary>
public sealed partial class SendDrainer(
    ISendQueue queue,
    MailServers servers,
    CampaignMessages messages,
    DatabaseOutage outage,
    IOptions<SendingOptions> options,
    TimeProvider time,
    ILogger<SendDrainer> logger)
{
    private static readonly TimeSpan FirstClaimRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxClaimRetryDelay = TimeSpan.FromSeconds(5);

    private readonly SendingRules _rules = SendingRules.From(options.Value);

    /// <summary>This process's name on the leases it takes.</summary>
    public string WorkerId { get; } = WorkerName();

    /// <param name="stopping">Stops claiming; messages not yet handed to a server go back to the queue, those on the wire finish and are recorded.</param>
    public async Task DrainAsync(CancellationToken stopping)
    {
        await RecoverAtStartAsync(stopping);

        var held = new HeldSends(_rules);
        var backlog = new ClaimedBacklog<QueuedSend>();
        await using var recorder = new OutcomeRecorder(queue, WorkerId, options.Value.BatchSize, held, outage, time, logger, stopping);
        using var drained = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var renewals = Task.Run(() => RenewLeasesAsync(held, drained.Token), CancellationToken.None);
        var senders = Enumerable.Range(0, servers.All.Sum(s => s.Connections))
            .Select(_ => Task.Run(() => SendQueuedAsync(backlog, held, recorder, stopping), CancellationToken.None))
            .ToList();
        try
        {
            await ClaimAsync(backlog, held, recorder, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: what was claimed and not sent is handed back by the senders.
        }
        finally
        {
            backlog.Complete();
            await Task.WhenAll(senders);
            await recorder.DisposeAsync();
            await drained.CancelAsync();
            await renewals;
        }
    }

    /// <summary>
    /// Makes rows whose worker stopped (their lease ran out) claimable again, unless this node has
    /// outcomes waiting for the database: those are written first, or a message already sent
    /// would be claimed and sent again.
    /// </summary>
    public async Task<int> RecoverExpiredLeasesAsync(CancellationToken cancellationToken)
    {
        if (outage.Since is not null)
        {
            return 0;
        }

        var recovered = await queue.RecoverExpiredLeasesAsync(cancellationToken);
        if (recovered > 0)
        {
            LogRecovered(recovered);
        }

        return recovered;
    }

    private async Task RecoverAtStartAsync(CancellationToken stopping)
    {
        try
        {
            await RecoverExpiredLeasesAsync(stopping);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The cluster's recovery job does it once the database answers.
            outage.Failed(exception);
        }
    }

    private async Task ClaimAsync(ClaimedBacklog<QueuedSend> backlog, HeldSends held, OutcomeRecorder recorder, CancellationToken stopping)
    {
        var campaigns = new Dictionary<long, CampaignComposer>();
        var retryDelay = FirstClaimRetryDelay;
        while (!stopping.IsCancellationRequested && servers.AnyUsable())
        {
            await outage.WaitUntilOverAsync(stopping);
            var size = _rules.ClaimSize(servers.MessagesPerSecond());
            ClaimedBatch batch;
            try
            {
                // Not cancellable: rows claimed by a statement cancelled half-way through would
                // stay leased, unsent, until their lease ran out. Unsent rows go back below.
                batch = await queue.ClaimAsync(WorkerId, size, CancellationToken.None);
                outage.Ended();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database is unreachable: what is held stays held (its outcomes wait too), and
                // claiming resumes once it answers.
                outage.Failed(exception);
                await WaitBeforeRetryAsync(ref retryDelay, stopping);
                continue;
            }

            if (batch.Sends.Count == 0)
            {
                return;
            }

            retryDelay = FirstClaimRetryDelay;
            var claimed = held.Claimed(batch);
            try
            {
                await LoadContentAsync(campaigns, claimed);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                outage.Failed(exception);
                foreach (var unsent in claimed)
                {
                    await recorder.AddAsync(HandBack(unsent.Send));
                }

                await WaitBeforeRetryAsync(ref retryDelay, stopping);
                continue;
            }

            foreach (var send in claimed)
            {
                if (send.Send.SkipReason is { } reason)
                {
                    await recorder.AddAsync(SendOutcome.Skipped(send.Send, time.GetUtcNow(), reason));
                }
                else
                {
                    backlog.Add(new QueuedSend(campaigns[send.Send.CampaignId], send));
                }
            }

            await backlog.WaitUntilAtMostAsync(size / 2, stopping);
        }
    }

    /// <summary>Not cancellable, like the claim: the rows are held by now.</summary>
    private async Task LoadContentAsync(Dictionary<long, CampaignComposer> campaigns, IReadOnlyList<HeldSend> claimed)
    {
        foreach (var campaignId in claimed.Select(s => s.Send.CampaignId).Distinct())
        {
            if (!campaigns.ContainsKey(campaignId))
            {
                campaigns[campaignId] = messages.ComposerFor(await queue.ContentAsync(campaignId, CancellationToken.None));
            }
        }
    }

    private Task WaitBeforeRetryAsync(ref TimeSpan delay, CancellationToken stopping)
    {
        var wait = Task.Delay(delay, time, stopping);
        delay = delay * 2 < MaxClaimRetryDelay ? delay * 2 : MaxClaimRetryDelay;
        return wait;
    }

    /// <summary>Extends the leases of everything held, every quarter of a lease, in one statement.</summary>
    private async Task RenewLeasesAsync(HeldSends held, CancellationToken drained)
    {
        while (!drained.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_rules.RenewalInterval, time, drained);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (held.Count == 0)
            {
                continue;
            }

            var now = time.GetUtcNow();
            var until = now + _rules.Lease;
            try
            {
                await queue.RenewLeasesAsync(WorkerId, now, until, CancellationToken.None);
                held.Renewed(now, until);
                outage.Ended();
            }
            catch (Exception exception)
            {
                outage.Failed(exception);
            }
        }
    }

    private async Task SendQueuedAsync(ClaimedBacklog<QueuedSend> backlog, HeldSends held, OutcomeRecorder recorder, CancellationToken stopping)
    {
        while (await backlog.WaitToTakeAsync())
        {
            while (backlog.TryTake(out var next))
            {
                await recorder.AddAsync(await SendOrHandBackAsync(next, held, stopping));
            }
        }
    }

    private async Task<SendOutcome> SendOrHandBackAsync(QueuedSend next, HeldSends held, CancellationToken stopping)
    {
        try
        {
            // Nothing new goes out while its outcome could not be written.
            await outage.WaitUntilOverAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return HandBack(next.Send.Send);
        }

        return stopping.IsCancellationRequested || !held.MaySend(next.Send, time.GetUtcNow())
            ? HandBack(next.Send.Send)
            : await SendAsync(next.Campaign, next.Send, held, stopping);
    }

    /// <summary>Back to the queue unsent, the attempt not counted. Fenced like every outcome: if another worker holds the row now, this changes nothing.</summary>
    private SendOutcome HandBack(ClaimedSend send) => SendOutcome.Retry(send, time.GetUtcNow(), time.GetUtcNow(), null, refund: true);

    private async Task<SendOutcome> SendAsync(CampaignComposer campaign, HeldSend held, HeldSends allHeld, CancellationToken stopping)
    {
        var send = held.Send;
        var (message, errors) = messages.Compose(campaign, send, CancellationToken.None);
        if (message is null)
        {
            var error = errors[0];
            return SendOutcome.Failed(send, time.GetUtcNow(), $"Template error in the {error.Part}, line {error.Line}, column {error.Column}: {error.Message}");
        }

        // Disposed when done with: MimeKit's messages and parts have finalizers, which would carry
        // every message through a second collection and the finalizer thread.
        using var composed = message;
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
                var now = time.GetUtcNow();
                var next = _rules.NextTryWithoutServer(now, servers.NextProbeAt(), someRefused: tried.Count > 0, Random.Shared.NextDouble());
                return SendOutcome.Retry(send, now, next, lastError, refund: true);
            }

            using (slot)
            {
                // The wait for the pace may have been long: a row whose lease is running out is
                // not sent, as another worker may claim it at any moment.
                if (!allHeld.MaySend(held, time.GetUtcNow()))
                {
                    return SendOutcome.Retry(send, time.GetUtcNow(), time.GetUtcNow(), lastError, refund: true);
                }

                SendVerdict verdict;
                Delivery? delivery = null;
                var reply = "";
                try
                {
                    // Once on the wire a message is finished, not abandoned, even when shutting down.
                    delivery = await slot.Server.SendAsync(message, CancellationToken.None);
                    verdict = _rules.After(delivery, send.Attempts, Random.Shared.NextDouble());
                    reply = delivery.Reply;
                }
                catch (ServerUnavailableException exception)
                {
                    verdict = SendingRules.AfterUnavailable(exception);
                    LogServerUnavailable(send.Id, send.CampaignId, slot.Server.Name, exception.Message);
                }

                var at = time.GetUtcNow();
                var messageId = messages.MessageIdFor(send);
                switch (verdict)
                {
                    case SendVerdict.Sent:
                        return SendOutcome.Sent(send, at, messageId, slot.Server.Name, reply);
                    case SendVerdict.Failed failed:
                        return SendOutcome.Failed(send, at, failed.Error, messageId, slot.Server.Name, rejected: delivery is Delivery.Rejected);
                    case SendVerdict.RetryLater retry:
                        return SendOutcome.Retry(send, at, at + retry.After, retry.Error, refund: false, slot.Server.Name);
                    case SendVerdict.TryAnotherServer another:
                        if (another.SlowDown)
                        {
                            servers.SlowDown(slot.Server);
                        }

                        tried.Add(slot.Server);
                        lastError = another.Error;
                        continue;
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

    private sealed record QueuedSend(CampaignComposer Campaign, HeldSend Send);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Made {Count} sends pending again: the workers holding them stopped before their lease ran out")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Send {SendId} of campaign {CampaignId}: server {Server} unavailable ({Error}); trying another")]
    private partial void LogServerUnavailable(long sendId, long campaignId, string server, string error);
}
