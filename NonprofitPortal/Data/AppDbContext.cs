using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Bounces.Mailboxes;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Reports;
using NonprofitPortal.Features.Campaigns.Tokens;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Drafts.History;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Media;
using NonprofitPortal.Features.Media.Storage;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Nonprofits.DataRequests;
using NonprofitPortal.Features.TemplateLibrary;
using NonprofitPortal.Features.Tracking;
using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Data;

/// <summary>
/// The application's database. Abstract so that each provider has its own sealed subclass,
/// and with it its own migration set (EF's "migrations with multiple providers").
/// </summary>
public abstract class AppDbContext : IdentityDbContext<ApplicationUser, IdentityRole, string>, IDataProtectionKeyContext
{
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Nonprofit> Nonprofits => Set<Nonprofit>();

    public DbSet<NonprofitTag> NonprofitTags => Set<NonprofitTag>();

    public DbSet<ErasedEmail> ErasedEmails => Set<ErasedEmail>();

    public DbSet<EmailDraft> EmailDrafts => Set<EmailDraft>();

    public DbSet<DraftVersion> DraftVersions => Set<DraftVersion>();

    public DbSet<EmailLayout> EmailLayouts => Set<EmailLayout>();

    public DbSet<DraftTemplate> DraftTemplates => Set<DraftTemplate>();

    public DbSet<SeededStarterTemplate> SeededStarterTemplates => Set<SeededStarterTemplate>();

    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();

    public DbSet<MediaContent> MediaContents => Set<MediaContent>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignAttachment> CampaignAttachments => Set<CampaignAttachment>();

    public DbSet<EmailSend> EmailSends => Set<EmailSend>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<DeliveryEvent> DeliveryEvents => Set<DeliveryEvent>();

    public DbSet<CampaignLink> CampaignLinks => Set<CampaignLink>();

    public DbSet<TrackingEvent> TrackingEvents => Set<TrackingEvent>();

    public DbSet<CampaignActivity> CampaignActivity => Set<CampaignActivity>();

    public DbSet<BounceMailboxState> BounceMailboxes => Set<BounceMailboxState>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
