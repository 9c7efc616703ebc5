using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Nonprofits.Search;

/// <summary>
/// SQLite's FTS5 table NonprofitSearch (kept in step with Nonprofits by triggers, see the
/// migration that creates it) answers prefix queries from its index. SQLite's planner sorts
/// every match of a broad filter before taking a page; INDEXED BY makes it walk the name index.
/// </summary>
internal sealed class SqliteNonprofitSearch : INonprofitSearch
{
    public IQueryable<Nonprofit> Matching(AppDbContext db, SearchTerms terms, bool readInNameOrder)
    {
        var match = string.Join(" AND ", terms.Words.Select(word => $"\"{word}\"*"));
        return (terms.IsEmpty, readInNameOrder) switch
        {
            (true, false) => db.Nonprofits,
            (true, true) => db.Nonprofits.FromSql($"SELECT * FROM Nonprofits INDEXED BY IX_Nonprofits_SortName_Id"),
            (false, false) => db.Nonprofits.FromSql(
                $"SELECT * FROM Nonprofits WHERE Id IN (SELECT rowid FROM NonprofitSearch WHERE NonprofitSearch MATCH {match})"),
            (false, true) => db.Nonprofits.FromSql(
                $"SELECT * FROM Nonprofits INDEXED BY IX_Nonprofits_SortName_Id WHERE Id IN (SELECT rowid FROM NonprofitSearch WHERE NonprofitSearch MATCH {match})"),
        };
    }
}
