using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Data.Configurations;

internal sealed class EmailDraftConfiguration : IEntityTypeConfiguration<EmailDraft>
{
    public void Configure(EntityTypeBuilder<EmailDraft> builder)
    {
        builder.ToTable("EmailDrafts");
        builder.Property(d => d.Name).HasMaxLength(DraftRules.MaxNameLength);
        builder.Property(d => d.SubjectTemplate).HasMaxLength(DraftRules.MaxSubjectLength);
        builder.Property(d => d.RecipientsSearch).HasMaxLength(200);
        builder.Property(d => d.RecipientsDomain).HasMaxLength(NonprofitRules.MaxEmailLength);
        builder.Property(d => d.RecipientsTag).HasMaxLength(NonprofitRules.MaxTagLength);
        builder.Property(d => d.CcAddresses).HasMaxLength(DraftRules.MaxCcLength);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.Property(d => d.UpdatedBy).HasMaxLength(256);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.UpdatedAt);
        builder.ComplexProperty(d => d.History, history =>
        {
            history.Property(h => h.SavedBy).HasMaxLength(450);
            history.Property(h => h.ContentHash).HasMaxLength(64);
        });
        // Existing drafts get the default layout; the sentinel lets EF write false, which is also the CLR default.
        builder.Property(d => d.UseLayout).HasDefaultValue(true).HasSentinel(true);
        builder.HasOne<EmailLayout>().WithMany().HasForeignKey(d => d.LayoutId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(d => d.ChosenRecipients).WithOne().HasForeignKey(r => r.DraftId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}
