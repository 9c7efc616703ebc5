using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Media;
using NonprofitPortal.Features.TemplateLibrary;

namespace NonprofitPortal.Data.Configurations;

internal sealed class DraftTemplateAttachmentConfiguration : IEntityTypeConfiguration<DraftTemplateAttachment>
{
    public void Configure(EntityTypeBuilder<DraftTemplateAttachment> builder)
    {
        builder.ToTable("DraftTemplateAttachments");
        builder.HasKey(a => new { a.TemplateId, a.MediaFileId });
        // A file deleted from the library drops out of the templates that attached it, as it does from drafts.
        builder.HasOne<MediaFile>().WithMany().HasForeignKey(a => a.MediaFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
