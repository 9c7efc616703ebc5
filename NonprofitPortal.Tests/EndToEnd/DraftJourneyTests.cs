using Microsoft.Playwright;
using NonprofitPortal.Tests.EndToEnd.Pages;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.EndToEnd;

[Collection(BrowserJourneyCollection.Name)]
public sealed class DraftJourneyTests(BrowserHost app, ChromiumBrowser browser)
{
    [Fact]
    public async Task Staff_write_a_draft_watch_the_preview_follow_save_it_and_find_it_after_a_reload()
    {
        await using var browserSession = await SignedInBrowser.StartAsync(browser, app, PortalHost.AdminEmail, PortalHost.AdminPassword);
        var (page, shell) = (browserSession.Page, browserSession.Shell);

        await shell.GoToAsync("Drafts", "Drafts");
        await page.GetByRole(AriaRole.Link, new() { Name = "New draft" }).ClickAsync();
        await shell.WaitUntilInteractiveAsync();
        var editor = new DraftEditorPage(page);
        await editor.Name.FillAsync("Autumn update");
        await editor.Subject.FillAsync("News for {{ nonprofit.name }}");
        await Assertions.Expect(editor.PreviewSubject).ToHaveTextAsync("News for Example Nonprofit");

        await editor.Body.FillAsync("<p>Dear {{ nonprofit.name | string.upcase }},</p><p>See you {{ today }}.</p>");
        await Assertions.Expect(editor.PreviewHtml).ToHaveAttributeAsync("srcdoc", new System.Text.RegularExpressions.Regex("Dear EXAMPLE NONPROFIT"));

        await editor.SaveWithShortcutAsync();
        await Assertions.Expect(editor.SaveStatus).ToContainTextAsync("Saved at");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/drafts/[0-9]+$"));

        await page.ReloadAsync();
        await shell.WaitUntilInteractiveAsync();
        await Assertions.Expect(editor.Name).ToHaveValueAsync("Autumn update");
        await Assertions.Expect(editor.Subject).ToHaveValueAsync("News for {{ nonprofit.name }}");
        await Assertions.Expect(editor.Body).ToHaveValueAsync("<p>Dear {{ nonprofit.name | string.upcase }},</p><p>See you {{ today }}.</p>");
    }
}
