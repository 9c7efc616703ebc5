using System.Security.Claims;
using Bunit;
using NonprofitPortal.Components.Layout;
using NonprofitPortal.Features.Accounts;

namespace NonprofitPortal.Tests.Components;

public sealed class NavMenuTests : MudTestContext
{
    [Fact]
    public void A_viewer_sees_no_administration_links()
    {
        AddAuthorization().SetAuthorized("viewer@portal.test");

        var menu = Render<NavMenu>();

        Assert.Equal(["Dashboard"], LinkTexts(menu));
    }

    [Fact]
    public void A_user_manager_with_the_audit_permission_sees_users_roles_and_the_audit_log()
    {
        AddAuthorization().SetAuthorized("admin@portal.test").SetPolicies(Permissions.UsersManage, Permissions.AuditView);

        var menu = Render<NavMenu>();

        Assert.Equal(["Dashboard", "Users", "Roles", "Mail servers", "Sender domain", "Bounce mailboxes", "Audit log"], LinkTexts(menu));
    }

    [Fact]
    public void Staff_see_the_directory_and_drafts_but_not_the_administration()
    {
        AddAuthorization().SetAuthorized("staff@portal.test").SetPolicies(Permissions.NonprofitsView, Permissions.NonprofitsEdit, Permissions.DraftsView);

        var menu = Render<NavMenu>();

        Assert.Equal(["Dashboard", "Nonprofits", "Suppression", "Drafts", "Templates", "Media"], LinkTexts(menu));
    }

    [Fact]
    public void Staff_who_may_view_campaigns_see_them_after_the_drafts()
    {
        AddAuthorization().SetAuthorized("staff@portal.test").SetPolicies(Permissions.NonprofitsView, Permissions.DraftsView, Permissions.CampaignsView);

        var menu = Render<NavMenu>();

        Assert.Equal(["Dashboard", "Nonprofits", "Suppression", "Drafts", "Templates", "Media", "Campaigns"], LinkTexts(menu));
    }

    [Fact]
    public void An_auditor_sees_the_audit_log_but_not_the_user_pages()
    {
        AddAuthorization().SetAuthorized("auditor@portal.test").SetPolicies(Permissions.AuditView);

        var menu = Render<NavMenu>();

        Assert.Equal(["Dashboard", "Audit log"], LinkTexts(menu));
    }

    [Fact]
    public void A_webhooks_manager_sees_webhooks_before_the_audit_log()
    {
        AddAuthorization().SetAuthorized("admin@portal.test").SetPolicies(Permissions.WebhooksManage, Permissions.AuditView);

        var menu = Render<NavMenu>();

        Assert.Equal(["Dashboard", "Webhooks", "Audit log"], LinkTexts(menu));
    }

    [Fact]
    public void People_whose_roles_change_things_get_the_api_documentation_link_last_and_viewers_do_not()
    {
        AddAuthorization().SetAuthorized("sender@portal.test").SetPolicies(Permissions.CampaignsView, Permissions.CampaignsSend)
            .SetClaims(new Claim(Permissions.ClaimType, Permissions.CampaignsView), new Claim(Permissions.ClaimType, Permissions.CampaignsSend));

        var menu = Render<NavMenu>();

        Assert.Equal(["Dashboard", "Campaigns", "API documentation"], LinkTexts(menu));
        Assert.EndsWith("/api/docs", menu.FindAll("a").Last().GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_viewer_with_only_view_permissions_gets_no_api_documentation_link()
    {
        AddAuthorization().SetAuthorized("viewer@portal.test").SetPolicies(Permissions.CampaignsView)
            .SetClaims(new Claim(Permissions.ClaimType, Permissions.CampaignsView));

        var menu = Render<NavMenu>();

        Assert.Equal(["Dashboard", "Campaigns"], LinkTexts(menu));
    }

    private static List<string> LinkTexts(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
}
