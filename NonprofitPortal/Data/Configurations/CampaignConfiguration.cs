using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Approval;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Layouts;

namespace NonprofitPortal.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("Campaigns");
        builder.Property(c => c.Name).HasMaxLength(DraftRules.MaxNameLength);
        builder.Property(c => c.SubjectTemplate).HasMaxLength(DraftRules.MaxSubjectLength);
        builder.Property(c => c.CcAddresses).HasMaxLength(DraftRules.MaxCcLength);
        builder.Property(c => c.SenderName).HasMaxLength(256);
        builder.Property(c => c.SenderEmail).HasMaxLength(256);
        builder.Property(c => c.CreatedById).HasMaxLength(450);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.LayoutName).HasMaxLength(LayoutRules.MaxNameLength);
        builder.Property(c => c.ReviewedById).HasMaxLength(450);
        builder.Property(c => c.ReviewedBy).HasMaxLength(256);
        builder.Property(c => c.RejectionReason).HasMaxLength(ApprovalRules.MaxReasonLength);
        builder.Property(c => c.IdempotencyKey).HasMaxLength(CampaignRules.MaxIdempotencyKeyLength);
        builder.Ignore(c => c.Pending);
        builder.Ignore(c => c.Cc);

        builder.HasIndex(c => c.IdempotencyKey).IsUnique();
        builder.HasIndex(c => new { c.Status, c.Id });
        builder.HasIndex(c => c.CreatedAt);
    }
}
