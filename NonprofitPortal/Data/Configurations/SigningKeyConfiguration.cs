using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Campaigns.Tokens;

namespace NonprofitPortal.Data.Configurations;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.ToTable("SigningKeys");
        // The name as primary key: two nodes making the same key at once cannot both store it.
        builder.HasKey(k => k.Name);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Key).HasMaxLength(64);
    }
}
