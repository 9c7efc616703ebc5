using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Bounces.Mailboxes;

namespace NonprofitPortal.Data.Configurations;

internal sealed class BounceMailboxStateConfiguration : IEntityTypeConfiguration<BounceMailboxState>
{
    public void Configure(EntityTypeBuilder<BounceMailboxState> builder)
    {
        builder.ToTable("BounceMailboxes");
        builder.HasKey(m => m.Name);
        builder.Property(m => m.Name).HasMaxLength(BounceMailboxState.MaxNameLength);
        builder.Property(m => m.LastError).HasMaxLength(BounceMailboxState.MaxErrorLength);
        builder.Property(m => m.UnparsedSummary).HasMaxLength(BounceMailboxState.MaxUnparsedLength);
    }
}
