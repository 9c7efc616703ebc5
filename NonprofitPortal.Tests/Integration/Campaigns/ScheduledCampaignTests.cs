using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>Campaigns sent for later, on one node with SQLite (the cluster jobs in memory).</summary>
public sealed class ScheduledCampaignTests(PostgresServer postgres)
{
    private readonly SendingHosts _hosts = new(postgres, onPostgres: false);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Due campaigns are looked for every 0.2 s, so a test waits a fraction of a second past the send time.</summary>
    public static readonly Dictionary<string, string?> QuickStarts = new() { ["Sending:ScheduledCheckSeconds"] = "0.2" };

    [Fact]
    public async Task A_scheduled_campaign_sends_nothing_before_its_time_then_everyone_once()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink, QuickStarts);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("later", 30);
        var sendAt = DateTimeOffset.UtcNow.AddSeconds(2);

        var launched = await api.ScheduleToTagAsync("later", sendAt);
        var waiting = await api.GetAsync(launched.CampaignId);
        var finished = await api.WaitUntilFinishedAsync(launched.CampaignId);

        Assert.Equal((CampaignStatus.Scheduled, 30), (launched.Status, launched.Total));
        Assert.Equal(sendAt, launched.ScheduledAt);
        Assert.Equal((CampaignStatus.Scheduled, 0, 30, null), (waiting.Status, waiting.Sent, waiting.Pending, waiting.StartedAt));
        Assert.Equal((CampaignStatus.Completed, 30), (finished.Status, finished.Sent));
        Assert.True(finished.StartedAt >= sendAt, $"Started at {finished.StartedAt:O}, scheduled for {sendAt:O}");
        var received = sink.ReadMessages().OfCampaign(launched.CampaignId);
        Assert.Equal(30, received.Select(m => m.Recipients[0]).Distinct().Count());
        Assert.Equal(30, received.Count);
        Assert.Single(await StartedEntriesAsync(host, launched.CampaignId));
    }

    [Fact]
    public async Task Cancelling_a_scheduled_campaign_before_it_starts_sends_nothing()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink, QuickStarts);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("called-off", 10);
        var cancelled = await api.ScheduleToTagAsync("called-off", DateTimeOffset.UtcNow.AddSeconds(1.5));
        var control = await api.ScheduleToTagAsync("called-off", DateTimeOffset.UtcNow.AddSeconds(2));

        var cancel = await api.SteerAsync(cancelled.CampaignId, "cancel");
        // The later campaign finishing shows the starter has run past the cancelled one's time.
        await api.WaitUntilFinishedAsync(control.CampaignId);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var after = await api.GetAsync(cancelled.CampaignId);
        Assert.Equal((CampaignStatus.Cancelled, 0, 10, null), (after.Status, after.Sent, after.Pending, after.StartedAt));
        Assert.Empty(sink.ReadMessages().OfCampaign(cancelled.CampaignId));
        Assert.Equal(10, sink.ReadMessages().OfCampaign(control.CampaignId).Count);
        Assert.Empty(await StartedEntriesAsync(host, cancelled.CampaignId));
        Assert.Equal(HttpStatusCode.Conflict, (await api.SteerAsync(cancelled.CampaignId, "cancel")).StatusCode);
    }

    [Fact]
    public async Task A_send_time_in_the_past_or_without_an_offset_is_refused_with_a_clear_400()
    {
        await using var host = new PortalHost();
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("too-late", 2);
        var past = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O", CultureInfo.InvariantCulture);

        var inThePast = await api.LaunchAsync(new { subject = "s", body = "b", recipients = new { filter = new { tag = "too-late" } }, sendAt = past });
        var withoutOffset = await api.LaunchAsync(new { subject = "s", body = "b", recipients = new { filter = new { tag = "too-late" } }, sendAt = "2099-01-01T09:00:00" });
        var pausing = await api.ScheduleToTagAsync("too-late", DateTimeOffset.UtcNow.AddHours(1));

        Assert.Equal(HttpStatusCode.BadRequest, inThePast.Status);
        Assert.StartsWith("The send time must be in the future", SendAtError(inThePast.Body));
        Assert.Equal(HttpStatusCode.BadRequest, withoutOffset.Status);
        Assert.Contains("with an offset", SendAtError(withoutOffset.Body));
        Assert.Equal(HttpStatusCode.Conflict, (await api.SteerAsync(pausing.CampaignId, "pause")).StatusCode);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        Assert.Equal(1, await db.Campaigns.CountAsync(Cancel));
    }

    /// <summary>The audit entries saying the campaign started.</summary>
    internal static async Task<List<string>> StartedEntriesAsync(PortalHost host, long campaignId)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        var details = $"campaign {campaignId},";
        return await db.AuditEntries
            .Where(e => e.Action == CampaignAuditActions.Started && e.Details!.StartsWith(details))
            .Select(e => e.ActorName)
            .ToListAsync(Cancel);
    }

    private static string SendAtError(string problem) =>
        JsonDocument.Parse(problem).RootElement.GetProperty("errors").GetProperty("sendAt")[0].GetString()!;
}
