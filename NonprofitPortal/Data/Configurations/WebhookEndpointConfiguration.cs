using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Data.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("WebhookEndpoints");
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength);
        builder.Property(e => e.Events).HasMaxLength(WebhookEndpoint.MaxEventsLength);
        builder.Property(e => e.ProtectedSecret).HasMaxLength(2000);
        builder.Property(e => e.CreatedBy).HasMaxLength(256);
        builder.Property(e => e.DisabledReason).HasMaxLength(WebhookEndpoint.MaxReasonLength);
        builder.Ignore(e => e.EventList);
    }
}
