using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Data.Configurations;

internal sealed class CampaignLinkConfiguration : IEntityTypeConfiguration<CampaignLink>
{
    public void Configure(EntityTypeBuilder<CampaignLink> builder)
    {
        builder.ToTable("CampaignLinks");
        builder.HasKey(l => new { l.CampaignId, l.LinkIndex });
        builder.Property(l => l.LinkIndex).ValueGeneratedNever();
        builder.Property(l => l.Url).HasMaxLength(TrackingRules.MaxUrlLength);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(l => l.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
