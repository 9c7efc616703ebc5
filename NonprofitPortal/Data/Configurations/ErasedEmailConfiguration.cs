using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Nonprofits.DataRequests;

namespace NonprofitPortal.Data.Configurations;

internal sealed class ErasedEmailConfiguration : IEntityTypeConfiguration<ErasedEmail>
{
    public void Configure(EntityTypeBuilder<ErasedEmail> builder)
    {
        builder.ToTable("ErasedEmails");
        builder.HasKey(e => e.Hash);
        builder.Property(e => e.Hash).HasMaxLength(ErasedEmailHash.HexLength).IsUnicode(false);
    }
}
