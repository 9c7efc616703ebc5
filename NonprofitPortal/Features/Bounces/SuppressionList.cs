using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Bounces;

/// <summary>The suppressed nonprofits for the Suppression page: why, since when, and what the server said.</summary>
public sealed class SuppressionList(IDbContextFactory<AppDbContext> contextFactory)
{
    public async Task<PagedResult<SuppressedNonprofit>> PageAsync(string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var suppressed = db.Nonprofits.Where(n => n.SuppressedAt != null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            suppressed = suppressed.Where(n => n.NormalizedEmail.Contains(term) || n.SortName.Contains(term));
        }

        var total = await suppressed.CountAsync(cancellationToken);
        var rows = await suppressed
            .OrderByDescending(n => n.SuppressedAt)
            .ThenBy(n => n.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(n => new
            {
                n.Id,
                n.Name,
                n.Email,
                SuppressedAt = n.SuppressedAt!.Value,
                n.SuppressionReason,
                Reply = db.DeliveryEvents
                    .Where(e => e.NonprofitId == n.Id && (e.Kind == DeliveryEventKind.HardBounce || e.Kind == DeliveryEventKind.SoftBounce))
                    .OrderByDescending(e => e.Id)
                    .Select(e => e.Detail)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new PagedResult<SuppressedNonprofit>(
            rows.Select(r => new SuppressedNonprofit(r.Id, r.Name, r.Email, r.SuppressedAt, r.SuppressionReason ?? "", r.Reply)).ToList(), total);
    }
}

/// <param name="LastReply">The last bounce's words; null when staff suppressed it by hand.</param>
public sealed record SuppressedNonprofit(long Id, string Name, string Email, DateTimeOffset SuppressedAt, string Reason, string? LastReply);
