using Microsoft.Playwright;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.EndToEnd;

[Collection(BrowserJourneyCollection.Name)]
public sealed class ApiDocsJourneyTests(BrowserHost app, ChromiumBrowser browser)
{
    [Fact]
    public async Task The_menu_leads_to_the_api_docs_which_load_under_the_policy_with_no_console_errors()
    {
        await using var browserSession = await SignedInBrowser.StartAsync(browser, app, PortalHost.AdminEmail, PortalHost.AdminPassword);
        var page = browserSession.Page;
        var consoleErrors = ConsoleErrors(page);

        await browserSession.Shell.NavLink("API documentation").ClickAsync();

        await page.WaitForURLAsync("**/api/docs/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "NonprofitPortal API" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Get a bearer token").First).ToBeVisibleAsync();
        Assert.Empty(consoleErrors);
        Assert.Empty(browserSession.Problems);
    }

    [Fact]
    public async Task Someone_not_signed_in_tries_an_endpoint_from_the_docs_page_with_a_bearer_token_and_gets_its_answer()
    {
        RealServer.Require(browser.IsAvailable, $"Chromium is needed: {browser.UnavailableReason}");
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        var consoleErrors = ConsoleErrors(page);
        var token = await app.Host.TokenAsync(PortalHost.AdminEmail, PortalHost.AdminPassword);
        await page.GotoAsync("api/docs");

        await page.GetByPlaceholder("Token").First.FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Drafts" }).First.ClickAsync();
        await page.GetByText("List drafts").First.ClickAsync();
        await page.Locator("#app").GetByRole(AriaRole.Button, new() { Name = "Test Request (get /api/drafts)" }).First.ClickAsync();
        var answer = page.WaitForResponseAsync(response => response.Url.EndsWith("/api/drafts", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).First.ClickAsync();

        var response = await answer;
        Assert.Equal(200, response.Status);
        Assert.Equal($"Bearer {token}", await response.Request.HeaderValueAsync("authorization"));
        await Assertions.Expect(page.GetByText("200 OK").First).ToBeVisibleAsync();
        Assert.Empty(consoleErrors);
    }

    private static List<string> ConsoleErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }
}
