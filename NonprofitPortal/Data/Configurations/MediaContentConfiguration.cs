using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Media;
using NonprofitPortal.Features.Media.Storage;

namespace NonprofitPortal.Data.Configurations;

internal sealed class MediaContentConfiguration : IEntityTypeConfiguration<MediaContent>
{
    public void Configure(EntityTypeBuilder<MediaContent> builder)
    {
        builder.ToTable("MediaContents");
        builder.HasKey(c => c.MediaFileId);
        builder.Property(c => c.MediaFileId).ValueGeneratedNever();
        // Deleting a file deletes its bytes with it (database storage).
        builder.HasOne<MediaFile>().WithOne().HasForeignKey<MediaContent>(c => c.MediaFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
