using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// The queue depth and campaigns by status for <c>/metrics</c>: read from the database (so every
/// node reports the same figures) at most every few seconds, however often scrapers come.
/// </summary>
public sealed class SendingBacklog(IDbContextFactory<AppDbContext> contextFactory, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>The last reading; empty before the first.</summary>
    public BacklogReading Last { get; private set; } = new(0, new Dictionary<CampaignStatus, long>());

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _readAt < MaxAge)
        {
            return;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() - _readAt < MaxAge)
            {
                return;
            }

            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            // A scan of the sends table's (CampaignId, Status, NextAttemptAt) index, hence at most every few seconds; the campaigns table is small.
            // A cancelled campaign's unsent rows stay pending, but nobody will send them.
            var pending = await db.EmailSends.LongCountAsync(
                s => s.Status == SendStatus.Pending && db.Campaigns.Any(c => c.Id == s.CampaignId && c.Status != CampaignStatus.Cancelled),
                cancellationToken);
            var counted = await db.Campaigns.GroupBy(c => c.Status).Select(g => new { Status = g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
            var campaigns = Enum.GetValues<CampaignStatus>().ToDictionary(s => s, s => counted.FirstOrDefault(c => c.Status == s)?.Count ?? 0);
            Last = new BacklogReading(pending, campaigns);
            _readAt = time.GetUtcNow();
        }
        finally
        {
            _reading.Release();
        }
    }
}
