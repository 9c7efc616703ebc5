using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Operations;
using NonprofitPortal.Features.Sending;

namespace NonprofitPortal.Features.Campaigns.Approval;

/// <summary>
/// Approving and rejecting campaigns that wait for an approver. Each change is conditional on
/// the campaign still awaiting approval, so of two approvers clicking at once one wins and the
/// other is told it was reviewed already.
/// </summary>
public sealed partial class CampaignApprovals(
    IDbContextFactory<AppDbContext> contextFactory,
    SendingTrigger trigger,
    AuditLog auditLog,
    AccountEmails emails,
    PublicAddress publicAddress,
    TimeProvider time,
    ILogger<CampaignApprovals> logger)
{
    /// <summary>How long a sender's rejected campaigns stay on their dashboard.</summary>
    public static readonly TimeSpan RejectionsShownFor = TimeSpan.FromDays(14);

    public static bool MayApprove(ClaimsPrincipal user) => user.HasClaim(Permissions.ClaimType, Permissions.CampaignsApprove);

    /// <returns>The status it moved to: scheduled when its send time is still ahead, otherwise queued.</returns>
    public async Task<OperationResult<CampaignStatus>> ApproveAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reviewer = Actor.From(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await RefusalAsync(db, id, reviewer, user, cancellationToken) is { } refused)
        {
            return OperationResult<CampaignStatus>.From(refused);
        }

        var now = time.GetUtcNow();
        var scheduledAt = await db.Campaigns.Where(c => c.Id == id).Select(c => c.ScheduledAt).SingleAsync(cancellationToken);
        var to = ApprovalRules.ApprovedStatus(scheduledAt, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await ReviewAsync(db, id, reviewer, to, reason: null, now, cancellationToken) is { } lost)
        {
            return OperationResult<CampaignStatus>.From(lost);
        }

        var name = await db.Campaigns.Where(c => c.Id == id).Select(c => c.Name).SingleAsync(cancellationToken);
        auditLog.Add(db, reviewer, CampaignAuditActions.Approved, name, $"campaign {id}, now {CampaignStatusText.Of(to)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogApproved(id, reviewer.Name);
        if (to == CampaignStatus.Queued)
        {
            await trigger.WakeAsync(cancellationToken);
        }

        return OperationResult<CampaignStatus>.Ok(to);
    }

    /// <summary>Rejects the campaign with a reason the sender reads; its unsent messages are removed, and the sender is told by email.</summary>
    public async Task<OperationResult> RejectAsync(long id, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (ApprovalRules.ReasonProblem(reason) is { } problem)
        {
            return OperationResult.Invalid("reason", problem);
        }

        var reviewer = Actor.From(user);
        var why = reason!.Trim();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await RefusalAsync(db, id, reviewer, user, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await ReviewAsync(db, id, reviewer, CampaignStatus.Rejected, why, now, cancellationToken) is { } lost)
        {
            return lost;
        }

        // Nothing of a rejected campaign will ever go: its queue rows go with the decision.
        await db.EmailSends.Where(s => s.CampaignId == id && s.Status == SendStatus.Pending).ExecuteDeleteAsync(cancellationToken);
        var campaign = await db.Campaigns.Where(c => c.Id == id).Select(c => new { c.Name, c.CreatedById }).SingleAsync(cancellationToken);
        auditLog.Add(db, reviewer, CampaignAuditActions.Rejected, campaign.Name, $"campaign {id}: {why}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRejected(id, reviewer.Name);

        var senderEmail = await db.Users.Where(u => u.Id == campaign.CreatedById).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (senderEmail is not null)
        {
            await TellSenderAsync(senderEmail, id, campaign.Name, reviewer.Name, why, cancellationToken);
        }

        return OperationResult.Ok();
    }

    /// <summary>The campaigns waiting for an approver, oldest first, except those <paramref name="user"/> launched.</summary>
    public async Task<IReadOnlyList<CampaignAwaitingReview>> AwaitingAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = Actor.From(user).Id;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Campaigns
            .Where(c => c.Status == CampaignStatus.AwaitingApproval && c.CreatedById != userId)
            .OrderBy(c => c.Id)
            .Select(c => new CampaignAwaitingReview(c.Id, c.Name, c.CreatedBy, c.CreatedAt, c.Total, c.ScheduledAt, null))
            .ToListAsync(cancellationToken);
    }

    /// <summary><paramref name="user"/>'s campaigns waiting for approval, and those rejected lately with the reasons, newest first.</summary>
    public async Task<IReadOnlyList<CampaignAwaitingReview>> MineAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = Actor.From(user).Id;
        var since = time.GetUtcNow() - RejectionsShownFor;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Campaigns
            .Where(c => c.CreatedById == userId
                && (c.Status == CampaignStatus.AwaitingApproval || (c.Status == CampaignStatus.Rejected && c.ReviewedAt >= since)))
            .OrderByDescending(c => c.Id)
            .Select(c => new CampaignAwaitingReview(c.Id, c.Name, c.CreatedBy, c.CreatedAt, c.Total, c.ScheduledAt,
                c.ReviewedBy == null ? null : new CampaignReview(c.ReviewedBy, c.ReviewedAt!.Value, c.RejectionReason)))
            .ToListAsync(cancellationToken);
    }

    private static async Task<OperationResult?> RefusalAsync(AppDbContext db, long id, Actor reviewer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.Where(c => c.Id == id).Select(c => new { c.Status, c.CreatedById }).SingleOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return OperationResult.NotFound("That campaign does not exist.");
        }

        var verdict = ApprovalRules.Review(campaign.Status, campaign.CreatedById, reviewer.Id, MayApprove(user));
        return verdict == ApprovalVerdict.Allowed ? null : OperationResult.Conflict(ApprovalRules.Explain(verdict, campaign.Status));
    }

    /// <summary>The conditional change itself: null when this reviewer made it, otherwise why not (another reviewer, or a cancel, came first).</summary>
    private static async Task<OperationResult?> ReviewAsync(
        AppDbContext db, long id, Actor reviewer, CampaignStatus to, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = await db.Campaigns
            .Where(c => c.Id == id && c.Status == CampaignStatus.AwaitingApproval && c.CreatedById != reviewer.Id)
            .ExecuteUpdateAsync(c => c
                .SetProperty(x => x.Status, to)
                .SetProperty(x => x.ReviewedById, reviewer.Id)
                .SetProperty(x => x.ReviewedBy, reviewer.Name)
                .SetProperty(x => x.ReviewedAt, now)
                .SetProperty(x => x.RejectionReason, reason)
                .SetProperty(x => x.CompletedAt, x => to == CampaignStatus.Rejected ? now : x.CompletedAt), cancellationToken);
        if (changed == 1)
        {
            return null;
        }

        var current = await db.Campaigns.Where(c => c.Id == id).Select(c => c.Status).SingleAsync(cancellationToken);
        return OperationResult.Conflict(ApprovalRules.Explain(ApprovalVerdict.NotAwaiting, current));
    }

    private async Task TellSenderAsync(string to, long id, string name, string rejectedBy, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await emails.SendCampaignRejectedAsync(to, name, rejectedBy, reason, publicAddress.Link($"campaigns/{id}"), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The rejection stands and shows on the sender's dashboard and the campaign's page; the mail is a courtesy.
            LogNotTold(exception, id, to);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} approved by {User}")]
    private partial void LogApproved(long campaignId, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} rejected by {User}")]
    private partial void LogRejected(long campaignId, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId} was rejected, but telling its sender {Email} by mail failed")]
    private partial void LogNotTold(Exception exception, long campaignId, string email);
}
