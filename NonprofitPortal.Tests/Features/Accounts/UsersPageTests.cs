using System.Security.Claims;
using Bunit;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Accounts.Pages;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Accounts;

/// <summary>The users page against the real services of a real host (SQLite), rendered by bUnit.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class UsersPageTests : MudTestContext
{
    private readonly PortalHost _host;

    public UsersPageTests(SqliteHost fixture)
    {
        _host = fixture.Host;
        Services.AddSingleton(_host.Services.GetRequiredService<UserAdministration>());
        Services.AddSingleton(_host.Services.GetRequiredService<RoleAdministration>());
    }

    [Fact]
    public async Task The_page_lists_the_users_with_their_roles()
    {
        await SignInAsAdminAsync();

        var page = RenderWithProviders<Users>();

        page.WaitForAssertion(() => Assert.Contains(PortalHost.AdminEmail, page.Find("tbody").TextContent));
        Assert.Contains("Admin", page.Find("tbody").TextContent);
    }

    [Fact]
    public async Task A_search_without_matches_says_so_and_names_the_search()
    {
        await SignInAsAdminAsync();
        var page = RenderWithProviders<Users>();
        page.WaitForAssertion(() => Assert.Contains(PortalHost.AdminEmail, page.Markup));

        page.Find("input[aria-label='Search users']").Input("zzz-nobody");

        page.WaitForAssertion(() => Assert.Contains("No user matches “zzz-nobody”.", page.Markup), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Deleting_your_own_account_is_refused_with_a_message_after_confirming()
    {
        await SignInAsAdminAsync();
        var page = RenderWithProviders<Users>();
        page.WaitForAssertion(() => Assert.Contains(PortalHost.AdminEmail, page.Markup));

        page.Find($"button[aria-label='Delete {PortalHost.AdminEmail}']").Click();
        page.WaitForAssertion(() => Assert.Contains("Delete this user?", page.Markup));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Contains("You cannot delete your own account.", page.Markup));
        Assert.NotNull(await _host.Services.GetRequiredService<UserAdministration>().FindAsync(await AdminIdAsync(), Xunit.TestContext.Current.CancellationToken));
    }

    private async Task SignInAsAdminAsync()
    {
        AddAuthorization()
            .SetAuthorized(PortalHost.AdminEmail)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, await AdminIdAsync()))
            .SetPolicies(Permissions.UsersManage);
    }

    private async Task<string> AdminIdAsync()
    {
        var users = await _host.Services.GetRequiredService<UserAdministration>().SearchAsync(PortalHost.AdminEmail, 0, 1, Xunit.TestContext.Current.CancellationToken);
        return users.Items.Single().Id;
    }
}
