using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Nonprofits.Search;

/// <summary>
/// SQLite's FTS5 table NonprofitSearch (kept in step with Nonprofits by triggers, see the
/// migration that creates it) answers prefix queries from its index.
/// </summary>
internal sealed class SqliteNonprofitSearch : INonprofitSearch
{
    public IQueryable<Nonprofit> Matching(AppDbContext db, SearchTerms terms)
    {
        var match = string.Join(" AND ", terms.Words.Select(word => $"\"{word}\"*"));
        return db.Nonprofits.FromSql(
            $"SELECT * FROM Nonprofits WHERE Id IN (SELECT rowid FROM NonprofitSearch WHERE NonprofitSearch MATCH {match})");
    }
}
