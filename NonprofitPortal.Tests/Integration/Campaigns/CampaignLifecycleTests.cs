using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Lifecycle;

namespace NonprofitPortal.Tests.Integration.Campaigns;

public sealed class CampaignLifecycleTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_campaign_left_unfinished_with_everything_accounted_for_is_finished_and_no_other()
    {
        await using var host = new PortalHost();
        host.StartServer();
        await host.PauseClusterJobsAsync();
        var settled = await AddAsync(host, "Settled", total: 2, sent: 2, rows: [SendStatus.Sent, SendStatus.Sent]);
        var pausedSettled = await AddAsync(host, "Paused, settled", total: 1, sent: 1, rows: [SendStatus.Sent], CampaignStatus.Paused);
        var inFlight = await AddAsync(host, "In flight", total: 2, sent: 2, rows: [SendStatus.Sent, SendStatus.Sending]);
        var underWay = await AddAsync(host, "Under way", total: 40, sent: 10, rows: []);

        var finished = await host.Services.GetRequiredService<CampaignLifecycle>().FinishSettledAsync(Cancel);

        Assert.Equal(2, finished);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        var statuses = await db.Campaigns.Where(c => new[] { settled, pausedSettled, inFlight, underWay }.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Status).ToListAsync(Cancel);
        Assert.Equal([CampaignStatus.Completed, CampaignStatus.Completed, CampaignStatus.Sending, CampaignStatus.Sending], statuses);
    }

    private static async Task<long> AddAsync(PortalHost host, string name, int total, int sent, SendStatus[] rows, CampaignStatus status = CampaignStatus.Sending)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        var now = DateTimeOffset.UtcNow;
        var campaign = new Campaign { Name = name, SubjectTemplate = "s", BodyTemplate = "b", Status = status, Total = total, Sent = sent, CreatedBy = "test", CreatedAt = now, StartedAt = now };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(Cancel);
        db.EmailSends.AddRange(rows.Select((status, i) => new EmailSend
        {
            CampaignId = campaign.Id,
            Email = $"row-{i}@{campaign.Id}.example",
            Name = $"Row {i}",
            Status = status,
            NextAttemptAt = now,
            LeaseOwner = status == SendStatus.Sending ? "elsewhere" : null,
            LeaseExpiresAt = status == SendStatus.Sending ? now.AddHours(1) : null,
        }));
        await db.SaveChangesAsync(Cancel);
        return campaign.Id;
    }
}
