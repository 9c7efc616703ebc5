using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Media;

namespace NonprofitPortal.Data.Configurations;

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.ToTable("MediaFiles");
        builder.Property(f => f.Name).HasMaxLength(MediaRules.MaxNameLength);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.UploadedById).HasMaxLength(450);
        builder.Property(f => f.UploadedBy).HasMaxLength(256);
        builder.HasIndex(f => f.Name);
    }
}
