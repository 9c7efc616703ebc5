using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Campaigns;

/// <summary>
/// A safety net for the completion the drain records with each batch's outcomes: a queued or
/// sending campaign whose counters account for every message and which has no row left to send
/// or in flight is finished. Both are checked, so a campaign is never finished while a message
/// may still go out.
/// </summary>
public sealed partial class CampaignHousekeeping(IDbContextFactory<AppDbContext> contextFactory, TimeProvider time, ILogger<CampaignHousekeeping> logger)
{
    public async Task<int> FinishSettledAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var finished = await db.Campaigns
            .Where(c => (c.Status == CampaignStatus.Queued || c.Status == CampaignStatus.Sending)
                && c.Sent + c.Failed + c.Skipped >= c.Total
                && !db.EmailSends.Any(s => s.CampaignId == c.Id && (s.Status == SendStatus.Pending || s.Status == SendStatus.Sending)))
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, CampaignStatus.Completed).SetProperty(x => x.CompletedAt, now), cancellationToken);
        if (finished > 0)
        {
            LogFinished(finished);
        }

        return finished;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finished {Count} campaigns that had nothing left to send but were still marked as sending")]
    private partial void LogFinished(int count);
}
