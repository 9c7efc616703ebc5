using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Reports;

namespace NonprofitPortal.Features.Tracking;

/// <summary>
/// Writes a batch of hits: for each campaign, in one transaction, the events (which of them are
/// firsts decided by <see cref="UniqueHits"/>), the campaign's totals and unique counts, its links'
/// clicks and its hourly activity, through the Campaigns feature that owns those counters.
/// </summary>
public sealed partial class TrackingRecorder(IDbContextFactory<AppDbContext> contextFactory, ILogger<TrackingRecorder> logger)
{
    /// <returns>How many hits were written (those of messages that no longer exist are not).</returns>
    public async Task<int> RecordAsync(IReadOnlyList<TrackingHit> hits, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sendIds = hits.Select(h => h.SendId).Distinct().ToList();
        var sends = await db.EmailSends
            .Where(s => EF.Parameter(sendIds).Contains(s.Id))
            .Select(s => new { s.Id, s.CampaignId, s.NonprofitId })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var written = 0;
        foreach (var campaign in hits.Where(h => sends.ContainsKey(h.SendId)).GroupBy(h => sends[h.SendId].CampaignId).OrderBy(g => g.Key))
        {
            var campaignHits = campaign.OrderBy(h => h.At).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var totals = new CampaignHits(
                Opens: campaignHits.Count(h => h.Kind == TrackingEventKind.Opened), UniqueOpens: 0, Clicks: campaignHits.Count(h => h.Kind == TrackingEventKind.Clicked), UniqueClicks: 0);
            await CampaignFeedback.CountHitsAsync(db, campaign.Key, totals, cancellationToken);

            var ids = campaignHits.Select(h => h.SendId).Distinct().ToList();
            var firsts = await db.TrackingEvents
                .Where(e => EF.Parameter(ids).Contains(e.SendId) && (e.IsFirst || e.IsFirstOnLink))
                .Select(e => new { e.SendId, e.Kind, e.LinkIndex, e.IsFirst, e.IsFirstOnLink })
                .ToListAsync(cancellationToken);
            var counted = UniqueHits.Count(
                campaignHits,
                firsts.Where(e => e.IsFirst && e.Kind == TrackingEventKind.Opened).Select(e => e.SendId).ToHashSet(),
                firsts.Where(e => e.IsFirst && e.Kind == TrackingEventKind.Clicked).Select(e => e.SendId).ToHashSet(),
                firsts.Where(e => e.IsFirstOnLink && e.LinkIndex is not null).Select(e => (e.SendId, e.LinkIndex!.Value)).ToHashSet());

            db.TrackingEvents.AddRange(counted.Select(c => new TrackingEvent
            {
                SendId = c.Hit.SendId,
                CampaignId = campaign.Key,
                NonprofitId = sends[c.Hit.SendId].NonprofitId,
                Kind = c.Hit.Kind,
                LinkIndex = c.Hit.LinkIndex,
                At = c.Hit.At,
                IsFirst = c.Unique,
                IsFirstOnLink = c.UniqueOnLink,
            }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            var firstHits = new CampaignHits(
                Opens: 0, UniqueOpens: counted.Count(c => c.Unique && c.Hit.Kind == TrackingEventKind.Opened), Clicks: 0, UniqueClicks: counted.Count(c => c.Unique && c.Hit.Kind == TrackingEventKind.Clicked));
            await CampaignFeedback.CountHitsAsync(db, campaign.Key, firstHits, cancellationToken);
            foreach (var link in counted.Where(c => c.Hit.LinkIndex is not null).GroupBy(c => c.Hit.LinkIndex!.Value).OrderBy(g => g.Key))
            {
                await CampaignFeedback.CountLinkClicksAsync(db, campaign.Key, link.Key, link.Count(), link.Count(c => c.UniqueOnLink), cancellationToken);
            }

            foreach (var hour in campaignHits.GroupBy(h => ActivityHours.Of(h.At)).OrderBy(g => g.Key))
            {
                var counts = new ActivityCounts(Opens: hour.Count(h => h.Kind == TrackingEventKind.Opened), Clicks: hour.Count(h => h.Kind == TrackingEventKind.Clicked));
                await CampaignActivityCounts.AddAsync(db, campaign.Key, ActivityHours.Start(hour.Key), counts, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            written += campaignHits.Count;
        }

        if (written < hits.Count)
        {
            LogUnknownSends(hits.Count - written);
        }

        return written;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} tracking hits were for messages that no longer exist, and were not recorded")]
    private partial void LogUnknownSends(int count);
}
