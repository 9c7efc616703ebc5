using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns.Approval;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Tracking;
using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Features.Campaigns;

/// <summary>Reads campaigns and steers them: pause, resume, cancel, retry what failed.</summary>
public sealed class CampaignService(
    IDbContextFactory<AppDbContext> contextFactory,
    CampaignRates rates,
    SendingTrigger trigger,
    AuditLog auditLog,
    WebhookOutbox webhooks,
    TimeProvider time)
{
    public async Task<PagedResult<CampaignSummary>> ListAsync(CampaignStatus? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var campaigns = status is { } only ? db.Campaigns.Where(c => c.Status == only) : db.Campaigns;
        var total = await campaigns.CountAsync(cancellationToken);
        var rows = await campaigns
            .OrderByDescending(c => c.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(Row)
            .ToListAsync(cancellationToken);
        return new PagedResult<CampaignSummary>(rows.Select(Summary).ToList(), total);
    }

    /// <summary>Campaigns that are queued, sending or paused, oldest first.</summary>
    public async Task<IReadOnlyList<CampaignSummary>> UnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Campaigns
            .Where(c => c.Status == CampaignStatus.Queued || c.Status == CampaignStatus.Sending || c.Status == CampaignStatus.Paused)
            .OrderBy(c => c.Id)
            .Select(Row)
            .ToListAsync(cancellationToken);
        return rows.Select(Summary).ToList();
    }

    /// <summary>
    /// Sent and failed counts of the campaigns launched since <paramref name="since"/>, except those
    /// in <paramref name="except"/>. By launch time, which is indexed: a campaign that runs past
    /// midnight counts on the day it was launched.
    /// </summary>
    public async Task<CampaignTotals> TotalsLaunchedSinceAsync(DateTimeOffset since, IReadOnlyCollection<long> except, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var excluded = except.ToArray();
        var counters = await db.Campaigns
            .Where(c => c.CreatedAt >= since && !excluded.Contains(c.Id))
            .Select(c => new { c.Sent, c.Failed })
            .ToListAsync(cancellationToken);
        return new CampaignTotals(counters.Sum(c => c.Sent), counters.Sum(c => c.Failed));
    }

    public async Task<CampaignDetails?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return campaign is null ? null : new CampaignDetails(
            campaign.Id, campaign.Name, campaign.DraftId, campaign.SubjectTemplate, campaign.ContentTemplate ?? campaign.BodyTemplate, campaign.Cc,
            campaign.SenderName, campaign.SenderEmail, campaign.CreatedBy, campaign.CreatedAt, ProgressOf(RowOf(campaign)))
        {
            LayoutName = campaign.LayoutName,
            Tracking = new TrackingChoice(campaign.TrackOpens, campaign.TrackClicks),
            Hits = new CampaignHits(campaign.Opens, campaign.UniqueOpens, campaign.Clicks, campaign.UniqueClicks),
            CreatedById = campaign.CreatedById,
            Review = campaign is { ReviewedBy: { } by, ReviewedAt: { } at } ? new CampaignReview(by, at, campaign.RejectionReason) : null,
        };
    }

    /// <summary>One row read by its key: cheap enough to call every second while someone watches.</summary>
    public async Task<CampaignProgress?> ProgressAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Campaigns.Where(c => c.Id == id).Select(Row).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ProgressOf(row);
    }

    public async Task<PagedResult<FailedSend>> FailuresAsync(long campaignId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var failed = db.EmailSends.Where(s => s.CampaignId == campaignId && s.Status == SendStatus.Failed);
        var total = await failed.CountAsync(cancellationToken);
        var items = await failed
            .OrderBy(s => s.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(s => new FailedSend(s.Id, s.Name, s.Email, s.Attempts, s.LastError, s.ServerName))
            .ToListAsync(cancellationToken);
        return new PagedResult<FailedSend>(items, total);
    }

    public Task<OperationResult> PauseAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, CampaignRules.CanPause, CampaignStatus.Paused, CampaignAuditActions.Paused, user, cancellationToken);

    public async Task<OperationResult> ResumeAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var resumed = await ChangeStatusAsync(id, CampaignRules.CanResume, CampaignStatus.Sending, CampaignAuditActions.Resumed, user, cancellationToken);
        if (resumed.Succeeded)
        {
            await trigger.WakeAsync(cancellationToken);
        }

        return resumed;
    }

    public Task<OperationResult> CancelAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, CampaignRules.CanCancel, CampaignStatus.Cancelled, CampaignAuditActions.Cancelled, user, cancellationToken);

    /// <summary>Makes every failed message of the campaign pending again, with its attempts starting over.</summary>
    public async Task<OperationResult<int>> RetryFailedAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Name, c.Status, c.Failed }).SingleOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return OperationResult<int>.From(NotFound());
        }

        if (!CampaignRules.CanRetryFailed(campaign.Status, campaign.Failed))
        {
            return OperationResult<int>.From(OperationResult.Conflict(campaign.Failed == 0
                ? "Nothing to retry: no message of this campaign has failed."
                : "This campaign was cancelled; its failed messages stay failed."));
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var retried = await db.EmailSends
            .Where(s => s.CampaignId == id && s.Status == SendStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SendStatus.Pending).SetProperty(x => x.Attempts, 0).SetProperty(x => x.NextAttemptAt, now), cancellationToken);
        await db.Campaigns
            .Where(c => c.Id == id)
            .ExecuteUpdateAsync(c => c
                .SetProperty(x => x.Failed, x => x.Failed - retried)
                .SetProperty(x => x.Status, x => x.Status == CampaignStatus.Completed ? CampaignStatus.Sending : x.Status)
                .SetProperty(x => x.CompletedAt, (DateTimeOffset?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await auditLog.RecordAsync(Actor.From(user), CampaignAuditActions.RetriedFailed, campaign.Name, $"campaign {id}, {retried:N0} messages", cancellationToken);
        await trigger.WakeAsync(cancellationToken);
        return OperationResult<int>.Ok(retried);
    }

    private async Task<OperationResult> ChangeStatusAsync(
        long id, Func<CampaignStatus, bool> allowed, CampaignStatus to, string auditAction, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Name, c.Status }).SingleOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        var from = campaign.Status;
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = allowed(from) && await db.Campaigns
            .Where(c => c.Id == id && c.Status == from)
            .ExecuteUpdateAsync(c => c
                .SetProperty(x => x.Status, to)
                .SetProperty(x => x.CompletedAt, x => to == CampaignStatus.Cancelled ? now : x.CompletedAt), cancellationToken) == 1;
        if (!changed)
        {
            var current = await db.Campaigns.Where(c => c.Id == id).Select(c => c.Status).SingleAsync(cancellationToken);
            return OperationResult.Conflict($"This campaign is {CampaignStatusText.Of(current)}: it cannot be {Verb(to)} now.");
        }

        if (to == CampaignStatus.Cancelled && await webhooks.CampaignAsync(db, WebhookEventTypes.CampaignCancelled, id, cancellationToken) > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        await auditLog.RecordAsync(Actor.From(user), auditAction, campaign.Name, $"campaign {id}", cancellationToken);
        return OperationResult.Ok();
    }

    private static string Verb(CampaignStatus to) => to switch
    {
        CampaignStatus.Paused => "paused",
        CampaignStatus.Sending => "resumed",
        _ => "cancelled",
    };

    private static OperationResult NotFound() => OperationResult.NotFound("That campaign does not exist.");

    private static readonly Expression<Func<Campaign, CampaignRow>> Row = c => new CampaignRow(
        c.Id, c.Name, c.CreatedBy, c.CreatedAt, c.Status, c.Total, c.Sent, c.Failed, c.Skipped, c.StartedAt, c.CompletedAt, c.ScheduledAt, c.Bounced, c.Complained,
        c.TrackOpens, c.TrackClicks);

    private static CampaignRow RowOf(Campaign c) =>
        new(c.Id, c.Name, c.CreatedBy, c.CreatedAt, c.Status, c.Total, c.Sent, c.Failed, c.Skipped, c.StartedAt, c.CompletedAt, c.ScheduledAt, c.Bounced, c.Complained,
            c.TrackOpens, c.TrackClicks);

    private CampaignSummary Summary(CampaignRow row) =>
        new(row.Id, row.Name, row.CreatedBy, row.CreatedAt, ProgressOf(row)) { Tracking = new TrackingChoice(row.TrackOpens, row.TrackClicks) };

    private CampaignProgress ProgressOf(CampaignRow c) => new(
        c.Id, c.Status, c.Total, c.Sent, c.Failed, c.Skipped, c.StartedAt, c.CompletedAt,
        rates.Observe(c.Id, c.Sent + c.Failed + c.Skipped, c.StartedAt, c.CompletedAt), c.ScheduledAt, c.Bounced, c.Complained);

    /// <summary>The columns lists and progress need: never the templates, which may be large.</summary>
    private sealed record CampaignRow(
        long Id, string Name, string CreatedBy, DateTimeOffset CreatedAt, CampaignStatus Status,
        int Total, int Sent, int Failed, int Skipped, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, DateTimeOffset? ScheduledAt,
        int Bounced, int Complained, bool TrackOpens, bool TrackClicks);
}
