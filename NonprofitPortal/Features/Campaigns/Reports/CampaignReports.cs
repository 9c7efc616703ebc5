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
            Delivered(campaign.Sent, campaign.Bounced),
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

    /// <summary>
    /// The campaigns' totals side by side, in the order asked for (unknown ids left out): one query
    /// for their counters and one grouped count of their unsubscribes, however many there are.
    /// </summary>
    public async Task<IReadOnlyList<ComparedCampaign>> CompareAsync(IReadOnlyCollection<long> campaignIds, CancellationToken cancellationToken)
    {
        var ids = campaignIds.Distinct().ToArray();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var campaigns = await db.Campaigns
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.CreatedAt, c.TrackOpens, c.TrackClicks, c.Total, c.Sent, c.Bounced, c.Complained, c.UniqueOpens, c.UniqueClicks })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var unsubscribed = await db.DeliveryEvents
            .Where(e => e.CampaignId != null && ids.Contains(e.CampaignId.Value) && e.Kind == DeliveryEventKind.Unsubscribe)
            .GroupBy(e => e.CampaignId!.Value)
            .Select(g => new { CampaignId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CampaignId, g => g.Count, cancellationToken);
        return ids
            .Where(campaigns.ContainsKey)
            .Select(id => campaigns[id])
            .Select(c => new ComparedCampaign(
                c.Id, c.Name, c.CreatedAt, c.TrackOpens, c.TrackClicks, c.Total, Delivered(c.Sent, c.Bounced), c.Bounced, c.Complained,
                unsubscribed.GetValueOrDefault(c.Id), c.UniqueOpens, c.UniqueClicks))
            .ToList();
    }

    private static int Delivered(int sent, int bounced) => Math.Max(0, sent - bounced);
}
