using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Nonprofits.Import;

/// <summary>Inserts many new nonprofits, with their tags, inside the context's current transaction.</summary>
public interface INonprofitBulkWriter
{
    Task InsertAsync(AppDbContext db, IReadOnlyList<Nonprofit> nonprofits, CancellationToken cancellationToken);
}
