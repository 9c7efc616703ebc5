using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Media;

namespace NonprofitPortal.Data.Configurations;

internal sealed class CampaignAttachmentConfiguration : IEntityTypeConfiguration<CampaignAttachment>
{
    public void Configure(EntityTypeBuilder<CampaignAttachment> builder)
    {
        builder.ToTable("CampaignAttachments");
        builder.HasKey(a => new { a.CampaignId, a.MediaFileId });
        builder.Property(a => a.Name).HasMaxLength(MediaRules.MaxNameLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        // Sent mail's attachments stay: the library refuses to delete them, and so does the database.
        builder.HasOne<MediaFile>().WithMany().HasForeignKey(a => a.MediaFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.MediaFileId);
    }
}
