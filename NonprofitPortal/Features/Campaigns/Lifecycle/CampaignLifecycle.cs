using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns.Reports;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Features.Campaigns.Lifecycle;

/// <summary>
/// The one owner of how a campaign moves as its messages go out: scheduled → queued when its time
/// comes, queued → sending on its first claim, → completed once nothing is left. Sending calls it
/// (inside its own transactions where the change must go with the rows) and never writes a
/// campaign's status or counters itself. Pause, resume and cancel are staff's, in <see cref="CampaignService"/>.
/// </summary>
public sealed partial class CampaignLifecycle(
    IDbContextFactory<AppDbContext> contextFactory,
    SendingTrigger trigger,
    AuditLog auditLog,
    WebhookOutbox webhooks,
    TimeProvider time,
    ILogger<CampaignLifecycle> logger)
{
    /// <summary>
    /// The one completion rule: a campaign that is queued, sending or paused is finished when its
    /// counters account for every message and no row of it is left to send or in flight (so it is
    /// never finished while a message may still go out).
    /// </summary>
    private static Expression<Func<Campaign, bool>> IsSettled(AppDbContext db) => c =>
        (c.Status == CampaignStatus.Queued || c.Status == CampaignStatus.Sending || c.Status == CampaignStatus.Paused)
        && c.Sent + c.Failed + c.Skipped >= c.Total
        && !db.EmailSends.Any(s => s.CampaignId == c.Id && (s.Status == SendStatus.Pending || s.Status == SendStatus.Sending));

    /// <summary>The first claim of a campaign's rows starts it (also one paused before it ever started, then resumed).</summary>
    /// <param name="db">The claim's context: the change is part of the claim.</param>
    public static async Task MarkStartedAsync(AppDbContext db, WebhookOutbox webhooks, long campaignId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var started = await db.Campaigns
            .Where(c => c.Id == campaignId && c.StartedAt == null)
            .ExecuteUpdateAsync(c => c
                .SetProperty(x => x.Status, x => x.Status == CampaignStatus.Queued ? CampaignStatus.Sending : x.Status)
                .SetProperty(x => x.StartedAt, now), cancellationToken);
        if (started == 1 && await webhooks.CampaignAsync(db, WebhookEventTypes.CampaignStarted, campaignId, cancellationToken) > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Moves the counters (and this hour's activity) by what a batch of outcomes did, and completes the campaign if nothing is left.</summary>
    /// <param name="db">A context inside the transaction that records the outcomes: counters and rows change together.</param>
    public static async Task CountAsync(AppDbContext db, WebhookOutbox webhooks, long campaignId, int sent, int failed, int skipped, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Campaigns
            .Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(c => c
                .SetProperty(x => x.Sent, x => x.Sent + sent)
                .SetProperty(x => x.Failed, x => x.Failed + failed)
                .SetProperty(x => x.Skipped, x => x.Skipped + skipped), cancellationToken);
        await CampaignActivityCounts.AddAsync(db, campaignId, now, new ActivityCounts(Sent: sent, Failed: failed), cancellationToken);
        await CompleteIfSettledAsync(db, webhooks, campaignId, now, cancellationToken);
    }

    /// <returns>Whether this call completed the campaign.</returns>
    private static async Task<bool> CompleteIfSettledAsync(AppDbContext db, WebhookOutbox webhooks, long campaignId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var completed = await db.Campaigns
            .Where(c => c.Id == campaignId)
            .Where(IsSettled(db))
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, CampaignStatus.Completed).SetProperty(x => x.CompletedAt, now), cancellationToken) == 1;
        if (completed && await webhooks.CampaignAsync(db, WebhookEventTypes.CampaignCompleted, campaignId, cancellationToken) > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return completed;
    }

    /// <summary>
    /// A safety net for the completion recorded with each batch: finishes any campaign the rule
    /// says is settled (say a node stopped between its last outcomes and their completion check).
    /// </summary>
    public async Task<int> FinishSettledAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settled = await db.Campaigns.Where(IsSettled(db)).Select(c => c.Id).ToListAsync(cancellationToken);
        var finished = 0;
        foreach (var campaignId in settled)
        {
            // One transaction each, so that each completion goes with its webhook event.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await CompleteIfSettledAsync(db, webhooks, campaignId, now, cancellationToken))
            {
                finished++;
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (finished > 0)
        {
            LogFinished(finished);
        }

        return finished;
    }

    /// <summary>
    /// Starts the scheduled campaigns whose time has come. Every node may run this at the same
    /// moment: the change from Scheduled is conditional, so each campaign starts once, with one audit entry.
    /// </summary>
    /// <returns>How many campaigns this call started (not those another node started).</returns>
    public async Task<int> StartDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Campaigns
            .Where(c => c.Status == CampaignStatus.Scheduled && c.ScheduledAt <= now)
            .OrderBy(c => c.ScheduledAt)
            .Select(c => new { c.Id, c.Name, c.ScheduledAt })
            .ToListAsync(cancellationToken);

        var started = 0;
        foreach (var campaign in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = await db.Campaigns
                .Where(c => c.Id == campaign.Id && c.Status == CampaignStatus.Scheduled)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, CampaignStatus.Queued), cancellationToken);
            if (changed == 0)
            {
                // Cancelled meanwhile, or started by another node.
                continue;
            }

            auditLog.Add(db, Actor.System, CampaignAuditActions.Started, campaign.Name, $"campaign {campaign.Id}, scheduled for {campaign.ScheduledAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            LogStarted(campaign.Id, campaign.ScheduledAt.Value);
            started++;
        }

        if (started > 0)
        {
            await trigger.WakeAsync(cancellationToken);
        }

        return started;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} scheduled for {ScheduledAt:u} started")]
    private partial void LogStarted(long campaignId, DateTimeOffset scheduledAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finished {Count} campaigns that had nothing left to send but were still marked as sending")]
    private partial void LogFinished(int count);
}
