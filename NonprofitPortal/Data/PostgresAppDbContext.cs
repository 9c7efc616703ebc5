using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Features.Nonprofits;
using NpgsqlTypes;

namespace NonprofitPortal.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <summary>The shadow column behind the directory search: a full-text vector of name, email and address.</summary>
    public const string NonprofitSearchVector = "SearchVector";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Dots and @ become spaces so that "acme" finds info@acme.org: the default parser keeps an email whole.
        builder.Entity<Nonprofit>()
            .Property<NpgsqlTsVector>(NonprofitSearchVector)
            .HasComputedColumnSql(
                """to_tsvector('simple'::regconfig, coalesce("Name", '') || ' ' || translate(coalesce("Email", ''), '@.', '  ') || ' ' || coalesce("Address", ''))""",
                stored: true);
        builder.Entity<Nonprofit>().HasIndex(NonprofitSearchVector).HasMethod("GIN");
    }
}
