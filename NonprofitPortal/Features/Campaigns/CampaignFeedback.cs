using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Campaigns;

/// <summary>Campaigns own their counters: what recipients' servers and recipients said after sending moves them here.</summary>
public static class CampaignFeedback
{
    /// <summary>Adds to a campaign's bounced and complained counters inside the caller's transaction, with the event that explains them.</summary>
    public static Task CountAsync(AppDbContext db, long campaignId, int bounced, int complained, CancellationToken cancellationToken) =>
        db.Campaigns
            .Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(c => c
                .SetProperty(x => x.Bounced, x => x.Bounced + bounced)
                .SetProperty(x => x.Complained, x => x.Complained + complained), cancellationToken);
}
