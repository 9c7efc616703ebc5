using Microsoft.Playwright;
using NonprofitPortal.Tests.EndToEnd.Pages;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.EndToEnd;

[Collection(BrowserJourneyCollection.Name)]
public sealed class AdminJourneyTests(BrowserHost app, ChromiumBrowser browser)
{
    [Fact]
    public async Task An_admin_composes_a_role_creates_a_user_with_it_and_that_user_signs_in_seeing_only_what_the_role_allows()
    {
        await using var browserSession = await SignedInBrowser.StartAsync(browser, app, PortalHost.AdminEmail, PortalHost.AdminPassword);
        var (page, shell) = (browserSession.Page, browserSession.Shell);
        await Assertions.Expect(shell.SignedInUser).ToHaveTextAsync(PortalHost.AdminEmail);

        await shell.GoToAsync("Roles", "Roles");
        await new RolesPage(page).CreateAsync("Grants auditor", "View nonprofits", "View the audit log");
        await Assertions.Expect(new RolesPage(page).Row("Grants auditor")).ToContainTextAsync("audit.view");

        await shell.GoToAsync("Users", "Users");
        var users = new UsersPage(page);
        await users.CreateWithPasswordAsync("auditor.e2e@portal.test", "Auditor-Pass-1!", "Grants auditor");
        await Assertions.Expect(users.Row("auditor.e2e@portal.test")).ToContainTextAsync("Grants auditor");

        await shell.SignOutAsync();
        await new LoginPage(page).SignInAsync("auditor.e2e@portal.test", "Auditor-Pass-1!");
        await Assertions.Expect(shell.SignedInUser).ToHaveTextAsync("auditor.e2e@portal.test");
        await Assertions.Expect(shell.NavLink("Audit log")).ToBeVisibleAsync();
        await Assertions.Expect(shell.NavLink("Users")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_admin_creates_a_staff_user_who_then_signs_in()
    {
        await using var browserSession = await SignedInBrowser.StartAsync(browser, app, PortalHost.AdminEmail, PortalHost.AdminPassword);
        var (page, shell) = (browserSession.Page, browserSession.Shell);
        await shell.GoToAsync("Users", "Users");
        await new UsersPage(page).CreateWithPasswordAsync("staff.e2e@portal.test", "Staff-Pass-1!", "Staff");
        await shell.SignOutAsync();

        await new LoginPage(page).SignInAsync("staff.e2e@portal.test", "Staff-Pass-1!");
        await Assertions.Expect(shell.SignedInUser).ToHaveTextAsync("staff.e2e@portal.test");
        await Assertions.Expect(shell.NavLink("Roles")).ToHaveCountAsync(0);
    }
}
