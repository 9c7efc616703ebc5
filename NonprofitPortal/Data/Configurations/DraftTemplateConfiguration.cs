using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.TemplateLibrary;

namespace NonprofitPortal.Data.Configurations;

internal sealed class DraftTemplateConfiguration : IEntityTypeConfiguration<DraftTemplate>
{
    public void Configure(EntityTypeBuilder<DraftTemplate> builder)
    {
        builder.ToTable("DraftTemplates");
        builder.Property(t => t.Name).HasMaxLength(TemplateRules.MaxNameLength);
        builder.Property(t => t.Description).HasMaxLength(TemplateRules.MaxDescriptionLength);
        builder.Property(t => t.SubjectTemplate).HasMaxLength(DraftRules.MaxSubjectLength);
        builder.Property(t => t.CcAddresses).HasMaxLength(DraftRules.MaxCcLength);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Property(t => t.UpdatedBy).HasMaxLength(256);
        builder.Property(t => t.Version).IsConcurrencyToken();
        // The service also refuses a name that differs only in case; the index holds when two save at once.
        builder.HasIndex(t => t.Name).IsUnique();
        // The sentinel lets EF write false, which is also the CLR default.
        builder.Property(t => t.UseLayout).HasDefaultValue(true).HasSentinel(true);
        builder.HasOne<EmailLayout>().WithMany().HasForeignKey(t => t.LayoutId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(t => t.Attachments).WithOne().HasForeignKey(a => a.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}
