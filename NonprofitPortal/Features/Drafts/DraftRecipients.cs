using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Drafts;

/// <summary>Turns a recipient selection into nonprofits: counted for the editor, streamed for checks and sending.</summary>
public sealed class DraftRecipients(IDbContextFactory<AppDbContext> contextFactory, NonprofitDirectory directory)
{
    /// <summary>Everyone the selection covers, opted-out and suppressed nonprofits included (callers leave them out).</summary>
    public IQueryable<Nonprofit> Selected(AppDbContext db, RecipientSelection selection)
    {
        if (selection.All)
        {
            return db.Nonprofits;
        }

        // One parameter holding every id (a JSON array) rather than EF's default of one per id:
        // staff pick thousands, and SQL Server takes at most 2,100 parameters a statement.
        var ids = selection.Ids.ToList();
        if (!selection.HasFilter)
        {
            return db.Nonprofits.Where(n => EF.Parameter(ids).Contains(n.Id));
        }

        var filtered = directory.Matching(db, selection.Filter).Select(n => n.Id);
        return db.Nonprofits.Where(n => EF.Parameter(ids).Contains(n.Id) || filtered.Contains(n.Id));
    }

    /// <summary>How many the selection reaches, and how many it leaves out for having opted out or being suppressed (and why), in one query.</summary>
    public async Task<RecipientCount> CountAsync(RecipientSelection selection, CancellationToken cancellationToken)
    {
        if (selection.IsEmpty)
        {
            return new RecipientCount(0, 0);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var counts = await Selected(db, selection)
            .GroupBy(n => new { OptedOut = n.OptedOutAt != null, Suppressed = n.SuppressedAt != null, n.SuppressionReason })
            .Select(g => new { g.Key.OptedOut, g.Key.Suppressed, g.Key.SuppressionReason, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var suppressed = counts
            .Where(c => !c.OptedOut && c.Suppressed)
            .GroupBy(c => c.SuppressionReason ?? SuppressionReasons.Manual)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return new RecipientCount(
            counts.Where(c => !c.OptedOut && !c.Suppressed).Sum(c => c.Count),
            counts.Where(c => c.OptedOut).Sum(c => c.Count),
            suppressed);
    }

    /// <summary>The recipients (opted-out and suppressed left out) in id order, a batch at a time so memory stays flat.</summary>
    public IAsyncEnumerable<NonprofitSummary> StreamAsync(RecipientSelection selection, CancellationToken cancellationToken) =>
        selection.IsEmpty
            ? AsyncEnumerable.Empty<NonprofitSummary>()
            : directory.StreamAsync(db => Selected(db, selection).Where(n => n.OptedOutAt == null && n.SuppressedAt == null), cancellationToken);
}
