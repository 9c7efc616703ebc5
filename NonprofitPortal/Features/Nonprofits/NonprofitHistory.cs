using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Nonprofits;

/// <summary>
/// What happened to the mail sent to one nonprofit, newest first. Each kind of entry is read from
/// the table that holds it (sends, delivery events, tracking events), newest first and no more than
/// asked for, then merged.
/// </summary>
public sealed class NonprofitHistory(IDbContextFactory<AppDbContext> contextFactory)
{
    public const int DefaultLimit = 200;

    /// <summary>The nonprofit's latest <paramref name="limit"/> entries; null when it does not exist.</summary>
    public async Task<IReadOnlyList<NonprofitEvent>?> EventsAsync(long nonprofitId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Nonprofits.AnyAsync(n => n.Id == nonprofitId, cancellationToken))
        {
            return null;
        }

        var entries = new List<NonprofitEvent>();
        entries.AddRange(await SentAsync(db, nonprofitId, limit, cancellationToken));
        entries.AddRange(await FailedAsync(db, nonprofitId, limit, cancellationToken));
        entries.AddRange(await DeliveryEventsAsync(db, nonprofitId, limit, cancellationToken));
        entries.AddRange(await TrackingEventsAsync(db, nonprofitId, limit, cancellationToken));
        return entries.OrderByDescending(e => e.At).Take(limit).ToList();
    }

    private static async Task<IEnumerable<NonprofitEvent>> SentAsync(AppDbContext db, long nonprofitId, int limit, CancellationToken cancellationToken) =>
        (await db.EmailSends
            .Where(s => s.NonprofitId == nonprofitId && s.Status == SendStatus.Sent && s.SentAt != null)
            .OrderByDescending(s => s.SentAt)
            .Take(limit)
            .Select(s => new { At = s.SentAt!.Value, s.CampaignId, s.ServerReply })
            .ToListAsync(cancellationToken))
        .Select(s => new NonprofitEvent(s.At, NonprofitEventTypes.Sent, s.CampaignId, s.ServerReply));

    /// <summary>A failed message has no time of its own: its last attempt was due at <see cref="EmailSend.NextAttemptAt"/>.</summary>
    private static async Task<IEnumerable<NonprofitEvent>> FailedAsync(AppDbContext db, long nonprofitId, int limit, CancellationToken cancellationToken) =>
        (await db.EmailSends
            .Where(s => s.NonprofitId == nonprofitId && s.Status == SendStatus.Failed)
            .OrderByDescending(s => s.NextAttemptAt)
            .Take(limit)
            .Select(s => new { s.NextAttemptAt, s.CampaignId, s.LastError })
            .ToListAsync(cancellationToken))
        .Select(s => new NonprofitEvent(s.NextAttemptAt, NonprofitEventTypes.Failed, s.CampaignId, s.LastError));

    private static async Task<IEnumerable<NonprofitEvent>> DeliveryEventsAsync(AppDbContext db, long nonprofitId, int limit, CancellationToken cancellationToken) =>
        (await db.DeliveryEvents
            .Where(e => e.NonprofitId == nonprofitId)
            .OrderByDescending(e => e.At)
            .Take(limit)
            .Select(e => new { e.At, e.Kind, e.CampaignId, e.Detail, e.Source })
            .ToListAsync(cancellationToken))
        .Select(e => new NonprofitEvent(e.At, TypeOf(e.Kind), e.CampaignId, Describe(e.Kind, e.Detail, e.Source)));

    /// <summary>Every open and click, repeats included, on <c>TrackingEvents (NonprofitId, At)</c>; a click says which link.</summary>
    private static async Task<IEnumerable<NonprofitEvent>> TrackingEventsAsync(AppDbContext db, long nonprofitId, int limit, CancellationToken cancellationToken) =>
        (await db.TrackingEvents
            .Where(e => e.NonprofitId == nonprofitId)
            .OrderByDescending(e => e.At)
            .Take(limit)
            .Select(e => new
            {
                e.At,
                e.Kind,
                e.CampaignId,
                Url = db.CampaignLinks.Where(l => l.CampaignId == e.CampaignId && l.LinkIndex == e.LinkIndex).Select(l => l.Url).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken))
        .Select(e => e.Kind == TrackingEventKind.Clicked
            ? new NonprofitEvent(e.At, NonprofitEventTypes.Clicked, e.CampaignId, e.Url)
            : new NonprofitEvent(e.At, NonprofitEventTypes.Opened, e.CampaignId, "The message's image was loaded: opened, or fetched by the mail client on its own"));

    private static string TypeOf(DeliveryEventKind kind) => kind switch
    {
        DeliveryEventKind.HardBounce or DeliveryEventKind.SoftBounce => NonprofitEventTypes.Bounced,
        DeliveryEventKind.Complaint => NonprofitEventTypes.Complained,
        _ => NonprofitEventTypes.Unsubscribed,
    };

    private static string Describe(DeliveryEventKind kind, string detail, string source) => kind switch
    {
        DeliveryEventKind.HardBounce => $"Hard bounce ({source}): {detail}",
        DeliveryEventKind.SoftBounce => $"Soft bounce ({source}): {detail}",
        _ => $"{detail} ({source})",
    };
}
