using System.Security.Claims;
using Bunit;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Nonprofits.Pages;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Nonprofits;

/// <summary>The directory grid against the real services of a real host (SQLite), rendered by bUnit.</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class DirectoryPageTests : MudTestContext
{
    private readonly PortalHost _host;

    public DirectoryPageTests(SqliteHost fixture)
    {
        _host = fixture.Host;
        Services.AddSingleton(_host.Services.GetRequiredService<NonprofitEditor>());
        Services.AddSingleton(_host.Services.GetRequiredService<NonprofitDirectory>());
    }

    [Fact]
    public async Task The_grid_finds_by_search_and_opens_the_editor_from_a_row()
    {
        AddAuthorization().SetAuthorized(PortalHost.AdminEmail).SetPolicies(Permissions.NonprofitsView, Permissions.NonprofitsEdit);
        await CreateAsync("Gridline Theatre", "stage@gridline-page.org");
        var page = RenderWithProviders<DirectoryPage>();

        Search(page, "gridline");
        page.WaitForAssertion(() => Assert.Contains("stage@gridline-page.org", page.Find("tbody").TextContent));
        page.Find("button[aria-label='Edit Gridline Theatre']").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("form#nonprofit-form")));
    }

    [Fact]
    public void A_search_without_matches_explains_how_to_see_more()
    {
        AddAuthorization().SetAuthorized(PortalHost.AdminEmail).SetPolicies(Permissions.NonprofitsView);
        var page = RenderWithProviders<DirectoryPage>();

        Search(page, "zzzz-nothing-matches");

        page.WaitForAssertion(() => Assert.Contains("No nonprofit matches these filters", page.Find("[data-testid=directory-empty]").TextContent), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_viewer_sees_no_buttons_that_change_the_directory()
    {
        AddAuthorization().SetAuthorized("viewer@portal.test").SetPolicies(Permissions.NonprofitsView);
        await CreateAsync("Readonly Rowing Club", "oars@readonly-page.org");
        var page = RenderWithProviders<DirectoryPage>();

        Search(page, "readonly");
        page.WaitForAssertion(() => Assert.Contains("oars@readonly-page.org", page.Find("tbody").TextContent));

        Assert.Empty(page.FindAll("button[aria-label^='Edit']"));
        Assert.DoesNotContain("Add nonprofit", page.Markup);
        Assert.Contains("Export CSV", page.Markup);
    }

    private async Task CreateAsync(string name, string email)
    {
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, PortalHost.AdminEmail)], "test"));
        var created = await _host.Services.GetRequiredService<NonprofitEditor>().CreateAsync(new NonprofitInput(name, "1 Test Street", email, []), admin, Xunit.TestContext.Current.CancellationToken);
        Assert.True(created.Succeeded, created.Message);
    }

    private static void Search(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string text) =>
        page.Find("input[aria-label='Search nonprofits']").Input(text);
}
