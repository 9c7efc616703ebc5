using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Tests.EndToEnd.Pages;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.EndToEnd;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules over the sign-in page and every main page, in the light
/// and the dark theme: no serious or critical violation. Each page's screenshot stays in the test
/// output's screenshots folder.
/// </summary>
[Collection(BrowserJourneyCollection.Name)]
public sealed class AccessibilityTests(BrowserHost app, ChromiumBrowser browser)
{
    private const string Email = "axe-admin@portal.test";
    private const string Password = "Axe-Admin-Pass-1!";

    // Not into frames: the only one is the email preview, sandboxed without scripts, where axe cannot run (and would wait).
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        Iframes = false,
    };

    // Each main page, and what shows once it has loaded.
    private static readonly (string Path, string Heading)[] MainPages =
    [
        ("", "Dashboard"),
        ("nonprofits", "Nonprofits"),
        ("nonprofits/import", "Import nonprofits"),
        ("drafts", "Drafts"),
        ("drafts/new", "New draft"),
        ("templates", "Templates"),
        ("campaigns", "Campaigns"),
        ("media", "Media"),
        ("admin/layouts", "Layouts"),
        ("admin/layouts/new", "New layout"),
        ("admin/users", "Users"),
        ("admin/roles", "Roles"),
        ("admin/mail-servers", "Mail servers"),
        ("admin/audit", "Audit log"),
    ];

    [Fact]
    public async Task The_sign_in_page_and_every_main_page_have_no_serious_or_critical_violation_in_either_theme()
    {
        RealServer.Require(browser.IsAvailable, $"Chromium is needed: {browser.UnavailableReason}");
        await app.Host.CreateUserAsync(Email, Password, BuiltInRoles.Admin);
        var violations = new List<string>();

        await using (var context = await browser.NewContextAsync(app.BaseUrl))
        {
            var signIn = await context.NewPageAsync();
            await signIn.GotoAsync("Account/Login");
            violations.AddRange(await SeriousViolationsAsync(signIn, "sign-in"));
        }

        await using var session = await SignedInBrowser.StartAsync(browser, app, Email, Password);
        foreach (var theme in new[] { "light", "dark" })
        {
            if (theme == "dark")
            {
                await session.Page.GetByRole(AriaRole.Button, new() { Name = "Switch between light and dark theme" }).ClickAsync();
            }

            foreach (var (path, heading) in MainPages)
            {
                await OpenAsync(session, path, heading);
                violations.AddRange(await SeriousViolationsAsync(session.Page, $"{theme} /{path}"));
                var name = path.Length == 0 ? "dashboard" : path.Replace('/', '-');
                await session.Page.ScreenshotAsync(new() { Path = Path.Combine(DefaultLayoutTests.ScreenshotFolder, $"page-{name}-{theme}.png"), FullPage = true });
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static async Task OpenAsync(SignedInBrowser session, string path, string heading)
    {
        var page = session.Page;
        await page.GotoAsync(path);
        await session.Shell.WaitUntilInteractiveAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 }).WaitForAsync();
        if (await page.GetByTestId("email-editor").CountAsync() > 0)
        {
            await Assertions.Expect(new DraftEditorPage(page).Editor).Not.ToHaveAttributeAsync("data-mode", "loading");
        }

        // Lists and pages load after the first render; axe should see them loaded.
        await Assertions.Expect(page.Locator(".mud-progress-linear-indeterminate")).ToHaveCountAsync(0);
    }

    private static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe(WcagAA);
        return result.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .SelectMany(violation => violation.Nodes.Select(node => $"{where}: {violation.Id} ({violation.Impact}): {violation.Help} — {node.Html} {string.Join(" ", node.Any.Select(c => c.Message))}"));
    }
}
