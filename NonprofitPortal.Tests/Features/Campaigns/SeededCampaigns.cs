using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Campaigns;

/// <summary>
/// Campaigns written straight into a host's database in the state a test needs. They have no
/// pending sends, so the host's drain leaves them alone and their counters move only when a test moves them.
/// </summary>
internal sealed class SeededCampaigns(PortalHost host)
{
    public const string SmtpReply = "550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown";

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    /// <param name="createdById">The launching user's id, for campaigns whose launcher matters (approval).</param>
    public async Task<long> AddAsync(string name, CampaignStatus status, int total, int sent, int failed = 0, string? createdById = null)
    {
        var now = DateTimeOffset.UtcNow;
        // Never before midnight (UTC): the dashboard's totals count campaigns launched today.
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var createdAt = now.AddMinutes(-5) < today ? today : now.AddMinutes(-5);
        var startedAt = now.AddMinutes(-4) < createdAt ? createdAt : now.AddMinutes(-4);
        var campaign = new Campaign
        {
            Name = name,
            SubjectTemplate = "News for {{ nonprofit.name }}",
            BodyTemplate = "<p>Dear {{ nonprofit.name }},</p>",
            CcAddresses = "officer@foundation.test;board@foundation.test",
            SenderName = "Grants Team",
            SenderEmail = "grants@foundation.test",
            Status = status,
            Total = total,
            Sent = sent,
            Failed = failed,
            CreatedById = createdById,
            CreatedBy = PortalHost.AdminEmail,
            CreatedAt = createdAt,
            StartedAt = status is CampaignStatus.Queued or CampaignStatus.AwaitingApproval ? null : startedAt,
            CompletedAt = status is CampaignStatus.Completed or CampaignStatus.Cancelled ? now : null,
        };

        await using var db = await DatabaseAsync();
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(Cancel);
        db.EmailSends.AddRange(Enumerable.Range(1, failed).Select(i => new EmailSend
        {
            CampaignId = campaign.Id,
            Email = $"failed-{i}@campaign-{campaign.Id}.example",
            Name = $"Failed nonprofit {i}",
            Status = SendStatus.Failed,
            Attempts = 3,
            NextAttemptAt = now,
            LastError = SmtpReply,
            ServerName = "smtp-a",
        }));
        await db.SaveChangesAsync(Cancel);
        return campaign.Id;
    }

    /// <summary>What the drain would do: move the counters, and finish the campaign when nothing is left.</summary>
    public async Task AdvanceAsync(long id, int sent, CampaignStatus status)
    {
        await using var db = await DatabaseAsync();
        DateTimeOffset? completedAt = status is CampaignStatus.Completed or CampaignStatus.Cancelled ? DateTimeOffset.UtcNow : null;
        await db.Campaigns.Where(c => c.Id == id)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Sent, sent).SetProperty(x => x.Status, status).SetProperty(x => x.CompletedAt, completedAt), Cancel);
    }

    /// <summary>What bounce, complaint, unsubscribe and tracking recording would have left on a campaign.</summary>
    public async Task SetOutcomesAsync(long id, int bounced, int complained, int unsubscribed, int uniqueOpens, int uniqueClicks, bool tracked = true)
    {
        await using var db = await DatabaseAsync();
        await db.Campaigns.Where(c => c.Id == id).ExecuteUpdateAsync(c => c
            .SetProperty(x => x.Bounced, bounced).SetProperty(x => x.Complained, complained)
            .SetProperty(x => x.UniqueOpens, uniqueOpens).SetProperty(x => x.UniqueClicks, uniqueClicks)
            .SetProperty(x => x.TrackOpens, tracked).SetProperty(x => x.TrackClicks, tracked), Cancel);
        db.DeliveryEvents.AddRange(Enumerable.Range(1, unsubscribed).Select(i => new DeliveryEvent
        {
            CampaignId = id,
            Kind = DeliveryEventKind.Unsubscribe,
            Source = "unsubscribe link",
            ExternalId = $"seeded-{id}-{i}",
            At = DateTimeOffset.UtcNow,
        }));
        await db.SaveChangesAsync(Cancel);
    }

    public async Task<CampaignStatus> StatusAsync(long id)
    {
        await using var db = await DatabaseAsync();
        return await db.Campaigns.Where(c => c.Id == id).Select(c => c.Status).SingleAsync(Cancel);
    }

    private Task<AppDbContext> DatabaseAsync() =>
        host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
}
