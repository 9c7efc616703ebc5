using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NpgsqlTypes;

namespace NonprofitPortal.Features.Nonprofits.Search;

/// <summary>PostgreSQL full-text search on the stored, GIN-indexed SearchVector column.</summary>
internal sealed class PostgresNonprofitSearch : INonprofitSearch
{
    public IQueryable<Nonprofit> Matching(AppDbContext db, SearchTerms terms, bool readInNameOrder)
    {
        if (terms.IsEmpty)
        {
            return db.Nonprofits;
        }

        var query = string.Join(" & ", terms.Words.Select(word => $"{word}:*"));
        return db.Nonprofits.Where(n =>
            EF.Property<NpgsqlTsVector>(n, PostgresAppDbContext.NonprofitSearchVector).Matches(EF.Functions.ToTsQuery("simple", query)));
    }
}
