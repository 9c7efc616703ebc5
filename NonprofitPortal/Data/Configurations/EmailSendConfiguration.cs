using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Data.Configurations;

internal sealed class EmailSendConfiguration : IEntityTypeConfiguration<EmailSend>
{
    public void Configure(EntityTypeBuilder<EmailSend> builder)
    {
        builder.ToTable("EmailSends");
        builder.Property(s => s.Email).HasMaxLength(NonprofitRules.MaxEmailLength);
        builder.Property(s => s.Name).HasMaxLength(NonprofitRules.MaxNameLength);
        builder.Property(s => s.Address).HasMaxLength(NonprofitRules.MaxAddressLength);
        builder.Property(s => s.Tags).HasMaxLength(2000);
        builder.Property(s => s.LeaseOwner).HasMaxLength(100);
        builder.Property(s => s.LastError).HasMaxLength(1000);
        builder.Property(s => s.MessageId).HasMaxLength(200);
        builder.Property(s => s.ServerName).HasMaxLength(100);
        builder.Property(s => s.ServerReply).HasMaxLength(300);

        builder.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Nonprofit>().WithMany().HasForeignKey(s => s.NonprofitId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(s => new { s.CampaignId, s.NonprofitId }).IsUnique();

        // Claims look inside one running campaign at a time, so paused and cancelled campaigns'
        // rows are never scanned; the same index serves the failures list.
        builder.HasIndex(s => new { s.CampaignId, s.Status, s.NextAttemptAt });
        builder.HasIndex(s => s.NonprofitId);

        // The per-recipient log, a page at a time by key: all of a campaign's messages, those of one
        // status, and one recipient found by email.
        builder.HasIndex(s => new { s.CampaignId, s.Id });
        builder.HasIndex(s => new { s.CampaignId, s.Status, s.Id });
        builder.HasIndex(s => new { s.CampaignId, s.Email });

        // Only the rows in flight: lease recovery finds expired ones without scanning the table.
        builder.HasIndex(s => s.LeaseExpiresAt).HasFilter("\"Status\" = 1");
    }
}
