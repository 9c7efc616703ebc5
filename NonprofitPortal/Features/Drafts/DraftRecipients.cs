using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Drafts;

/// <summary>Turns a recipient selection into nonprofits: counted for the editor, streamed for checks and sending.</summary>
public sealed class DraftRecipients(IDbContextFactory<AppDbContext> contextFactory, NonprofitDirectory directory)
{
    /// <summary>Everyone the selection covers, opted-out nonprofits included (callers leave them out).</summary>
    public IQueryable<Nonprofit> Selected(AppDbContext db, RecipientSelection selection)
    {
        if (selection.All)
        {
            return db.Nonprofits;
        }

        var ids = selection.Ids.ToList();
        if (!selection.HasFilter)
        {
            return db.Nonprofits.Where(n => ids.Contains(n.Id));
        }

        var filtered = directory.Matching(db, selection.Filter).Select(n => n.Id);
        return db.Nonprofits.Where(n => ids.Contains(n.Id) || filtered.Contains(n.Id));
    }

    /// <summary>How many the selection reaches, and how many it leaves out for having opted out, in one query.</summary>
    public async Task<RecipientCount> CountAsync(RecipientSelection selection, CancellationToken cancellationToken)
    {
        if (selection.IsEmpty)
        {
            return new RecipientCount(0, 0);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var counts = await Selected(db, selection)
            .GroupBy(n => n.OptedOutAt == null)
            .Select(g => new { Reached = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new RecipientCount(
            counts.Where(c => c.Reached).Sum(c => c.Count),
            counts.Where(c => !c.Reached).Sum(c => c.Count));
    }

    /// <summary>The recipients (opted-out left out) in id order, a batch at a time so memory stays flat.</summary>
    public IAsyncEnumerable<NonprofitSummary> StreamAsync(RecipientSelection selection, CancellationToken cancellationToken) =>
        selection.IsEmpty
            ? AsyncEnumerable.Empty<NonprofitSummary>()
            : directory.StreamAsync(db => Selected(db, selection).Where(n => n.OptedOutAt == null), cancellationToken);
}
