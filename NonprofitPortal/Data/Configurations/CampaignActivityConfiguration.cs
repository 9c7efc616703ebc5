using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Reports;

namespace NonprofitPortal.Data.Configurations;

internal sealed class CampaignActivityConfiguration : IEntityTypeConfiguration<CampaignActivity>
{
    public void Configure(EntityTypeBuilder<CampaignActivity> builder)
    {
        builder.ToTable("CampaignActivity");
        builder.HasKey(a => new { a.CampaignId, a.Hour });
        builder.Property(a => a.Hour).ValueGeneratedNever();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);

        // The dashboard's last 30 days, over every campaign.
        builder.HasIndex(a => a.Hour);
    }
}
