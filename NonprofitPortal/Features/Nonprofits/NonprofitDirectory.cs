using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Nonprofits.Search;

namespace NonprofitPortal.Features.Nonprofits;

/// <summary>Reads the directory: pages for the grid, cursors for the API, streams for export.</summary>
public sealed class NonprofitDirectory(IDbContextFactory<AppDbContext> contextFactory, INonprofitSearch search)
{
    /// <summary>Counting stops here: beyond it a count costs as much as reading every match, and nobody pages that far.</summary>
    public const int CountLimit = 5000;

    public async Task<DirectoryResults> PageAsync(
        DirectoryFilter filter, DirectorySort sort, bool descending, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var count = await Filtered(db, filter, readInNameOrder: false).Take(CountLimit + 1).CountAsync(cancellationToken);
        var broad = count > CountLimit;
        var query = Filtered(db, filter, readInNameOrder: broad && sort == DirectorySort.Name);
        var ordered = sort switch
        {
            DirectorySort.Email => descending ? query.OrderByDescending(n => n.NormalizedEmail) : query.OrderBy(n => n.NormalizedEmail),
            DirectorySort.Updated => descending ? query.OrderByDescending(n => n.UpdatedAt) : query.OrderBy(n => n.UpdatedAt),
            DirectorySort.Created => descending ? query.OrderByDescending(n => n.Id) : query.OrderBy(n => n.Id),
            _ => descending ? query.OrderByDescending(n => n.SortName).ThenByDescending(n => n.Id) : query.OrderBy(n => n.SortName).ThenBy(n => n.Id),
        };
        var items = await Summaries(ordered.Skip(page * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new DirectoryResults(items, Math.Min(count, CountLimit), broad);
    }

    /// <summary>The nonprofits with these ids (those that still exist), in id order.</summary>
    public async Task<IReadOnlyList<NonprofitSummary>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(db.Nonprofits.Where(n => EF.Parameter(wanted).Contains(n.Id)).OrderBy(n => n.Id)).ToListAsync(cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Nonprofits.CountAsync(cancellationToken);
    }

    /// <summary>The next <paramref name="limit"/> nonprofits after the one with id <paramref name="afterId"/>, in id order.</summary>
    public Task<IReadOnlyList<NonprofitSummary>> AfterAsync(DirectoryFilter filter, long afterId, int limit, CancellationToken cancellationToken) =>
        AfterAsync(db => Matching(db, filter), afterId, limit, cancellationToken);

    public async Task<NonprofitSummary?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(db.Nonprofits.Where(n => n.Id == id)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every nonprofit the filter covers, read in id order a batch at a time so memory stays flat.</summary>
    public IAsyncEnumerable<NonprofitSummary> StreamAsync(DirectoryFilter filter, CancellationToken cancellationToken) =>
        StreamAsync(db => Matching(db, filter), cancellationToken);

    /// <summary>Every nonprofit of <paramref name="source"/>, read in id order a batch at a time so memory stays flat.</summary>
    public async IAsyncEnumerable<NonprofitSummary> StreamAsync(
        Func<AppDbContext, IQueryable<Nonprofit>> source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int batchSize = 1000;
        var afterId = 0L;
        while (true)
        {
            var batch = await AfterAsync(source, afterId, batchSize, cancellationToken);
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

    /// <summary>The nonprofit (other than <paramref name="exceptId"/>) that already has this email, if any.</summary>
    public async Task<NonprofitSummary?> EmailHolderAsync(string email, long? exceptId, CancellationToken cancellationToken)
    {
        var normalized = NonprofitRules.NormalizeEmail(email);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(db.Nonprofits.Where(n => n.NormalizedEmail == normalized && n.Id != exceptId)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The ids of the nonprofits holding these emails (ignoring case), keyed by normalized email; unknown ones are absent.</summary>
    public async Task<IReadOnlyDictionary<string, long>> IdsByEmailAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        var normalized = emails.Select(NonprofitRules.NormalizeEmail).Distinct().ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Nonprofits
            .Where(n => normalized.Contains(n.NormalizedEmail))
            .ToDictionaryAsync(n => n.NormalizedEmail, n => n.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> TagsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.NonprofitTags.Select(t => t.Name).Distinct().OrderBy(name => name).ToListAsync(cancellationToken);
    }

    /// <summary>The nonprofits a filter covers, as a query to compose further (recipients, exports).</summary>
    public IQueryable<Nonprofit> Matching(AppDbContext db, DirectoryFilter filter) => Filtered(db, filter, readInNameOrder: false);

    private IQueryable<Nonprofit> Filtered(AppDbContext db, DirectoryFilter filter, bool readInNameOrder)
    {
        var terms = SearchTerms.Parse(filter.Search);
        var query = search.Matching(db, terms, readInNameOrder);
        if (!string.IsNullOrWhiteSpace(filter.Domain))
        {
            var domain = NonprofitRules.NormalizeDomain(filter.Domain);
            query = query.Where(n => n.EmailDomain == domain);
        }

        if (filter.Suppressed is { } suppressed)
        {
            query = suppressed ? query.Where(n => n.SuppressedAt != null) : query.Where(n => n.SuppressedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = NonprofitRules.NormalizeTag(filter.Tag);
            // Alone, the tag's index should drive the query (IN); after a search or a domain has
            // narrowed the candidates, checking each one's tags (EXISTS) is cheaper.
            query = terms.IsEmpty && string.IsNullOrWhiteSpace(filter.Domain)
                ? query.Where(n => db.NonprofitTags.Where(t => t.Name == tag).Select(t => t.NonprofitId).Contains(n.Id))
                : query.Where(n => db.NonprofitTags.Any(t => t.NonprofitId == n.Id && t.Name == tag));
        }

        return query.AsNoTracking();
    }

    private async Task<IReadOnlyList<NonprofitSummary>> AfterAsync(
        Func<AppDbContext, IQueryable<Nonprofit>> source, long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(source(db).Where(n => n.Id > afterId).OrderBy(n => n.Id).Take(limit)).ToListAsync(cancellationToken);
    }

    private static IQueryable<NonprofitSummary> Summaries(IQueryable<Nonprofit> query) => query.Select(n => new NonprofitSummary(
        n.Id,
        n.Name,
        n.Address,
        n.Email,
        n.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
        n.OptedOutAt,
        n.CreatedAt,
        n.UpdatedAt,
        n.Version,
        n.SuppressedAt,
        n.SuppressionReason));
}
