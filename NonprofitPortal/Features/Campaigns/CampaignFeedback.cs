using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns.Reports;

namespace NonprofitPortal.Features.Campaigns;

/// <summary>Campaigns own their counters: what recipients' servers and recipients said after sending moves them here.</summary>
public static class CampaignFeedback
{
    /// <summary>
    /// Adds to a campaign's bounced and complained counters, and to the hour of <paramref name="at"/>,
    /// inside the caller's transaction, with the event that explains them.
    /// </summary>
    public static async Task CountAsync(AppDbContext db, long campaignId, int bounced, int complained, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await db.Campaigns
            .Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(c => c
                .SetProperty(x => x.Bounced, x => x.Bounced + bounced)
                .SetProperty(x => x.Complained, x => x.Complained + complained), cancellationToken);
        await CampaignActivityCounts.AddAsync(db, campaignId, at, new ActivityCounts(Bounced: bounced, Complained: complained), cancellationToken);
    }

    /// <summary>
    /// Adds opens and clicks to the campaign's totals, and messages opened or clicked for the first
    /// time to its unique counts. A batch of hits calls it first with its totals alone, as the first
    /// statement of its transaction: that holds the campaign's row, so that batches written by several
    /// nodes for one campaign go one after the other and each sees which messages the others counted;
    /// then, in the same transaction, with the firsts it found.
    /// </summary>
    public static Task CountHitsAsync(AppDbContext db, long campaignId, CampaignHits hits, CancellationToken cancellationToken) =>
        db.Campaigns
            .Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(c => c
                .SetProperty(x => x.Opens, x => x.Opens + hits.Opens)
                .SetProperty(x => x.Clicks, x => x.Clicks + hits.Clicks)
                .SetProperty(x => x.UniqueOpens, x => x.UniqueOpens + hits.UniqueOpens)
                .SetProperty(x => x.UniqueClicks, x => x.UniqueClicks + hits.UniqueClicks), cancellationToken);

    /// <summary>Adds clicks to one of the campaign's links.</summary>
    public static Task CountLinkClicksAsync(AppDbContext db, long campaignId, int linkIndex, int clicks, int uniqueClicks, CancellationToken cancellationToken) =>
        db.CampaignLinks
            .Where(l => l.CampaignId == campaignId && l.LinkIndex == linkIndex)
            .ExecuteUpdateAsync(l => l
                .SetProperty(x => x.Clicks, x => x.Clicks + clicks)
                .SetProperty(x => x.UniqueClicks, x => x.UniqueClicks + uniqueClicks), cancellationToken);
}
