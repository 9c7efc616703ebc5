using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Data.Configurations;

internal sealed class TrackingEventConfiguration : IEntityTypeConfiguration<TrackingEvent>
{
    public void Configure(EntityTypeBuilder<TrackingEvent> builder)
    {
        builder.ToTable("TrackingEvents");

        // The nonprofit's history goes with it, as its delivery events do.
        builder.HasOne<Nonprofit>().WithMany().HasForeignKey(e => e.NonprofitId).OnDelete(DeleteBehavior.Cascade);

        // Who opened or clicked, a page at a time in send order.
        builder.HasIndex(e => new { e.CampaignId, e.Kind, e.IsFirst, e.SendId });

        // A page of the recipients' log (first open and click), and what a batch of hits repeats.
        builder.HasIndex(e => new { e.SendId, e.Kind });

        builder.HasIndex(e => new { e.NonprofitId, e.At });
    }
}
