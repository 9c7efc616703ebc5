using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Data.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.Property(d => d.EventId).HasMaxLength(WebhookDelivery.MaxEventIdLength);
        builder.Property(d => d.Type).HasMaxLength(WebhookDelivery.MaxTypeLength);
        builder.Property(d => d.ResponseBody).HasMaxLength(WebhookDelivery.MaxResponseLength);
        builder.Property(d => d.Error).HasMaxLength(WebhookDelivery.MaxErrorLength);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);

        // The dispatcher finds each endpoint's head (its oldest pending row); the page lists an endpoint's newest.
        builder.HasIndex(d => new { d.EndpointId, d.Status, d.Id });
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
    }
}
