using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Nonprofits.Import;

/// <summary>PostgreSQL and SQL Server: EF Core already sends the inserts in batches.</summary>
internal sealed class EfNonprofitBulkWriter : INonprofitBulkWriter
{
    public async Task InsertAsync(AppDbContext db, IReadOnlyList<Nonprofit> nonprofits, CancellationToken cancellationToken)
    {
        db.Nonprofits.AddRange(nonprofits);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
    }
}
