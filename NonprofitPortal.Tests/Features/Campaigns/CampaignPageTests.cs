using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Approval;
using NonprofitPortal.Features.Campaigns.Pages;
using NonprofitPortal.Features.Campaigns.Progress;
using NonprofitPortal.Features.Campaigns.Sends;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Campaigns;

/// <summary>The campaign page against the real services of a real host (SQLite), rendered by bUnit.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class CampaignPageTests : MudTestContext
{
    // The monitor reads the counters twice a second: a change shows within a few.
    private static readonly TimeSpan PollingTimeout = TimeSpan.FromSeconds(5);
    private static readonly string[] Actions = ["Pause", "Resume", "Retry failed", "Cancel"];
    private readonly SeededCampaigns _campaigns;
    private readonly BunitAuthorizationContext _authorization;

    public CampaignPageTests(SqliteHost fixture)
    {
        _campaigns = new SeededCampaigns(fixture.Host);
        foreach (var service in new[] { typeof(CampaignService), typeof(CampaignApprovals), typeof(CampaignProgressMonitor), typeof(SendLog), typeof(TimeProvider) })
        {
            Services.AddSingleton(service, fixture.Host.Services.GetRequiredService(service));
        }

        _authorization = AddAuthorization();
        _authorization.SetAuthorized(PortalHost.AdminEmail).SetPolicies(Permissions.CampaignsView, Permissions.CampaignsSend);
    }

    [Fact]
    public async Task A_finished_campaign_says_how_many_failed_and_lists_them_with_the_server_reply()
    {
        var id = await _campaigns.AddAsync("Spring grants", CampaignStatus.Completed, total: 40, sent: 37, failed: 3);

        var page = RenderPage(id);

        page.WaitForAssertion(() => Assert.Equal("Completed with 3 failed: 37 of 40 sent.", page.Find("[data-testid=campaign-outcome]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=campaign-failures] tbody tr").Count));
        Assert.Contains(SeededCampaigns.SmtpReply, page.Find("[data-testid=campaign-failures]").TextContent);
        Assert.Equal("3", Count(page, "failed"));
    }

    [Fact]
    public async Task The_recipients_section_finds_a_recipient_by_email_and_shows_the_server_and_its_reply()
    {
        var id = await _campaigns.AddAsync("Kids and Co", CampaignStatus.Completed, total: 40, sent: 37, failed: 3);
        var page = RenderPage(id);
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=campaign-recipients] tbody tr").Count));

        page.Find("#recipients-search").Input($"failed-2@campaign-{id}.example");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=campaign-recipients] tbody tr")), TimeSpan.FromSeconds(5));
        var row = page.Find("[data-testid=campaign-recipients] tbody tr");
        Assert.Contains("Failed nonprofit 2", row.TextContent);
        Assert.Equal("failed", row.QuerySelector("[data-testid=recipient-status]")!.TextContent.Trim());
        Assert.Contains("smtp-a", row.QuerySelector("[data-testid=recipient-reply]")!.TextContent);
        Assert.Contains(SeededCampaigns.SmtpReply, row.QuerySelector("[data-testid=recipient-reply]")!.TextContent);
    }

    [Fact]
    public async Task A_campaign_that_reached_everyone_says_all_were_sent_and_shows_no_failures()
    {
        var id = await _campaigns.AddAsync("Autumn letter", CampaignStatus.Completed, total: 40, sent: 40);

        var page = RenderPage(id);

        page.WaitForAssertion(() => Assert.Equal("Completed: all 40 sent.", page.Find("[data-testid=campaign-outcome]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=campaign-failures]"));
    }

    [Fact]
    public async Task A_cancelled_campaign_says_how_many_were_not_sent()
    {
        var id = await _campaigns.AddAsync("Stopped early", CampaignStatus.Cancelled, total: 40, sent: 28);

        var page = RenderPage(id);

        page.WaitForAssertion(() => Assert.StartsWith("Cancelled: 12 not sent", page.Find("[data-testid=campaign-outcome]").TextContent.Trim()));
    }

    [Fact]
    public async Task The_counters_follow_a_sending_campaign_until_it_ends()
    {
        var id = await _campaigns.AddAsync("Under way", CampaignStatus.Sending, total: 40, sent: 10);
        var page = RenderPage(id);
        page.WaitForAssertion(() => Assert.Equal(("10", "30", "40"), (Count(page, "sent"), Count(page, "pending"), Count(page, "total"))));
        Assert.Empty(page.FindAll("[data-testid=campaign-outcome]"));

        await _campaigns.AdvanceAsync(id, sent: 25, CampaignStatus.Sending);
        page.WaitForAssertion(() => Assert.Equal(("25", "15"), (Count(page, "sent"), Count(page, "pending"))), PollingTimeout);

        await _campaigns.AdvanceAsync(id, sent: 40, CampaignStatus.Completed);
        page.WaitForAssertion(() => Assert.Equal("Completed: all 40 sent.", page.Find("[data-testid=campaign-outcome]").TextContent.Trim()), PollingTimeout);
        Assert.Equal("Completed", page.Find("[data-testid=campaign-status]").TextContent.Trim());
    }

    [Fact]
    public async Task A_sending_campaign_shows_the_time_left_and_draws_its_rate_as_readings_come()
    {
        // Started four minutes ago with 10 sent: about 2.5 a minute, so 30 more take about 12 minutes.
        var id = await _campaigns.AddAsync("Rate drawn", CampaignStatus.Sending, total: 40, sent: 10);
        var page = RenderPage(id);
        page.WaitForAssertion(() => Assert.StartsWith("about 12 min", page.Find("[data-testid=campaign-eta]").TextContent.Trim()));
        Assert.EndsWith("so far", page.Find("[data-testid=campaign-elapsed]").TextContent.Trim());

        await _campaigns.AdvanceAsync(id, sent: 25, CampaignStatus.Sending);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=rate-chart] svg")), PollingTimeout);
    }

    [Fact]
    public async Task A_paused_campaign_shows_no_time_left()
    {
        var id = await _campaigns.AddAsync("Paused, no estimate", CampaignStatus.Paused, total: 40, sent: 10);

        var page = RenderPage(id);

        page.WaitForAssertion(() => Assert.EndsWith("so far", page.Find("[data-testid=campaign-elapsed]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=campaign-eta]"));
    }

    [Fact]
    public async Task A_finished_campaign_says_how_long_it_took_without_an_estimate_or_a_chart()
    {
        var id = await _campaigns.AddAsync("Took four minutes", CampaignStatus.Completed, total: 40, sent: 40);

        var page = RenderPage(id);

        page.WaitForAssertion(() => Assert.StartsWith("took 4 min", page.Find("[data-testid=campaign-elapsed]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=campaign-eta]"));
        Assert.Empty(page.FindAll("[data-testid=rate-chart]"));
    }

    [Fact]
    public async Task The_frozen_templates_cc_and_sender_are_shown_as_sent()
    {
        var id = await _campaigns.AddAsync("As it went out", CampaignStatus.Completed, total: 2, sent: 2);

        var page = RenderPage(id);

        page.WaitForAssertion(() => Assert.Equal("News for {{ nonprofit.name }}", page.Find("[data-testid=campaign-subject]").TextContent));
        Assert.Equal("<p>Dear {{ nonprofit.name }},</p>", page.Find("[data-testid=campaign-body]").TextContent);
        Assert.Contains("Grants Team <grants@foundation.test>", page.Markup.Replace("&lt;", "<").Replace("&gt;", ">"));
        Assert.Contains("CC officer@foundation.test, board@foundation.test", page.Markup);
    }

    [Fact]
    public async Task A_sending_campaign_offers_pause_and_cancel()
    {
        var id = await _campaigns.AddAsync("Offers pause", CampaignStatus.Sending, total: 10, sent: 1);

        var page = RenderPage(id);

        page.WaitForAssertion(() => Assert.Equal(["Pause", "Cancel"], ActionButtons(page)));
    }

    [Fact]
    public async Task A_paused_campaign_with_failures_offers_resume_retry_and_cancel()
    {
        var id = await _campaigns.AddAsync("Offers resume", CampaignStatus.Paused, total: 10, sent: 1, failed: 1);

        var page = RenderPage(id);

        page.WaitForAssertion(() => Assert.Equal(["Resume", "Retry failed", "Cancel"], ActionButtons(page)));
    }

    [Fact]
    public async Task Without_the_send_permission_the_campaign_can_be_watched_but_not_steered()
    {
        _authorization.SetPolicies(Permissions.CampaignsView);
        var id = await _campaigns.AddAsync("Watch only", CampaignStatus.Paused, total: 10, sent: 1, failed: 1);

        var page = RenderPage(id);

        page.WaitForAssertion(() => Assert.Equal("1", Count(page, "sent")));
        Assert.Empty(ActionButtons(page));
    }

    [Fact]
    public async Task Cancelling_asks_first_then_stops_the_campaign_and_says_how_many_were_not_sent()
    {
        var id = await _campaigns.AddAsync("To be cancelled", CampaignStatus.Sending, total: 40, sent: 10);
        var page = RenderPage(id);
        page.WaitForAssertion(() => Assert.Contains("Cancel", ActionButtons(page)));

        await page.InvokeAsync(() => Button(page, "Cancel").Click());
        page.WaitForAssertion(() => Assert.Contains("The 30 messages not sent yet will never be sent.", page.Markup));
        Assert.Equal(CampaignStatus.Sending, await _campaigns.StatusAsync(id));
        await page.InvokeAsync(() => Button(page, "Cancel the campaign").Click());

        page.WaitForAssertion(() => Assert.StartsWith("Cancelled: 30 not sent", page.Find("[data-testid=campaign-outcome]").TextContent.Trim()));
        Assert.Equal(CampaignStatus.Cancelled, await _campaigns.StatusAsync(id));
        Assert.Empty(ActionButtons(page));
    }

    [Fact]
    public async Task Retrying_the_failed_messages_asks_first_and_the_page_follows_the_campaign_again()
    {
        // The failed rows belong to no nonprofit any more, so the drain skips them instead of sending.
        var id = await _campaigns.AddAsync("Retried", CampaignStatus.Completed, total: 40, sent: 37, failed: 3);
        var page = RenderPage(id);
        page.WaitForAssertion(() => Assert.Contains("Retry failed", ActionButtons(page)));

        await page.InvokeAsync(() => Button(page, "Retry failed").Click());
        page.WaitForAssertion(() => Assert.Contains("The 3 failed messages will be sent again", page.Markup));
        await page.InvokeAsync(() => Button(page, "Retry them").Click());

        page.WaitForAssertion(() => Assert.Equal("Completed: 37 sent, 3 skipped (opted out or removed after the launch).", page.Find("[data-testid=campaign-outcome]").TextContent.Trim()), PollingTimeout);
        Assert.Equal(("0", "3"), (Count(page, "failed"), Count(page, "skipped")));
        Assert.Empty(page.FindAll("[data-testid=campaign-failures]"));
    }

    [Fact]
    public void An_unknown_campaign_says_it_does_not_exist()
    {
        var page = RenderPage(long.MaxValue);

        page.WaitForAssertion(() => Assert.Contains("That campaign does not exist.", page.Find("[data-testid=campaign-missing]").TextContent));
    }

    private IRenderedComponent<IComponent> RenderPage(long id) => RenderWithProviders(builder =>
    {
        builder.OpenComponent<CampaignPage>(0);
        builder.AddAttribute(1, nameof(CampaignPage.Id), id);
        builder.CloseComponent();
    });

    private static string Count(IRenderedComponent<IComponent> page, string counter) =>
        page.Find($"[data-testid=count-{counter}] .mud-typography-h5").TextContent.Trim();

    private static List<string> ActionButtons(IRenderedComponent<IComponent> page) =>
        page.FindAll("button").Select(b => b.TextContent.Trim()).Where(Actions.Contains).ToList();

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<IComponent> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
