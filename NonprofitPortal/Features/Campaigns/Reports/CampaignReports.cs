using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Bounces;

namespace NonprofitPortal.Features.Campaigns.Reports;

/// <summary>
/// Reads a campaign's report from what is kept aggregated as it happens: the campaign's counters,
/// one <see cref="CampaignActivity"/> row per hour and one row per link, never a row per message
/// or per event (unsubscribes are counted on <c>DeliveryEvents (CampaignId, Kind)</c>).
/// </summary>
public sealed class CampaignReports(IDbContextFactory<AppDbContext> contextFactory)
{
    public async Task<CampaignReport?> FindAsync(long campaignId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns
            .Where(c => c.Id == campaignId)
            .Select(c => new { c.Name, c.Sent, c.Bounced, c.Complained, c.Opens, c.Clicks, c.UniqueOpens, c.UniqueClicks })
            .SingleOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var unsubscribed = await db.DeliveryEvents.CountAsync(e => e.CampaignId == campaignId && e.Kind == DeliveryEventKind.Unsubscribe, cancellationToken);
        var hours = await db.CampaignActivity
            .Where(a => a.CampaignId == campaignId)
            .OrderBy(a => a.Hour)
            .Select(a => new { a.Hour, a.Sent, a.Opens, a.Clicks, a.Bounced })
            .ToListAsync(cancellationToken);
        var links = await db.CampaignLinks
            .Where(l => l.CampaignId == campaignId)
            .OrderBy(l => l.LinkIndex)
            .Select(l => new ReportLink(l.Url, l.Clicks, l.UniqueClicks))
            .ToListAsync(cancellationToken);
        return new CampaignReport(
            campaignId,
            campaign.Name,
            Math.Max(0, campaign.Sent - campaign.Bounced),
            campaign.Bounced,
            campaign.Complained,
            unsubscribed,
            campaign.Opens,
            campaign.Clicks,
            campaign.UniqueOpens,
            campaign.UniqueClicks,
            hours.Select(h => new ReportHour(ActivityHours.Start(h.Hour), h.Sent, h.Opens, h.Clicks, h.Bounced)).ToList(),
            links);
    }
}
