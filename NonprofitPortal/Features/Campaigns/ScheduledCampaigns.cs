using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Sending;

namespace NonprofitPortal.Features.Campaigns;

/// <summary>
/// Starts the scheduled campaigns whose time has come. Every node may run this at the same moment:
/// the change from Scheduled is conditional, so each campaign starts once, with one audit entry.
/// </summary>
public sealed partial class ScheduledCampaigns(
    IDbContextFactory<AppDbContext> contextFactory,
    SendingTrigger trigger,
    AuditLog auditLog,
    TimeProvider time,
    ILogger<ScheduledCampaigns> logger)
{
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
}
