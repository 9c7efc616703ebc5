using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Nonprofits.Search;

/// <summary>Where the directory's queries start: each provider's own text index, and its own plan for broad results.</summary>
public interface INonprofitSearch
{
    /// <summary>The nonprofits whose name, email or address has words starting with every search word (all of them when there is none).</summary>
    /// <param name="readInNameOrder">
    /// The result is broad and wanted in name order: read the name index in order and test each
    /// entry, rather than sort every match, so the first pages come at once.
    /// </param>
    IQueryable<Nonprofit> Matching(AppDbContext db, SearchTerms terms, bool readInNameOrder);
}
