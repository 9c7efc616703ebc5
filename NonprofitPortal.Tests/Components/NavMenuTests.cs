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

    private static List<string> LinkTexts(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
}
