using System.Security.Claims;
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

namespace NonprofitPortal.Tests.Features.Campaigns.Approval;

/// <summary>Approving and rejecting on the campaign page and the dashboard, against the real services of a real host (SQLite), rendered by bUnit.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class CampaignApprovalPageTests : MudTestContext
{
    private const string ApproverId = "approver-of-pages";
    private const string LauncherId = "launcher-of-pages";
    private readonly PortalHost _host;
    private readonly SeededCampaigns _campaigns;
    private readonly BunitAuthorizationContext _authorization;

    public CampaignApprovalPageTests(SqliteHost fixture)
    {
        _host = fixture.Host;
        _campaigns = new SeededCampaigns(fixture.Host);
        foreach (var service in new[] { typeof(CampaignService), typeof(CampaignApprovals), typeof(CampaignProgressMonitor), typeof(SendLog), typeof(TimeProvider) })
        {
            Services.AddSingleton(service, fixture.Host.Services.GetRequiredService(service));
        }

        _authorization = AddAuthorization();
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_approver_approves_a_waiting_campaign_from_its_page_and_the_page_says_who_approved_it()
    {
        var id = await _campaigns.AddAsync("Needs a yes", CampaignStatus.AwaitingApproval, total: 2, sent: 0, createdById: LauncherId);
        SignIn(ApproverId, mayApprove: true);

        var page = RenderPage(id);
        page.WaitForAssertion(() => Assert.Contains("Awaiting approval: nothing has been sent.", page.Find("[data-testid=campaign-awaiting-approval]").TextContent));
        Assert.Equal("As it will be sent", page.Find("[data-testid=campaign-as-sent]").TextContent.Trim());
        page.Find("[data-testid=campaign-approve]").Click();

        page.WaitForAssertion(() => Assert.Contains("Approved by approver@portal.test", page.Find("[data-testid=campaign-approval]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=campaign-awaiting-approval]"));
        Assert.NotEqual(CampaignStatus.AwaitingApproval, await _campaigns.StatusAsync(id));
    }

    [Fact]
    public async Task Rejecting_asks_for_a_reason_first_and_the_page_then_shows_it()
    {
        var id = await _campaigns.AddAsync("Needs a no", CampaignStatus.AwaitingApproval, total: 2, sent: 0, createdById: LauncherId);
        SignIn(ApproverId, mayApprove: true);
        var page = RenderPage(id);
        page.WaitForAssertion(() => page.Find("[data-testid=campaign-reject]"));

        page.Find("[data-testid=campaign-reject]").Click();
        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=reject-confirm]").HasAttribute("disabled")));
        page.Find("textarea").Input("Wrong recipients: the board, not everyone.");
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=reject-confirm]").HasAttribute("disabled")));
        page.Find("[data-testid=reject-confirm]").Click();

        page.WaitForAssertion(() => Assert.Equal("“Wrong recipients: the board, not everyone.”", page.Find("[data-testid=campaign-rejection-reason]").TextContent.Trim()));
        Assert.Equal(CampaignStatus.Rejected, await _campaigns.StatusAsync(id));
        Assert.Empty(page.FindAll("[data-testid=campaign-outcome]"));
    }

    [Fact]
    public async Task The_launcher_who_may_approve_gets_no_approve_button_on_their_own_campaign()
    {
        var id = await _campaigns.AddAsync("My own", CampaignStatus.AwaitingApproval, total: 2, sent: 0, createdById: LauncherId);
        SignIn(LauncherId, mayApprove: true);

        var page = RenderPage(id);

        page.WaitForAssertion(() => Assert.Contains("Another approver must review it", page.Find("[data-testid=campaign-awaiting-approval]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=campaign-approve]"));
        Assert.Empty(page.FindAll("[data-testid=campaign-reject]"));
    }

    [Fact]
    public async Task The_dashboard_shows_an_approver_the_others_waiting_campaigns_and_their_own_apart()
    {
        await _campaigns.AddAsync("Dashboard waiting", CampaignStatus.AwaitingApproval, total: 2, sent: 0, createdById: "dashboard-sender");
        await _campaigns.AddAsync("Dashboard own", CampaignStatus.AwaitingApproval, total: 2, sent: 0, createdById: "dashboard-approver");
        var rejected = await _campaigns.AddAsync("Dashboard rejected", CampaignStatus.AwaitingApproval, total: 2, sent: 0, createdById: "dashboard-sender");
        var rejection = await _host.Services.GetRequiredService<CampaignApprovals>().RejectAsync(rejected, "Not this month.", Principal("dashboard-approver", mayApprove: true), Cancel);

        SignIn("dashboard-approver", mayApprove: true);
        var approverCard = Render<ApprovalsCard>();
        approverCard.WaitForAssertion(() => Assert.Contains("Dashboard waiting", approverCard.Find("[data-testid=awaiting-your-approval]").TextContent));
        var approverSees = approverCard.Find("[data-testid=awaiting-your-approval]").TextContent;
        var approverOwn = approverCard.Find("[data-testid=your-reviewed-campaigns]").TextContent;

        Assert.True(rejection.Succeeded, rejection.Message);
        Assert.Contains("Awaiting your approval", approverSees);
        Assert.DoesNotContain("Dashboard own", approverSees);
        Assert.Contains("Dashboard own", approverOwn);
        Assert.DoesNotContain("Dashboard rejected", approverSees + approverOwn);
    }

    [Fact]
    public async Task A_sender_sees_their_rejected_campaign_and_why_on_the_dashboard_and_no_approvals_card()
    {
        var rejected = await _campaigns.AddAsync("Told why", CampaignStatus.AwaitingApproval, total: 2, sent: 0, createdById: "rejected-sender");
        await _host.Services.GetRequiredService<CampaignApprovals>().RejectAsync(rejected, "Check the subject line.", Principal("some-approver", mayApprove: true), Cancel);
        SignIn("rejected-sender", mayApprove: false);

        var card = Render<ApprovalsCard>();

        card.WaitForAssertion(() => Assert.Contains("Rejected by approver@portal.test: “Check the subject line.”", card.Find("[data-testid=my-campaign-rejected]").TextContent));
        Assert.Empty(card.FindAll("[data-testid=awaiting-your-approval]"));
    }

    private void SignIn(string userId, bool mayApprove)
    {
        _authorization.SetAuthorized("approver@portal.test").SetPolicies(Permissions.CampaignsView, Permissions.CampaignsSend)
            .SetClaims([.. Principal(userId, mayApprove).Claims.Where(c => c.Type != ClaimTypes.Name)]);
    }

    private static ClaimsPrincipal Principal(string userId, bool mayApprove)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Name, "approver@portal.test") };
        if (mayApprove)
        {
            claims.Add(new Claim(Permissions.ClaimType, Permissions.CampaignsApprove));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private IRenderedComponent<IComponent> RenderPage(long id) => RenderWithProviders(builder =>
    {
        builder.OpenComponent<CampaignPage>(0);
        builder.AddAttribute(1, nameof(CampaignPage.Id), id);
        builder.CloseComponent();
    });
}
