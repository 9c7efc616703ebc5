using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Campaigns.Sends.Search;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Campaigns.Sends;

/// <summary>
/// The per-recipient log of a campaign: each message with its status, the server's reply, and what
/// was reported about it afterwards. Read a page at a time by key, in send order, on the indexes
/// made for it (<c>EmailSends (CampaignId, Id)</c>, <c>(CampaignId, Status, Id)</c>,
/// <c>(CampaignId, Email)</c>), words through the provider's text index (<see cref="ISendLogSearch"/>);
/// a page's bounces and complaints come from <c>DeliveryEvents (SendId, Kind)</c>, its first opens
/// and clicks from <c>TrackingEvents (SendId, Kind)</c>.
/// </summary>
public sealed class SendLog(IDbContextFactory<AppDbContext> contextFactory, ISendLogSearch search)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    private const int ExportChunk = 1000;

    public async Task<SendLogPage> PageAsync(long campaignId, SendLogFilter filter, long? after, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (await MatchingAsync(db, campaignId, filter, after, limit + 1, cancellationToken))
            .OrderBy(s => s.Id)
            .Take(limit + 1)
            .Select(s => new SendRow(s.Id, s.NonprofitId, s.Name, s.Email, s.Status, s.Attempts, s.ServerName, s.ServerReply, s.LastError, s.SentAt, s.MessageId))
            .ToListAsync(cancellationToken);
        var page = rows.Take(limit).ToList();
        var entries = await WithFeedbackAsync(db, page, cancellationToken);
        return new SendLogPage(entries, rows.Count > limit ? SendLogCursor.Format(page[^1].Id) : null);
    }

    /// <summary>Every recipient the filter covers, in send order, read a chunk at a time (for the CSV export).</summary>
    public async IAsyncEnumerable<SendLogEntry> StreamAsync(long campaignId, SendLogFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? after = null;
        do
        {
            var page = await PageAsync(campaignId, filter, after, ExportChunk, cancellationToken);
            foreach (var entry in page.Items)
            {
                yield return entry;
            }

            after = page.NextCursor is null ? null : page.Items[^1].Id;
        }
        while (after is not null);
    }

    /// <summary>The sends of the page: by the provider's text index for words, else by the campaign's own indexes.</summary>
    private async Task<IQueryable<EmailSend>> MatchingAsync(
        AppDbContext db, long campaignId, SendLogFilter filter, long? after, int take, CancellationToken cancellationToken)
    {
        if (filter.Words is { IsEmpty: false } words)
        {
            var ids = await search.PageAsync(db, campaignId, words, filter.Status, after, take, cancellationToken);
            return db.EmailSends.Where(s => ids.Contains(s.Id));
        }

        var sends = db.EmailSends.Where(s => s.CampaignId == campaignId).Narrowed(filter.Status, after);
        if (filter.IsEmailSearch)
        {
            var email = NonprofitRules.NormalizeEmail(filter.Term!);
            sends = sends.Where(s => s.Email == email);
        }

        return sends;
    }

    private static async Task<IReadOnlyList<SendLogEntry>> WithFeedbackAsync(AppDbContext db, List<SendRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => (long?)r.Id).ToList();
        var events = await db.DeliveryEvents
            .Where(e => ids.Contains(e.SendId) && e.Kind != DeliveryEventKind.Unsubscribe)
            .Select(e => new { SendId = e.SendId!.Value, e.Kind, e.At })
            .ToListAsync(cancellationToken);
        var first = events
            .GroupBy(e => (e.SendId, e.Kind))
            .ToDictionary(g => g.Key, g => g.Min(e => e.At));
        var sendIds = rows.Select(r => r.Id).ToList();
        var hits = await db.TrackingEvents
            .Where(e => sendIds.Contains(e.SendId) && e.IsFirst)
            .Select(e => new { e.SendId, e.Kind, e.At })
            .ToListAsync(cancellationToken);
        var firstHits = hits.GroupBy(e => (e.SendId, e.Kind)).ToDictionary(g => g.Key, g => g.Min(e => e.At));

        return rows.Select(r =>
        {
            var hard = first.GetValueOrDefault((r.Id, DeliveryEventKind.HardBounce));
            var soft = first.GetValueOrDefault((r.Id, DeliveryEventKind.SoftBounce));
            var complained = first.GetValueOrDefault((r.Id, DeliveryEventKind.Complaint));
            return new SendLogEntry(
                r.Id, r.NonprofitId, r.Name, r.Email, r.Status, r.Attempts, r.Server,
                r.Status == SendStatus.Sent ? r.Reply : r.LastError ?? r.Reply,
                r.SentAt, r.MessageId,
                BouncedAt: hard == default ? (soft == default ? null : soft) : hard,
                BounceType: hard != default ? Sends.BounceType.Hard : soft != default ? Sends.BounceType.Soft : null,
                ComplainedAt: complained == default ? null : complained,
                OpenedAt: firstHits.TryGetValue((r.Id, TrackingEventKind.Opened), out var opened) ? opened : null,
                ClickedAt: firstHits.TryGetValue((r.Id, TrackingEventKind.Clicked), out var clicked) ? clicked : null);
        }).ToList();
    }

    private sealed record SendRow(
        long Id, long? NonprofitId, string Name, string Email, SendStatus Status, int Attempts,
        string? Server, string? Reply, string? LastError, DateTimeOffset? SentAt, string? MessageId);
}
