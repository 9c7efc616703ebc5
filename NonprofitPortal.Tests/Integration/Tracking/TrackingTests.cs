using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns.Api;
using NonprofitPortal.Features.Campaigns.Reports;
using NonprofitPortal.Features.Campaigns.Tokens;
using NonprofitPortal.Features.Nonprofits.Api;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration.Campaigns;

namespace NonprofitPortal.Tests.Integration.Tracking;

/// <summary>Opens and clicks through the real host, from the messages a real smtp-sink received; on SQLite and PostgreSQL (subclasses at the end).</summary>
public abstract class TrackingTests(PostgresServer postgres, bool onPostgres)
{
    private const string Body = """
        <p>Dear {{ nonprofit.name }},</p>
        <p>Read <a href="https://grants.example.org/spring?round=2026&amp;lang=en">the spring round</a>, or write to <a href="mailto:grants@foundation.test">us</a>.</p>
        <p><a href="{{ web_version_url }}">View it in your browser</a> · <a href="{{ unsubscribe_url }}">Unsubscribe</a></p>
        """;

    private const string Original = "https://grants.example.org/spring?round=2026&lang=en";

    private readonly SendingHosts _hosts = new(postgres, onPostgres);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fetching_the_pixel_and_a_link_of_a_message_records_one_open_and_one_click_for_its_recipient()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        var campaignId = await SendAsync(api, "tracked", new { opens = true, clicks = true });
        var html = sink.HtmlOf(campaignId, "tracked-1@tracked.example");
        var pixel = TrackingAddresses.Pixel(html);
        var link = TrackingAddresses.Link(html);
        using var anonymous = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var image = await anonymous.GetAsync(pixel, Cancel);
        var again = await anonymous.GetAsync(pixel, Cancel);
        var click = await anonymous.GetAsync(link, Cancel);
        var counts = await Eventually.GetAsync(async () => await CountsAsync(host, campaignId) is { Opens: 2, Clicks: 1 } c ? c : null, "the hits to be written");
        var log = await SendsAsync(api, campaignId);

        Assert.Equal((HttpStatusCode.OK, "image/gif"), (image.StatusCode, image.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Equal(Original, click.Headers.Location?.AbsoluteUri);
        Assert.Equal(new HitCounts(Opens: 2, UniqueOpens: 1, Clicks: 1, UniqueClicks: 1, Events: 3), counts);
        Assert.NotNull(log["tracked-1@tracked.example"].OpenedAt);
        Assert.NotNull(log["tracked-1@tracked.example"].ClickedAt);
        Assert.Equal((null, null), (log["tracked-0@tracked.example"].OpenedAt, log["tracked-0@tracked.example"].ClickedAt));
    }

    [Fact]
    public async Task Only_the_written_web_links_are_rewritten_and_a_forged_or_altered_token_gets_404_and_records_nothing()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        var campaignId = await SendAsync(api, "forged", new { opens = true, clicks = true });
        var html = sink.HtmlOf(campaignId, "forged-0@forged.example");
        var link = TrackingAddresses.LinkUrl().Match(html).Value;
        var token = link[(link.LastIndexOf('/') + 1)..];
        var pixelToken = TrackingAddresses.Pixel(html)[5..];
        var sendId = await SendIdAsync(host, campaignId, "forged-0@forged.example");
        var forgeries = new[]
        {
            $"/t/c/{token[..10]}{(token[10] == 'a' ? 'b' : 'a')}{token[11..]}",
            $"/t/c/{new SendTokens(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).CreateLink(sendId, 0)}",
            $"/t/c/{host.Services.GetRequiredService<SendTokens>().CreateLink(sendId, 7)}",
            $"/t/c/{pixelToken}",
            $"/t/o/{token}",
            $"/t/o/{host.Services.GetRequiredService<SendTokens>().Create(SendTokenPurpose.Unsubscribe, sendId)}",
        };
        using var anonymous = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        foreach (var forged in forgeries)
        {
            statuses.Add((await anonymous.GetAsync(forged, Cancel)).StatusCode);
        }

        // A genuine click after the forgeries: once it is written, anything they queued would have been too.
        await anonymous.GetAsync(TrackingAddresses.Link(html), Cancel);
        var counts = await Eventually.GetAsync(async () => await CountsAsync(host, campaignId) is { Clicks: 1 } c ? c : null, "the genuine click to be written");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal(new HitCounts(Opens: 0, UniqueOpens: 0, Clicks: 1, UniqueClicks: 1, Events: 1), counts);
        Assert.Single(TrackingAddresses.LinkUrl().Matches(html));
        Assert.Contains("href=\"mailto:grants@foundation.test\"", html, StringComparison.Ordinal);
        Assert.Matches("href=\"http://portal\\.test/unsubscribe/[a-z2-7]+\"", html);
        Assert.Matches("href=\"http://portal\\.test/email/[a-z2-7]+\"", html);
    }

    [Fact]
    public async Task The_report_counts_what_recipients_did_by_hour_and_by_link_and_exports_it()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        var campaignId = await SendAsync(api, "reported", new { opens = true, clicks = true });
        var first = sink.HtmlOf(campaignId, "reported-0@reported.example");
        var second = sink.HtmlOf(campaignId, "reported-1@reported.example");
        using var anonymous = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await anonymous.GetAsync(TrackingAddresses.Pixel(first), Cancel);
        await anonymous.GetAsync(TrackingAddresses.Pixel(first), Cancel);
        await anonymous.GetAsync(TrackingAddresses.Pixel(second), Cancel);
        await anonymous.GetAsync(TrackingAddresses.Link(second), Cancel);
        var unsubscribe = Regex.Match(second, "http://portal\\.test(/unsubscribe/[a-z2-7]+)").Groups[1].Value;
        await anonymous.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Cancel);
        await Eventually.GetAsync(async () => await CountsAsync(host, campaignId) is { Opens: 3, Clicks: 1 } c ? c : null, "the hits to be written");
        var report = JsonSerializer.Deserialize<ReportResponse>(await api.Client.GetStringAsync($"/api/campaigns/{campaignId}/report", Cancel), CampaignApi.Json)!;
        var csv = await api.Client.GetStringAsync($"/api/campaigns/{campaignId}/report/export", Cancel);
        var clicker = (await new Nonprofits.NonprofitApi(api.Client).ListAsync("?domain=reported.example")).Items.Single(n => n.Email == "reported-1@reported.example");
        var history = JsonSerializer.Deserialize<List<NonprofitEventResponse>>(await api.Client.GetStringAsync($"/api/nonprofits/{clicker.Id}/events", Cancel), CampaignApi.Json)!;

        Assert.Equal((2, 0, 0, 1), (report.Delivered, report.Bounced, report.Complained, report.Unsubscribed));
        Assert.Equal((3, 1, 2, 1), (report.Opened, report.Clicked, report.UniqueOpens, report.UniqueClicks));
        Assert.Equal((2, 3, 1, 0), (report.Timeline.Sum(h => h.Sent), report.Timeline.Sum(h => h.Opens), report.Timeline.Sum(h => h.Clicks), report.Timeline.Sum(h => h.Bounces)));
        Assert.All(report.Timeline, h => Assert.Equal((0, 0), (h.Hour.Minute, h.Hour.Second)));
        Assert.Equal([new ReportLink(Original, 1, 1)], report.Links);
        Assert.Contains("totals,uniqueOpens,2,1,", csv, StringComparison.Ordinal);
        Assert.Contains($"link,{Original},1,0.5,1", csv, StringComparison.Ordinal);
        Assert.Equal(["unsubscribed", "clicked", "opened", "sent"], history.Select(e => e.Type));
        Assert.All(history, e => Assert.Equal(campaignId, e.CampaignId));
        Assert.Equal(Original, history[1].Detail);
    }

    [Fact]
    public async Task A_campaign_sent_without_tracking_has_no_pixel_and_its_links_as_written()
    {
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = await _hosts.StartAsync(sink);
        var api = new CampaignApi(await host.AdminClientAsync());
        var campaignId = await SendAsync(api, "untracked", tracking: null);
        var html = sink.HtmlOf(campaignId, "untracked-0@untracked.example");
        var campaign = await api.Client.GetStringAsync($"/api/campaigns/{campaignId}", Cancel);

        Assert.DoesNotContain("/t/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://grants.example.org/spring?round=2026&amp;lang=en\"", html, StringComparison.Ordinal);
        Assert.Contains("\"tracking\":{\"opens\":false,\"clicks\":false}", campaign, StringComparison.Ordinal);
    }

    private static async Task<long> SendAsync(CampaignApi api, string tag, object? tracking)
    {
        await api.ImportRecipientsAsync(tag, 2);
        var (status, launched, problem) = await api.LaunchAsync(new { subject = "News", body = Body, recipients = new { filter = new { tag } }, tracking });
        Assert.True(status == HttpStatusCode.Accepted, $"Launch answered {status}: {problem}");
        await api.WaitUntilFinishedAsync(launched!.CampaignId);
        return launched.CampaignId;
    }

    private static async Task<Dictionary<string, SendLogItem>> SendsAsync(CampaignApi api, long campaignId)
    {
        var body = await api.Client.GetStringAsync($"/api/campaigns/{campaignId}/sends", Cancel);
        return JsonSerializer.Deserialize<SendsResponse>(body, CampaignApi.Json)!.Items.ToDictionary(e => e.Email, e => new SendLogItem(e.OpenedAt, e.ClickedAt));
    }

    private static async Task<long> SendIdAsync(PortalHost host, long campaignId, string email)
    {
        await using var db = await DatabaseAsync(host);
        return await db.EmailSends.Where(s => s.CampaignId == campaignId && s.Email == email).Select(s => s.Id).SingleAsync(Cancel);
    }

    private static async Task<HitCounts> CountsAsync(PortalHost host, long campaignId)
    {
        await using var db = await DatabaseAsync(host);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, Cancel);
        var events = await db.TrackingEvents.CountAsync(e => e.CampaignId == campaignId, Cancel);
        return new HitCounts(campaign.Opens, campaign.UniqueOpens, campaign.Clicks, campaign.UniqueClicks, events);
    }

    private static Task<AppDbContext> DatabaseAsync(PortalHost host) =>
        host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);

    private sealed record HitCounts(int Opens, int UniqueOpens, int Clicks, int UniqueClicks, int Events);

    private sealed record SendLogItem(DateTimeOffset? OpenedAt, DateTimeOffset? ClickedAt);
}

public sealed class SqliteTrackingTests(PostgresServer postgres) : TrackingTests(postgres, onPostgres: false);

public sealed class PostgresTrackingTests(PostgresServer postgres) : TrackingTests(postgres, onPostgres: true);
