using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using NonprofitPortal.Tests.EndToEnd.Pages;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.EndToEnd;

[Collection(BrowserJourneyCollection.Name)]
public sealed class DraftJourneyTests(BrowserHost app, ChromiumBrowser browser)
{
    [Fact]
    public async Task Staff_write_a_draft_in_the_visual_editor_save_it_reload_it_switch_modes_and_send_a_test_in_the_foundations_layout()
    {
        await using var browserSession = await SignedInBrowser.StartAsync(browser, app, PortalHost.AdminEmail, PortalHost.AdminPassword);
        var (page, shell) = (browserSession.Page, browserSession.Shell);
        var editor = await DraftEditorPage.OpenNewAsync(page, shell);
        await editor.Name.FillAsync("Visual autumn update");
        await editor.Subject.FillAsync("Autumn news for {{ nonprofit.name }}");
        await Assertions.Expect(editor.PreviewSubject).ToHaveTextAsync("Autumn news for Example Nonprofit");

        await editor.VisualBody.ClickAsync();
        await page.Keyboard.TypeAsync("Dear friends at ");
        await editor.Variable("nonprofit.name").ClickAsync();
        // The chip goes to the server and back to the editor, which takes the focus again.
        await Assertions.Expect(editor.VisualBody.Locator(".template-token")).ToHaveTextAsync("nonprofit.name");
        await Assertions.Expect(editor.VisualBody).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(", thank you");
        await editor.SelectBackAsync("thank you".Length);
        await editor.ToolbarButton("Bold (Ctrl+B)").ClickAsync();
        await Assertions.Expect(editor.ToolbarButton("Bold (Ctrl+B)")).ToHaveAttributeAsync("aria-pressed", "true");
        // The button's command goes through the server, and the editor takes the focus back after it.
        await Assertions.Expect(editor.VisualBody).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Control+b");
        await Assertions.Expect(editor.ToolbarButton("Bold (Ctrl+B)")).ToHaveAttributeAsync("aria-pressed", "false");
        await page.Keyboard.TypeAsync(". Read our report");
        await editor.SelectBackAsync("report".Length);
        await page.Keyboard.PressAsync("Control+k");
        await editor.AnswerLinkDialogAsync("https://foundation.example/report");
        await Assertions.Expect(editor.VisualBody.Locator("strong")).ToHaveTextAsync("thank you");
        await Assertions.Expect(editor.VisualBody.Locator(".template-token")).ToHaveTextAsync("nonprofit.name");
        await Assertions.Expect(editor.PreviewHtml).ToHaveAttributeAsync("srcdoc", new Regex("Dear friends at Example Nonprofit, <strong>thank you</strong>"));

        await editor.SaveWithShortcutAsync();
        await Assertions.Expect(editor.SaveStatus).ToContainTextAsync("Saved at");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/drafts/[0-9]+$"));

        await page.ReloadAsync();
        await shell.WaitUntilInteractiveAsync();
        await Assertions.Expect(editor.Editor).ToHaveAttributeAsync("data-mode", "visual");
        await Assertions.Expect(editor.VisualBody.Locator("strong")).ToHaveTextAsync("thank you");
        await Assertions.Expect(editor.VisualBody.Locator("a")).ToHaveAttributeAsync("href", "https://foundation.example/report");

        await editor.SwitchToAsync("HTML");
        const string saved = "<p>Dear friends at {{ nonprofit.name }}, <strong>thank you</strong>. Read our <a href=\"https://foundation.example/report\">report</a></p>";
        await Assertions.Expect(editor.HtmlBody).ToHaveTextAsync(saved);
        await editor.SwitchToAsync("Visual");
        await Assertions.Expect(editor.VisualBody.Locator(".template-token")).ToHaveTextAsync("nonprofit.name");
        await Assertions.Expect(editor.SaveStatus).ToContainTextAsync("Saved at");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send a test to myself" }).ClickAsync();
        await Assertions.Expect(page.GetByText("A test is on its way")).ToBeVisibleAsync();
        var test = await Eventually.GetAsync(() => Directory.Exists(app.Host.PickupDirectory)
            ? Directory.GetFiles(app.Host.PickupDirectory, "*.eml").Select(path => MimeMessage.Load(path)).FirstOrDefault(m => m.Subject == "[Test] Autumn news for Example Nonprofit")
            : null, "the test message in the pickup folder");
        Assert.Contains("Dear friends at Example Nonprofit, <strong>thank you</strong>", test.HtmlBody, StringComparison.Ordinal);
        Assert.Matches("<td class=\"footer\" style=\"[^\"]*font-size: 13px", test.HtmlBody);
        Assert.Matches("<p style=\"[^\"]*margin: 0 0 16px[^\"]*\">Dear friends", test.HtmlBody);
        Assert.Contains("Unsubscribe", test.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Dear friends at Example Nonprofit, thank you. Read our report (https://foundation.example/report)", test.TextBody, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe (", test.TextBody, StringComparison.Ordinal);
        // Refused by the Content-Security-Policy, or thrown: either would be a broken editor.
        Assert.Empty(browserSession.Problems);
    }
}
