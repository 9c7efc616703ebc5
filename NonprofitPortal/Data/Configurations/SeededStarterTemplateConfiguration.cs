using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.TemplateLibrary;

namespace NonprofitPortal.Data.Configurations;

internal sealed class SeededStarterTemplateConfiguration : IEntityTypeConfiguration<SeededStarterTemplate>
{
    public void Configure(EntityTypeBuilder<SeededStarterTemplate> builder)
    {
        builder.ToTable("SeededStarterTemplates");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
    }
}
