using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Nonprofits.Search;
using NpgsqlTypes;

namespace NonprofitPortal.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <summary>The shadow column behind the directory search: a full-text vector of <see cref="NonprofitSearchText"/>.</summary>
    public const string NonprofitSearchVector = "SearchVector";

    /// <summary>
    /// Name, email and address folded in .NET (lower case, no accents), because PostgreSQL's own
    /// unaccent() is an extension that cannot feed a generated column.
    /// </summary>
    public const string NonprofitSearchText = "SearchText";

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        FillSearchText();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        FillSearchText();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        var nonprofit = builder.Entity<Nonprofit>();
        nonprofit.Property<string>(NonprofitSearchText).HasMaxLength(1000).IsRequired();
        nonprofit.Property<NpgsqlTsVector>(NonprofitSearchVector)
            .HasComputedColumnSql($"""to_tsvector('simple'::regconfig, "{NonprofitSearchText}")""", stored: true);
        nonprofit.HasIndex(NonprofitSearchVector).HasMethod("GIN");
    }

    private void FillSearchText()
    {
        foreach (var entry in ChangeTracker.Entries<Nonprofit>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            entry.Property(NonprofitSearchText).CurrentValue = TextFolding.SearchTextOf(entry.Entity);
        }
    }
}
