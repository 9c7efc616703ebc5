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

    /// <summary>Opens a new draft from the Drafts page, and waits until its visual editor is ready.</summary>
    public static async Task<DraftEditorPage> OpenNewAsync(IPage page, ShellPage shell)
    {
        await shell.GoToAsync("Drafts", "Drafts");
        await page.GetByRole(AriaRole.Link, new() { Name = "New draft" }).ClickAsync();
        await shell.WaitUntilInteractiveAsync();
        var editor = new DraftEditorPage(page);
        await Assertions.Expect(editor.Editor).ToHaveAttributeAsync("data-mode", "visual");
        return editor;
    }

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

    /// <summary>Uploads <paramref name="path"/> in the image dialog the toolbar opened, describes it and inserts it.</summary>
    public async Task InsertUploadedImageAsync(string path, string description)
    {
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("image-upload").Locator("input[type=file]").ChooseFilesAsync(path);
        await Assertions.Expect(dialog.GetByLabel("Image address")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/media/[0-9]+/"));
        await dialog.GetByLabel("Text for those who cannot see it").FillAsync(description);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    /// <summary>Drops <paramref name="content"/> on the visual editor as a file, as the system's file manager would.</summary>
    public async Task DropFileAsync(string name, string type, byte[] content) =>
        await VisualBody.EvaluateAsync(
            """
            (element, file) => {
                const transfer = new DataTransfer();
                transfer.items.add(new File([Uint8Array.from(atob(file.base64), c => c.charCodeAt(0))], file.name, { type: file.type }));
                const box = element.getBoundingClientRect();
                element.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, clientX: box.left + 5, clientY: box.bottom - 5, bubbles: true, cancelable: true }));
            }
            """,
            new { name, type, base64 = Convert.ToBase64String(content) });

    /// <summary>Selects the last <paramref name="characters"/> characters before the cursor.</summary>
    public async Task SelectBackAsync(int characters)
    {
        for (var i = 0; i < characters; i++)
        {
            await page.Keyboard.PressAsync("Shift+ArrowLeft");
        }
    }
}
