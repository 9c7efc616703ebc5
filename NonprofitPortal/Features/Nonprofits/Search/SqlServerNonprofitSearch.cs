using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Nonprofits.Search;

/// <summary>
/// SQL Server: what was typed must start the (lower-cased) name or the email, a LIKE 'text%'
/// that the SortName and NormalizedEmail indexes can seek. Words inside the name or the
/// address are not found here; full-text search would need a catalog we cannot test.
/// </summary>
internal sealed class SqlServerNonprofitSearch : INonprofitSearch
{
    public IQueryable<Nonprofit> Matching(AppDbContext db, SearchTerms terms, bool readInNameOrder)
    {
        if (terms.IsEmpty)
        {
            return db.Nonprofits;
        }

        var prefix = terms.Text;
        return db.Nonprofits.Where(n => n.SortName.StartsWith(prefix) || n.NormalizedEmail.StartsWith(prefix));
    }
}
