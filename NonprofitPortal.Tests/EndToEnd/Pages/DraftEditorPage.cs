using Microsoft.Playwright;

namespace NonprofitPortal.Tests.EndToEnd.Pages;

public sealed class DraftEditorPage(IPage page)
{
    public ILocator Name => page.GetByRole(AriaRole.Textbox, new() { Name = "Draft name" });

    public ILocator Subject => page.Locator("#subject-template");

    public ILocator Body => page.Locator("#body-template");

    public ILocator PreviewSubject => page.GetByTestId("preview-subject");

    public ILocator PreviewHtml => page.GetByTestId("preview-html");

    public ILocator SaveStatus => page.GetByTestId("save-status");

    public async Task SaveWithShortcutAsync() => await page.Keyboard.PressAsync("Control+s");
}
