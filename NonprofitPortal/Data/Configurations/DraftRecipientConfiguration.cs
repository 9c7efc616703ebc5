using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Data.Configurations;

internal sealed class DraftRecipientConfiguration : IEntityTypeConfiguration<DraftRecipient>
{
    public void Configure(EntityTypeBuilder<DraftRecipient> builder)
    {
        builder.ToTable("DraftRecipients");
        builder.HasKey(r => new { r.DraftId, r.NonprofitId });
        // A deleted nonprofit simply drops out of the drafts that picked it.
        builder.HasOne<Nonprofit>().WithMany().HasForeignKey(r => r.NonprofitId).OnDelete(DeleteBehavior.Cascade);
    }
}
