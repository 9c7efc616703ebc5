using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Data.Configurations;

internal sealed class DeliveryEventConfiguration : IEntityTypeConfiguration<DeliveryEvent>
{
    public void Configure(EntityTypeBuilder<DeliveryEvent> builder)
    {
        builder.ToTable("DeliveryEvents");
        builder.Property(e => e.Detail).HasMaxLength(DeliveryEvent.MaxDetailLength);
        builder.Property(e => e.Source).HasMaxLength(DeliveryEvent.MaxSourceLength);
        builder.Property(e => e.ExternalId).HasMaxLength(DeliveryEvent.MaxExternalIdLength);

        // The nonprofit's history goes with it. The send is a plain column: a second cascade path
        // (nonprofit -> sends -> events) is one SQL Server refuses.
        builder.HasOne<Nonprofit>().WithMany().HasForeignKey(e => e.NonprofitId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(e => new { e.Source, e.ExternalId }).IsUnique();
        builder.HasIndex(e => new { e.NonprofitId, e.Kind, e.At });
        builder.HasIndex(e => new { e.SendId, e.Kind });

        // A campaign's report counts its unsubscribes.
        builder.HasIndex(e => new { e.CampaignId, e.Kind });
    }
}
