using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Nonprofits.Search;

/// <summary>The directory's text search, served by each provider's own index.</summary>
public interface INonprofitSearch
{
    /// <summary>The nonprofits whose name, email or address has words starting with every search word.</summary>
    IQueryable<Nonprofit> Matching(AppDbContext db, SearchTerms terms);
}
