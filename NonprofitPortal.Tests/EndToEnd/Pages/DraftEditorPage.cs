using Microsoft.Playwright;

namespace NonprofitPortal.Tests.EndToEnd.Pages;

public sealed class DraftEditorPage(IPage page)
{
    public ILocator Name => page.GetByRole(AriaRole.Textbox, new() { Name = "Draft name" });

    public ILocator Subject => page.Locator("#subject-template");

    public ILocator Editor => page.GetByTestId("email-editor");

    /// <summary>The visual editor's writing area.</summary>
    public ILocator VisualBody => page.GetByRole(AriaRole.Textbox, new() { Name = "Body", Exact = true });

    /// <summary>CodeMirror's content area in the HTML mode.</summary>
    public ILocator HtmlBody => page.GetByRole(AriaRole.Textbox, new() { Name = "Body (HTML)", Exact = true });

    public ILocator PreviewSubject => page.GetByTestId("preview-subject");

    public ILocator PreviewHtml => page.GetByTestId("preview-html");

    public ILocator SaveStatus => page.GetByTestId("save-status");

    public ILocator ToolbarButton(string label) => page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Button, new() { Name = label });

    public ILocator Variable(string name) => page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = name });

    public async Task SwitchToAsync(string mode)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = mode, Exact = true }).ClickAsync();
        await Assertions.Expect(Editor).ToHaveAttributeAsync("data-mode", mode.ToLowerInvariant());
    }

    public async Task SaveWithShortcutAsync() => await page.Keyboard.PressAsync("Control+s");

    /// <summary>Answers the link dialog that the toolbar or Ctrl+K opened.</summary>
    public async Task AnswerLinkDialogAsync(string address)
    {
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Address").FillAsync(address);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    /// <summary>Selects the last <paramref name="characters"/> characters before the cursor.</summary>
    public async Task SelectBackAsync(int characters)
    {
        for (var i = 0; i < characters; i++)
        {
            await page.Keyboard.PressAsync("Shift+ArrowLeft");
        }
    }
}
