using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Data.Configurations;

internal sealed class NonprofitTagConfiguration : IEntityTypeConfiguration<NonprofitTag>
{
    public void Configure(EntityTypeBuilder<NonprofitTag> builder)
    {
        builder.ToTable("NonprofitTags");
        builder.HasKey(t => new { t.NonprofitId, t.Name });
        builder.Property(t => t.Name).HasMaxLength(NonprofitRules.MaxTagLength);
        // The tag filter looks up by name first.
        builder.HasIndex(t => new { t.Name, t.NonprofitId });
    }
}
