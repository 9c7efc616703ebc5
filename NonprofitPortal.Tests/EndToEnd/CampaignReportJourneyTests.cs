using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using NonprofitPortal.Features.Campaigns.Api;
using NonprofitPortal.Tests.EndToEnd.Pages;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration;
using NonprofitPortal.Tests.Integration.Campaigns;
using NonprofitPortal.Tests.Integration.Tracking;

namespace NonprofitPortal.Tests.EndToEnd;

[Collection(BrowserJourneyCollection.Name)]
public sealed class CampaignReportJourneyTests(ChromiumBrowser browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_open_a_finished_campaigns_report_and_see_its_chart_and_the_numbers_the_api_gives()
    {
        RealServer.Require(browser.IsAvailable, $"Chromium is needed: {browser.UnavailableReason}");
        await using var sink = await SendingHosts.StartSinkAsync();
        await using var host = new PortalHost(SendingHosts.Settings(sink), useKestrel: true);
        var api = new CampaignApi(await host.AdminClientAsync());
        var emails = await api.ImportRecipientsAsync("reportjourney", 5);
        var (status, launched, problem) = await api.LaunchAsync(new
        {
            subject = "Spring round",
            body = "<p>Dear {{ nonprofit.name }},</p><p>Read <a href=\"https://grants.example.org/spring\">the spring round</a>.</p>",
            recipients = new { filter = new { tag = "reportjourney" } },
            tracking = new { opens = true, clicks = true },
        });
        Assert.True(status == HttpStatusCode.Accepted, $"Launch answered {status}: {problem}");
        var campaignId = launched!.CampaignId;
        await api.WaitUntilFinishedAsync(campaignId);
        // A mail client of its own, that takes the tracked link's redirect without going on to the site.
        using var recipient = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = host.ServerAddress };
        // Three recipients open the message, one of them twice, and one clicks its link.
        foreach (var email in emails.Take(3).Append(emails[0]))
        {
            await recipient.GetAsync(TrackingAddresses.Pixel(sink.HtmlOf(campaignId, email)), Cancel);
        }

        await recipient.GetAsync(TrackingAddresses.Link(sink.HtmlOf(campaignId, emails[1])), Cancel);
        var report = await Eventually.GetAsync(
            async () => await ReportAsync(api, campaignId) is { Opened: 4, Clicked: 1 } r ? r : null, "the opens and the click to be written");
        await using var session = await SignedInBrowser.StartAsync(browser, host.ServerAddress.ToString(), PortalHost.AdminEmail, PortalHost.AdminPassword);
        var page = new CampaignReportPage(session.Page);

        await page.OpenAsync(campaignId);

        await Assertions.Expect(page.ChartLines).ToHaveCountAsync(3);
        Assert.True(await page.ChartPoints.CountAsync() >= 3, "Each series has at least one point drawn.");
        Assert.Equal((5, 3, 1), (report.Delivered, report.UniqueOpens, report.UniqueClicks));
        Assert.Equal(
            (report.Delivered, report.UniqueOpens, report.UniqueClicks),
            (await page.CountAsync("delivered"), await page.CountAsync("unique-opens"), await page.CountAsync("unique-clicks")));
        Assert.Empty(session.Problems);
    }

    private static async Task<ReportResponse> ReportAsync(CampaignApi api, long campaignId) =>
        JsonSerializer.Deserialize<ReportResponse>(await api.Client.GetStringAsync($"/api/campaigns/{campaignId}/report", Cancel), CampaignApi.Json)!;
}
