using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NonprofitPortal.Features.Drafts.Api;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration;
using NonprofitPortal.Tests.Integration.Campaigns;

namespace NonprofitPortal.Tests.EndToEnd;

[Collection(BrowserJourneyCollection.Name)]
public sealed class CampaignJourneyTests(ChromiumBrowser browser)
{
    [Fact]
    public async Task Staff_send_a_draft_and_watch_the_bar_reach_the_end_with_the_counts_the_smtp_server_received()
    {
        RealServer.Require(browser.IsAvailable, $"Chromium is needed: {browser.UnavailableReason}");
        await using var sink = await SendingHosts.StartSinkAsync();
        var settings = SendingHosts.Settings(sink);
        settings["Sending:MessagesPerSecond"] = "15";
        await using var host = new PortalHost(settings, useKestrel: true);
        var api = new CampaignApi(await host.AdminClientAsync());
        await api.ImportRecipientsAsync("journey", 30);
        var draft = await (await api.Client.PostAsJsonAsync("/api/drafts", new
        {
            name = "Journey letter",
            subjectTemplate = "Hello {{ nonprofit.name }}",
            bodyTemplate = "<p>Dear {{ nonprofit.name }},</p>",
            recipients = new { filter = new { tag = "journey" } },
            cc = Array.Empty<string>(),
        }, TestContext.Current.CancellationToken)).Content.ReadFromJsonAsync<DraftResponse>(TestContext.Current.CancellationToken);
        await using var session = await SignedInBrowser.StartAsync(browser, host.ServerAddress.ToString(), PortalHost.AdminEmail, PortalHost.AdminPassword);
        var page = session.Page;

        await page.GotoAsync($"drafts/{draft!.Id}");
        await session.Shell.WaitUntilInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send…" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("send-confirm")).ToHaveTextAsync("Send 30 messages");
        await page.GetByTestId("send-confirm").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/campaigns/[0-9]+$"));
        await Assertions.Expect(page.GetByTestId("count-sent")).Not.ToContainTextAsync("30");
        await Assertions.Expect(page.GetByTestId("campaign-status")).ToHaveTextAsync("Sending");
        await Assertions.Expect(page.GetByTestId("campaign-status")).ToHaveTextAsync("Completed", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("count-sent")).ToContainTextAsync("30");
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar).First).ToHaveAttributeAsync("aria-valuenow", "30");
        await Assertions.Expect(page.GetByTestId("campaign-outcome")).ToContainTextAsync("all 30 sent");
        var campaignId = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(30, sink.ReadMessages().OfCampaign(campaignId).Count);
    }
}
