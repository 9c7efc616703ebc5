using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Layouts;

namespace NonprofitPortal.Data.Configurations;

internal sealed class EmailLayoutConfiguration : IEntityTypeConfiguration<EmailLayout>
{
    public void Configure(EntityTypeBuilder<EmailLayout> builder)
    {
        builder.ToTable("EmailLayouts");
        builder.Property(l => l.Name).HasMaxLength(LayoutRules.MaxNameLength);
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.Property(l => l.UpdatedBy).HasMaxLength(256);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => l.IsDefault);
    }
}
