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

    public async Task<RecipientCount> CountAsync(RecipientSelection selection, CancellationToken cancellationToken)
    {
        if (selection.IsEmpty)
        {
            return new RecipientCount(0, 0);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var selected = Selected(db, selection);
        var recipients = await selected.CountAsync(n => n.OptedOutAt == null, cancellationToken);
        var optedOut = await selected.CountAsync(n => n.OptedOutAt != null, cancellationToken);
        return new RecipientCount(recipients, optedOut);
    }

    /// <summary>The recipients (opted-out left out) in id order, a batch at a time so memory stays flat.</summary>
    public async IAsyncEnumerable<NonprofitSummary> StreamAsync(
        RecipientSelection selection, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int batchSize = 500;
        var afterId = 0L;
        while (!selection.IsEmpty)
        {
            List<NonprofitSummary> batch;
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                batch = await Selected(db, selection)
                    .Where(n => n.OptedOutAt == null && n.Id > afterId)
                    .OrderBy(n => n.Id)
                    .Take(batchSize)
                    .Select(n => new NonprofitSummary(n.Id, n.Name, n.Address, n.Email, n.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(), n.OptedOutAt, n.CreatedAt, n.UpdatedAt, n.Version))
                    .ToListAsync(cancellationToken);
            }

            foreach (var nonprofit in batch)
            {
                yield return nonprofit;
            }

            if (batch.Count < batchSize)
            {
                yield break;
            }

            afterId = batch[^1].Id;
        }
    }
}
