using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Drafts.History;

namespace NonprofitPortal.Data.Configurations;

internal sealed class DraftVersionConfiguration : IEntityTypeConfiguration<DraftVersion>
{
    public void Configure(EntityTypeBuilder<DraftVersion> builder)
    {
        builder.ToTable("DraftVersions");
        // The key is the number within the draft: two saves racing for the same number cannot both be written.
        builder.HasKey(v => new { v.DraftId, v.Number });
        builder.Property(v => v.SavedById).HasMaxLength(450);
        builder.Property(v => v.SavedBy).HasMaxLength(256);
        builder.Property(v => v.ContentHash).HasMaxLength(64);
        builder.HasOne(v => v.Draft).WithMany().HasForeignKey(v => v.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}
