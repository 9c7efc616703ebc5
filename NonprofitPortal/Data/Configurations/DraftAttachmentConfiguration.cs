using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Media;

namespace NonprofitPortal.Data.Configurations;

internal sealed class DraftAttachmentConfiguration : IEntityTypeConfiguration<DraftAttachment>
{
    public void Configure(EntityTypeBuilder<DraftAttachment> builder)
    {
        builder.ToTable("DraftAttachments");
        builder.HasKey(a => new { a.DraftId, a.MediaFileId });
        // A file deleted from the library drops out of the drafts that attached it (the Media page says so first).
        builder.HasOne<MediaFile>().WithMany().HasForeignKey(a => a.MediaFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
