using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Data.Configurations;

internal sealed class NonprofitConfiguration : IEntityTypeConfiguration<Nonprofit>
{
    public void Configure(EntityTypeBuilder<Nonprofit> builder)
    {
        builder.ToTable("Nonprofits");
        builder.Property(n => n.Name).HasMaxLength(NonprofitRules.MaxNameLength);
        builder.Property(n => n.SortName).HasMaxLength(NonprofitRules.MaxNameLength);
        builder.Property(n => n.Address).HasMaxLength(NonprofitRules.MaxAddressLength);
        builder.Property(n => n.Email).HasMaxLength(NonprofitRules.MaxEmailLength);
        builder.Property(n => n.NormalizedEmail).HasMaxLength(NonprofitRules.MaxEmailLength);
        builder.Property(n => n.EmailDomain).HasMaxLength(NonprofitRules.MaxEmailLength);
        builder.Property(n => n.SuppressionReason).HasMaxLength(SuppressionReasons.MaxLength);
        builder.Property(n => n.Version).IsConcurrencyToken();

        builder.HasIndex(n => n.NormalizedEmail).IsUnique();
        builder.HasIndex(n => new { n.SortName, n.Id });
        builder.HasIndex(n => new { n.EmailDomain, n.SortName });
        builder.HasIndex(n => n.UpdatedAt);
        builder.HasIndex(n => n.SuppressedAt);

        builder.HasMany(n => n.Tags).WithOne().HasForeignKey(t => t.NonprofitId).OnDelete(DeleteBehavior.Cascade);
    }
}
